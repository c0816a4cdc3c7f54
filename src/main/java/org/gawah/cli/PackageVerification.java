package org.gawah.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.app.Home;
import org.gawah.app.PartialFiles;
import org.gawah.bag.BagReader;
import org.gawah.bag.EncryptedSpool;
import org.gawah.export.PackageCheck;
import org.gawah.keys.Keyring;
import org.gawah.keys.Role;
import org.gawah.openpgp.Certificate;
import org.gawah.openpgp.Opened;
import org.gawah.openpgp.Opener;
import org.gawah.openpgp.SecretKey;

/**
 * {@code gawah verify} on an evidence package, zipped or encrypted to this home's key: every
 * check of docs/format/evidence-package.md, and a summary a receiver can act on. Writes nothing
 * in the home; an encrypted package is decrypted in constant memory into an {@link EncryptedSpool}
 * (never plaintext on disk), and read from there only once its integrity and signature passed.
 */
final class PackageVerification {
    /**
     * Gawah writes packages uncompressed, so their plaintext is smaller than the file; other tools
     * may compress. More than this many times the file (and {@link #EXPANSION_SLACK}) is a
     * compression bomb: refused as soon as it is reached, before it costs minutes and disk.
     */
    static final long MAX_EXPANSION = 16;
    static final long EXPANSION_SLACK = 16L << 20;

    private PackageVerification() {
    }

    /**
     * Whether the file is an OpenPGP message (a binary packet header has its top bit set; or
     * ASCII armour). Anything else is read as a zip, and refused as one if it is not.
     */
    static boolean isEncrypted(Path file) {
        return PartialFiles.isEncrypted(file);
    }

    /** The custodians whose packages this home trusts: its own key, and those pinned as custodian or legal. */
    static List<Certificate> custodians(Home home) {
        if (!home.exists()) {
            return List.of();
        }
        Keyring keyring = home.keyring();
        List<Certificate> trusted = new ArrayList<>(keyring.pinned(Role.CUSTODIAN));
        trusted.addAll(keyring.pinned(Role.LEGAL));
        keyring.ownKey().ifPresent(own -> trusted.add(own.certificate()));
        return trusted;
    }

    /** A decrypted package (in a spool the caller closes), and who signed the encryption layer. */
    record Decrypted(EncryptedSpool spool, String signer) implements AutoCloseable {
        @Override
        public void close() {
            spool.close();
        }
    }

    /**
     * Decrypts an encrypted package with this home's key, checking it was signed by a trusted
     * custodian. The plaintext streams into the spool as it is decrypted; it is used only if
     * every check passed, and deleted (with its key) otherwise.
     */
    static Decrypted decrypt(Terminal terminal, Home home, Path file, PassphraseOptions passphrase) {
        SecretKey own = home.keyring().requireOwnKey();
        AskOnce ask = new AskOnce(fingerprint ->
                passphrase.read(terminal, Messages.of("verify.passphrase", Display.fingerprint(fingerprint))));
        EncryptedSpool spool = null;
        boolean done = false;
        try (InputStream in = Files.newInputStream(file)) {
            long limit = Math.addExact(Math.multiplyExact(Files.size(file), MAX_EXPANSION), EXPANSION_SLACK);
            spool = EncryptedSpool.create();
            Opened opened;
            try (OutputStream sink = new Bounded(spool.output(), limit, file)) {
                opened = Opener.openTo(in, sink, own, ask, custodians(home));
            } catch (GawahException e) {
                if (e.failure() != Failure.UNKNOWN_SIGNER) {
                    throw e;
                }
                // A package is trusted by its custodian's key, not a documenter's: say which role to pin it under.
                throw new GawahException(Failure.UNKNOWN_SIGNER, e.message(), Messages.of("verify.package.untrusted.hint"), e);
            }
            terminal.info(Messages.of("verify.decrypted", opened.signerUserId(),
                    Display.fingerprint(opened.signerFingerprint()), opened.signedAt()));
            done = true;
            return new Decrypted(spool, opened.signerFingerprint());
        } catch (Opener.SinkFailure e) {
            // Not the package's fault, and not to be called unreadable: the disk holding the spool is full, say.
            throw new GawahException(Failure.MISSING_INPUT, Messages.of("verify.cannot-spool", file,
                    System.getProperty("java.io.tmpdir"), e.getMessage()), Messages.of("verify.cannot-spool.hint"), e);
        } catch (IOException e) {
            throw new GawahException(Failure.MISSING_INPUT, Messages.of("verify.cannot-read", file, e.getMessage()));
        } finally {
            ask.wipe();
            if (!done && spool != null) {
                spool.close();
            }
        }
    }

