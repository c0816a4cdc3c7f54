package org.gawah.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;

import org.gawah.Digests;
import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.app.CustodyLog;
import org.gawah.app.Home;
import org.gawah.app.OutputFile;
import org.gawah.custody.Action;
import org.gawah.openpgp.Armor;
import org.gawah.openpgp.SecretKey;
import org.gawah.vault.RecordWrite;
import org.gawah.vault.LoggedRecord;
import org.gawah.vault.StoredAttachment;
import org.gawah.vault.Vault;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "export-sealed")
final class ExportSealedCommand implements Callable<Integer> {
    @ParentCommand
    GawahCommand root;

    @Mixin
    HomeOptions homeOptions;

    @Mixin
    PassphraseOptions passphrase;

    @Parameters(paramLabel = "RECORD-ID", converter = IdArgument.class, descriptionKey = "gawah.export-sealed.record-id")
    String id;

    @Option(names = "--out", required = true, paramLabel = "FILE")
    Path out;

    @Option(names = "--identity")
    boolean identity;

    @Option(names = "--armor")
    boolean armor;

    @Option(names = "--attachment", paramLabel = "N")
    Integer attachment;

    @Override
    public Integer call() {
        Terminal terminal = root.terminal;
        Home home = homeOptions.resolve(terminal);
        if (attachment != null) {
            return exportAttachment(terminal, home);
        }
        byte[] sealed;
        try (Vault vault = home.vault()) {
            LoggedRecord record = home.signed(vault).record(id).orElseThrow(() -> new GawahException(Failure.NOT_FOUND,
                    Messages.of("home.no-record", id, home.vaultName()), Messages.of("home.no-record.hint")));
            sealed = identity ? record.identity() : record.testimony();
            if (sealed == null) {
                throw new GawahException(Failure.NOT_FOUND, Messages.of("open.no-identity", id));
            }
        }
        if (Files.exists(out)) {
            throw new GawahException(Failure.OUTPUT_EXISTS, Messages.of("output.exists", out));
        }
        logExport(terminal, home, identity ? RecordWrite.identitySubject(id) : id, Digests.sha256(sealed));
        OutputFile.writeNew(out, armor ? Armor.armor(sealed).getBytes(StandardCharsets.US_ASCII) : sealed);
        terminal.info(Messages.of("export-sealed.wrote-record", id, Display.size(sealed.length), out));
        return 0;
    }

    private int exportAttachment(Terminal terminal, Home home) {
        try (Vault vault = home.vault()) {
            // Each attachment as the signed log lists it with the record, with the SHA-256 its entry logged.
            java.util.List<StoredAttachment> stored = home.signed(vault).record(id)
                    .orElseThrow(() -> new GawahException(Failure.NOT_FOUND, Messages.of("home.no-record", id,
                            home.vaultName()))).attachments();
            if (attachment < 1 || attachment > stored.size()) {
                throw new GawahException(Failure.NOT_FOUND,
                        Messages.of("export-sealed.no-such-attachment", id, stored.size(), attachment));
            }
            StoredAttachment chosen = stored.get(attachment - 1);
            if (Files.exists(out)) {
                throw new GawahException(Failure.OUTPUT_EXISTS, Messages.of("output.exists", out));
            }
            logExport(terminal, home, chosen.id(), chosen.sealedSha256());
            OutputFile.createPrivate(out);
            boolean done = false;
            try (InputStream in = vault.openAttachment(chosen);
                 OutputStream file = new java.io.BufferedOutputStream(
                         armor ? Armor.armoring(Files.newOutputStream(out)) : Files.newOutputStream(out), 1 << 20)) {
                in.transferTo(file);
                done = true;
            } catch (IOException e) {
                throw new GawahException(Failure.BAD_DATA,
                        Messages.of("export-sealed.cannot-export-attachment", chosen.id(), e.getMessage()), null, e);
            } finally {
                if (!done) {
                    deleteQuietly(out);
                }
            }
            terminal.info(Messages.of("export-sealed.wrote-attachment", chosen.id(), Display.size(chosen.sealedSize()), out));
        }
        return 0;
    }

    /** Logged first: a copy that leaves the vault is in the custody log even if writing it then fails. */
    private void logExport(Terminal terminal, Home home, String subject, String sha256) {
        SecretKey own = home.keyring().requireOwnKey();
        CustodyLog.append(home, passphrase.unlockForSigning(terminal, own, Instant.now()), Action.EXPORTED, subject, sha256);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // The export's own failure is what the user is told.
        }
    }
}
