package org.gawah.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.gawah.Digests;
import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.custody.Action;
import org.gawah.keys.Keyring;
import org.gawah.keys.Role;
import org.gawah.openpgp.Certificate;
import org.gawah.openpgp.Opened;
import org.gawah.openpgp.Opener;
import org.gawah.openpgp.SecretKey;
import org.gawah.vault.RecordWrite;
import org.gawah.vault.SealedRecord;
import org.gawah.vault.Vault;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "open",
        description = {
            "Decrypt a sealed record with this home's key, check that nothing changed since it was sealed, and check it was signed by a pinned documenter key.",
            "Only then is the testimony shown (the exact signed JSON bytes) on standard output, or written with --out. The signature status goes to standard error.",
        },
        footer = {"", "Examples:",
            "  gawah open GWH-7K3M-9QXA-2D4F-8ZZP",
            "  gawah open --sealed GWH-7K3M-9QXA-2D4F-8ZZP.pgp --out testimony.json",
            "  gawah open --identity GWH-7K3M-9QXA-2D4F-8ZZP     (protection officers)",
            "  gawah open GWH-7K3M-9QXA-2D4F-8ZZP --out testimony.json --attachments ./evidence"})
final class OpenCommand implements Callable<Integer> {
    @ParentCommand
    GawahCommand root;

    @Mixin
    HomeOptions homeOptions;

    @Mixin
    PassphraseOptions passphrase;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Parameters(paramLabel = "RECORD-ID", description = "A record in this home's vault.")
        String id;

        @Option(names = "--sealed", paramLabel = "FILE", description = "A sealed message in a file (binary or armoured).")
        Path file;
    }

    @Option(names = "--identity", description = "Open the witness-identity envelope instead of the testimony.")
    boolean identity;

    @Option(names = "--attachments", paramLabel = "DIR",
            description = "Also write the record's attachments into DIR, each checked (signature, hashes) before it is kept.")
    Path attachmentsDir;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write the plaintext to FILE (created new, owner-only) instead of standard output.")
    Path out;

    @Override
    public Integer call() {
        Terminal terminal = root.terminal;
        Home home = homeOptions.resolve(terminal);
        Keyring keyring = home.keyring();
        SecretKey own = keyring.requireOwnKey();
        if (out != null && Files.exists(out)) {
            throw new GawahException(Failure.OUTPUT_EXISTS, out + " already exists; nothing was written");
        }
        List<Certificate> signers = new ArrayList<>(keyring.pinned(Role.DOCUMENTER));
        signers.add(own.certificate());

        if (attachmentsDir != null && (source.file != null || identity)) {
            throw new GawahException(Failure.USAGE, "--attachments goes with a record id, not with --sealed or --identity");
        }
        if (attachmentsDir != null && !Files.isDirectory(attachmentsDir)) {
            throw new GawahException(Failure.MISSING_INPUT, "no such folder: " + attachmentsDir);
        }
        AskOnce ask = new AskOnce(fingerprint ->
                passphrase.read(terminal, "Passphrase for your key " + Display.fingerprint(fingerprint)));
        Opened opened = null;
        try {
            byte[] sealed = sealed(home);
            opened = Opener.open(sealed, own, ask, signers);
            if (source.id != null) {
                // Logged before anything is shown: no plaintext leaves the vault unrecorded.
                CustodyLog.append(home, CustodyLog.signingKey(own, ask), Action.OPENED,
                        identity ? RecordWrite.identitySubject(source.id) : source.id, Digests.sha256(sealed));
            }
            terminal.info("good signature from " + opened.signerUserId() + " ("
                    + Display.fingerprint(opened.signerFingerprint()) + "), signed " + opened.signedAt());
            if (out == null) {
                terminal.writeData(opened.content());
            } else {
                OutputFile.writeNew(out, opened.content());
                terminal.info("wrote the plaintext to " + out + ": it is readable now; delete it when done");
            }
            if (attachmentsDir != null) {
                try (Vault vault = home.vault()) {
                    CustodyLog.append(home, CustodyLog.signingKey(own, ask), Action.OPENED, vault.attachments(source.id)
                            .stream().map(a -> new CustodyLog.Subject(a.id(), a.sealedSha256())).toList());
                    AttachmentOpening.openAll(terminal, vault, source.id, opened, attachmentsDir, own, ask, signers);
                }
            }
        } finally {
            ask.wipe();
            if (opened != null) {
                opened.wipe();
            }
        }
        return 0;
    }

    private byte[] sealed(Home home) {
        if (source.file != null) {
            if (identity) {
                throw new GawahException(Failure.USAGE, "--identity applies to a record id, not to --sealed");
            }
            return KeysImportCommand.read(source.file);
        }
        try (Vault vault = home.vault()) {
            SealedRecord record = vault.get(source.id).orElseThrow(() -> new GawahException(Failure.NOT_FOUND,
                    "no record " + source.id + " in " + home.vaultFile(), "see the records with: gawah list"));
            if (!identity) {
                return record.testimony();
            }
            if (record.identity() == null) {
                throw new GawahException(Failure.NOT_FOUND, "record " + source.id + " has no identity envelope");
            }
            return record.identity();
        }
    }
}
