package org.gawah.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.gawah.Digests;
import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.app.AttachmentOpening;
import org.gawah.app.CustodyLog;
import org.gawah.app.Home;
import org.gawah.app.InputFile;
import org.gawah.app.OutputFile;
import org.gawah.custody.Action;
import org.gawah.keys.Keyring;
import org.gawah.keys.Role;
import org.gawah.openpgp.Certificate;
import org.gawah.openpgp.Opened;
import org.gawah.openpgp.Opener;
import org.gawah.openpgp.SecretKey;
import org.gawah.testimony.Testimonies;
import org.gawah.vault.RecordWrite;
import org.gawah.vault.LoggedRecord;
import org.gawah.vault.Vault;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "open")
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
        @Parameters(paramLabel = "RECORD-ID", converter = IdArgument.class, descriptionKey = "gawah.open.record-id")
        String id;

        @Option(names = "--sealed", paramLabel = "FILE")
        Path file;
    }

    @Option(names = "--identity")
    boolean identity;

    @Option(names = "--attachments", paramLabel = "DIR")
    Path attachmentsDir;

    @Option(names = "--out", paramLabel = "FILE")
    Path out;

    @Override
    public Integer call() {
        Terminal terminal = root.terminal;
        Home home = homeOptions.resolve(terminal);
        Keyring keyring = home.keyring();
        SecretKey own = keyring.requireOwnKey();
        if (out != null && Files.exists(out)) {
            throw new GawahException(Failure.OUTPUT_EXISTS, Messages.of("output.exists", out));
        }
        List<Certificate> signers = new ArrayList<>(keyring.pinned(Role.DOCUMENTER));
        signers.add(own.certificate());

        if (attachmentsDir != null && (source.file != null || identity)) {
            throw new GawahException(Failure.USAGE, Messages.of("open.attachments-need-record-id"));
        }
        if (source.file != null && identity) {
            throw new GawahException(Failure.USAGE, Messages.of("open.identity-needs-record-id"));
        }
        // A new folder is made (owner-only) as the help's example expects; a missing parent is a typo, not made.
        Path parent = attachmentsDir == null ? null : attachmentsDir.toAbsolutePath().normalize().getParent();
        if (attachmentsDir != null && !Files.isDirectory(attachmentsDir) && (parent == null || !Files.isDirectory(parent))) {
            throw new GawahException(Failure.MISSING_INPUT, Messages.of("open.no-such-folder", parent));
        }
        AskOnce ask = new AskOnce(passphrase.forKeys(terminal));
        Opened opened = null;
        try {
            unlockAhead(own, ask);
            LoggedRecord record = source.id == null ? null : record(home);
            byte[] sealed = record == null ? InputFile.read(source.file, InputFile.Kind.SEALED_RECORD)
                    : identity ? record.identity() : record.testimony();
            opened = Opener.open(sealed, own, ask, signers);
            if (record != null) {
                // The signer inside must be the documenter whose signed custody entry brought the record.
                org.gawah.app.Provenance.requireBroughtBy(record, identity ? RecordWrite.identitySubject(record.id()) : record.id(), opened);
                // Logged before anything is shown: no plaintext leaves the vault unrecorded.
                CustodyLog.append(home, CustodyLog.signingKey(own, ask), Action.OPENED,
                        identity ? RecordWrite.identitySubject(source.id) : source.id, Digests.sha256(sealed));
            }
            terminal.info(Messages.of("open.good-signature", opened.signerUserId(),
                    Display.fingerprint(opened.signerFingerprint()), opened.signedAt()));
            if (record != null) {
                org.gawah.app.Provenance.otherClaims(record, opened).ifPresent(terminal::warn);
            }
            signerStanding(signers, opened.signerFingerprint());
            if (out == null) {
                int escaped = terminal.showData(opened.content());
                if (escaped > 0) {
                    terminal.info(Messages.of("open.escaped", escaped));
                }
            } else {
                OutputFile.writeNew(out, opened.content());
                terminal.info(Messages.of("open.wrote-plaintext", out));
            }
            if (attachmentsDir != null) {
                makeFolder(attachmentsDir);
                try (Vault vault = home.vault()) {
                    CustodyLog.append(home, CustodyLog.signingKey(own, ask), Action.OPENED, record.attachments()
                            .stream().map(a -> new CustodyLog.Subject(a.id(), a.sealedSha256())).toList());
                    AttachmentOpening.openAll(home, vault, record, Testimonies.readRecord(opened.content()),
                            opened.signerFingerprint(), attachmentsDir, own, ask, signers, told(terminal));
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

    /**
     * A passphrase given in a file or the environment: the key's S2K starts now, beside reading the
     * vault and its signed log. One typed is asked when a key is needed, as before; a passphrase
     * that cannot be read is reported there too, in the order the checks have always come in.
     */
    private void unlockAhead(SecretKey own, AskOnce ask) {
        if (!passphrase.given()) {
            return;
        }
        char[] secret;
        try {
            secret = ask.passphraseFor(own.fingerprint());
        } catch (GawahException e) {
            return;
        }
        try {
            own.unlockAhead(secret);
        } finally {
            java.util.Arrays.fill(secret, '\0');
        }
    }

    /** A signer whose key expired or was retired since signed while it was valid (else the signature was refused): said so. */
    private void signerStanding(List<Certificate> signers, String fingerprint) {
        signers.stream().filter(c -> c.fingerprint().equals(fingerprint)).findFirst()
                .flatMap(c -> c.standing(java.time.Instant.now()))
                .ifPresent(standing -> root.terminal.info(Messages.of("signer.standing", standing)));
    }

    /** The terminal's side of opening attachments: a progress line for each, then what was written and under which name. */
    private static AttachmentOpening.Told told(Terminal terminal) {
        return new AttachmentOpening.Told() {
            private Progress progress;

            @Override
            public java.io.InputStream reading(Path target, long size, java.io.InputStream sealed) {
                progress = new Progress(terminal, Messages.of("open.attachment-progress", target.getFileName()), size);
                return progress.counting(sealed);
            }

            @Override
            public void read(Path target) {
                progress.finish();
            }

            @Override
            public void written(AttachmentOpening.Written written) {
                terminal.info(Messages.of("open.attachment-written", written.attachmentId(), written.file()));
                if (written.renamed()) {
                    terminal.info(Messages.of("open.attachment-renamed", written.attachmentId(), written.named(),
                            written.file().getFileName()));
                }
            }

            @Override
            public void warning(org.gawah.Message warning) {
                terminal.warn(warning);
            }
        };
    }

    private static void makeFolder(Path folder) {
        if (Files.isDirectory(folder)) {
            return;
        }
        try {
            org.gawah.vault.FilePermissions.createPrivateDirectory(folder);
        } catch (java.io.IOException e) {
            throw new GawahException(Failure.MISSING_INPUT, Messages.of("open.cannot-make-folder", folder, e.getMessage()));
        }
    }

    /** The record as the signed custody logs vouch for it: its ciphertext the one its entry logged. */
    private LoggedRecord record(Home home) {
        try (Vault vault = home.vault()) {
            LoggedRecord record = home.signed(vault).record(source.id).orElseThrow(() -> new GawahException(
                    Failure.NOT_FOUND, Messages.of("home.no-record", source.id, home.vaultName()),
                    Messages.of("home.no-record.hint")));
            if (identity && record.identity() == null) {
                throw new GawahException(Failure.NOT_FOUND, Messages.of("open.no-identity", source.id));
            }
            return record;
        }
    }
}