    /** {@code outerSigner}: who signed the encryption layer, which must be the package's custodian (null for a zip). */
    static int verify(Terminal terminal, Home home, BagReader bag, String label, long size, String outerSigner) {
        PackageCheck.Verified verified;
        Progress progress = new Progress(terminal, Messages.of("verify.checking-package"), size);
        try {
            verified = PackageCheck.read(bag, custodians(home), TsaTrust.pinned(home), progress::advance);
        } catch (GawahException e) {
            terminal.line(Messages.of("verify.package", label, Messages.of("verify.invalid")).render());
            terminal.line("  " + Messages.of("verify.what-failed", e.message()).render());
            throw e;
        }
        progress.finish();
        Certificate custodian = verified.custodian();
        if (outerSigner != null && !outerSigner.equals(custodian.fingerprint())) {
            throw new GawahException(Failure.BAD_SIGNATURE, Messages.of("verify.package.signers-differ",
                    custodian.fingerprint(), outerSigner), Messages.of("verify.package.signers-differ.hint"));
        }
        terminal.line(Messages.of("verify.package", verified.id(),
                verified.trusted() ? Messages.of("verify.valid") : Messages.of("verify.not-trusted")).render());
        ReportLines report = new ReportLines(terminal, 2, Messages.of("verify.label.case"), Messages.of("verify.label.custodian"),
                Messages.of("verify.label.documenter"), Messages.of("verify.label.items"), Messages.of("verify.label.payload"),
                Messages.of("verify.label.custody"));
        report.line(Messages.of("verify.label.case"), Messages.of("verify.package.case", verified.info().get("Case-Identifier"),
                verified.info().get("Intended-Recipient"), verified.info().get("Profile-Identifier")));
        report.line(Messages.of("verify.label.custodian"), Messages.of("verify.package.custodian", custodian.userId(),
                Display.fingerprint(custodian.fingerprint())));
        report.more(verified.trusted() ? Messages.of("verify.package.trusted") : Messages.of("verify.package.not-pinned"));
        custodian.standing(java.time.Instant.now()).ifPresent(standing -> report.more(Messages.of("signer.standing", standing)));
        for (Certificate documenter : verified.documenters()) {
            report.line(Messages.of("verify.label.documenter"), Messages.of("verify.package.documenter", documenter.userId(),
                    Display.fingerprint(documenter.fingerprint())));
        }
        report.line(Messages.of("verify.label.items"), Messages.of("verify.package.items", verified.items(), verified.signatures()));
        report.line(Messages.of("verify.label.payload"), Messages.of("verify.package.payload", Display.size(verified.payloadBytes())));
        report.line(Messages.of("verify.label.custody"), Messages.of("verify.package.custody", verified.custodyEntries()));
        if (!verified.trusted()) {
            throw new GawahException(Failure.UNKNOWN_SIGNER, Messages.of("verify.package.untrusted", custodian.fingerprint()),
                    Messages.of("verify.package.untrusted.hint"));
        }
        return 0;
    }

    /** Passes the plaintext on, and refuses it past {@code limit} bytes: a compression bomb. */
    private static final class Bounded extends FilterOutputStream {
        private final long limit;
        private final Path file;
        private long written;

        Bounded(OutputStream out, long limit, Path file) {
            super(out);
            this.limit = limit;
            this.file = file;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (written + len > limit) {
                throw new GawahException(Failure.BAD_DATA, Messages.of("verify.expands", file, limit >> 20),
                        Messages.of("verify.expands.hint"));
            }
            written += len;
            out.write(b, off, len);
        }
    }
}
