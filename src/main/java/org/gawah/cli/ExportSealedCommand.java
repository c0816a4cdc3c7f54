package org.gawah.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.vault.SealedRecord;
import org.gawah.vault.Vault;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "export-sealed",
        description = {
            "Copy a sealed record out of the vault as it is: an OpenPGP message, still encrypted and signed.",
            "Any OpenPGP tool opens it with a recipient's key, e.g. gpg --decrypt.",
        },
        footer = {"", "Example:", "  gawah export-sealed GWH-7K3M-9QXA-2D4F-8ZZP --out record.pgp",
            "  gpg --decrypt record.pgp > testimony.json"})
final class ExportSealedCommand implements Callable<Integer> {
    @ParentCommand
    GawahCommand root;

    @Mixin
    HomeOptions homeOptions;

    @Parameters(paramLabel = "RECORD-ID")
    String id;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write it (not overwritten).")
    Path out;

    @Option(names = "--identity", description = "Export the witness-identity envelope instead of the testimony.")
    boolean identity;

    @Option(names = "--armor", description = "ASCII-armoured instead of binary.")
    boolean armor;

    @Override
    public Integer call() {
        Terminal terminal = root.terminal;
        Home home = homeOptions.resolve(terminal);
        byte[] sealed;
        try (Vault vault = home.vault()) {
            SealedRecord record = vault.get(id).orElseThrow(() -> new GawahException(Failure.NOT_FOUND,
                    "no record " + id + " in " + home.vaultFile(), "see the records with: gawah list"));
            sealed = identity ? record.identity() : record.testimony();
            if (sealed == null) {
                throw new GawahException(Failure.NOT_FOUND, "record " + id + " has no identity envelope");
            }
        }
        OutputFile.writeNew(out, armor ? org.gawah.openpgp.Armor.armor(sealed).getBytes(StandardCharsets.US_ASCII) : sealed);
        terminal.info("wrote sealed record " + id + " (" + Display.size(sealed.length) + ") to " + out);
        return 0;
    }
}
