package org.gawah.app;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.gawah.Failure;
import org.gawah.GawahException;
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
 * An evidence package received, checked as a plain operation both faces call ({@code gawah verify
 * FILE}, the window's verify page): zipped or encrypted to this home's key, every check of
 * docs/format/evidence-package.md, the result as data ({@link PackageCheck.Verified}). Writes
 * nothing in the home; an encrypted package is decrypted in constant memory into an
 * {@link EncryptedSpool} (never plaintext on disk), and read from there only once its integrity
 * and signature passed.
 */
public final class PackageVerification {
    /**
     * Gawah writes packages uncompressed, so their plaintext is smaller than the file; other tools
     * may compress. More than this many times the file (and {@link #EXPANSION_SLACK}) is a
     * compression bomb: refused as soon as it is reached, before it costs minutes and disk.
     */
    public static final long MAX_EXPANSION = 16;
    public static final long EXPANSION_SLACK = 16L << 20;

    private PackageVerification() {
    }

    /**
     * Whether the file is an OpenPGP message (a binary packet header has its top bit set; or
     * ASCII armour). Anything else is read as a zip, and refused as one if it is not.
     */
    public static boolean isEncrypted(Path file) {
        return PartialFiles.isEncrypted(file);
    }

    /** The custodians whose packages this home trusts: its own key, and those pinned as custodian or legal. */
    public static List<Certificate> custodians(Home home) {
        if (!home.exists()) {
            return List.of();
        }
        Keyring keyring = home.keyring();
        List<Certificate> trusted = new ArrayList<>(keyring.pinned(Role.CUSTODIAN));
        trusted.addAll(keyring.pinned(Role.LEGAL));
        keyring.ownKey().ifPresent(own -> trusted.add(own.certificate()));
        return trusted;
    }

    /** Who signed the encryption around a package, and when. */
    public record OuterSignature(String fingerprint, String userId, Instant signedAt) {
    }

    /** A decrypted package (in a spool the caller closes), and who signed the encryption layer. */
    public record Decrypted(EncryptedSpool spool, OuterSignature signature) implements AutoCloseable {
        @Override
        public void close() {
            spool.close();
        }
    }

    /** What a package's check found: the package, and who signed its encryption (null for a zip). */
    public record Result(PackageCheck.Verified verified, OuterSignature encryptedBy) {
    }

    /**
     * Checks the package in {@code file} whole: decrypted first when it is encrypted (with this
     * home's key, the passphrase from {@code ask}), then read as a zip and checked. A zip that is
     * not an evidence package is refused (a submission bag is checked, and reported whole, as it is
     * imported). For a face that lists the steps; the terminal calls the parts, to say each as it
     * comes, and checks a submission bag here too.
     */
    public static Result verify(Home home, Path file, Opener.PassphraseSource ask, BagReader.ProgressListener progress,
                                Consumer<CheckStep> steps) {
        if (Files.isDirectory(file)) {
            throw new GawahException(Failure.MISSING_INPUT, Messages.of("verify.folder", file), Messages.of("verify.folder.hint"));
        }
        if (!Files.isRegularFile(file)) {
            throw new GawahException(Failure.MISSING_INPUT, Messages.of("verify.no-file", file));
        }
        String name = file.getFileName().toString();
        if (isEncrypted(file)) {
            steps.accept(CheckStep.DECRYPTION);
            try (Decrypted decrypted = decrypt(home, file, ask)) {
                steps.accept(CheckStep.ZIP);
                try (BagReader bag = BagReader.open(decrypted.spool().channel(), name)) {
                    requirePackage(bag);
                    PackageCheck.Verified verified = check(home, bag, progress, steps);
                    requireSameSigner(verified, decrypted.signature().fingerprint());
                    return new Result(verified, decrypted.signature());
                }
            }
        }
        steps.accept(CheckStep.ZIP);
        try (BagReader bag = BagReader.open(file)) {
            if (!isPackage(bag)) {
                throw new GawahException(Failure.BAD_DATA, Messages.of("verify.bag-not-package", file.getFileName()),
                        Messages.of("verify.bag-not-package.hint"));
            }
            return new Result(check(home, bag, progress, steps), null);
        }
    }

    /** Refuses a zip that is not an evidence package (a submission bag is checked as one elsewhere). */
    public static void requirePackage(BagReader bag) {
        if (!isPackage(bag)) {
            throw new GawahException(Failure.BAD_DATA, Messages.of("verify.not-a-package"));
        }
    }

    /** Whether the zip's folder is named as an evidence package's. */
    public static boolean isPackage(BagReader bag) {
        return bag.name().startsWith("GWE-");
    }

    /**
     * Decrypts an encrypted package with this home's key, checking it was signed by a trusted
     * custodian. The plaintext streams into the spool as it is decrypted; it is used only if
     * every check passed, and deleted (with its key) otherwise.
     */
    public static Decrypted decrypt(Home home, Path file, Opener.PassphraseSource ask) {
        SecretKey own = home.keyring().requireOwnKey();
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
            done = true;
            return new Decrypted(spool, new OuterSignature(opened.signerFingerprint(), opened.signerUserId(), opened.signedAt()));
        } catch (Opener.SinkFailure e) {
            // Not the package's fault, and not to be called unreadable: the disk holding the spool is full, say.
            throw new GawahException(Failure.MISSING_INPUT, Messages.of("verify.cannot-spool", file,
                    System.getProperty("java.io.tmpdir"), e.getMessage()), Messages.of("verify.cannot-spool.hint"), e);
        } catch (IOException e) {
            throw new GawahException(Failure.MISSING_INPUT, Messages.of("verify.cannot-read", file, e.getMessage()));
        } finally {
            if (!done && spool != null) {
                spool.close();
            }
        }
    }

    /**
     * Checks the package in {@code bag} against the custodians and time-stamping authorities this
     * home trusts. A package whose custodian is not trusted here is checked throughout and comes
     * back not trusted.
     */
    public static PackageCheck.Verified check(Home home, BagReader bag, BagReader.ProgressListener progress,
                                              Consumer<CheckStep> steps) {
        return PackageCheck.read(bag, custodians(home), TsaTrust.pinned(home), progress, CheckStep.of(steps));
    }

    /** {@code outerSigner}: who signed the encryption layer, which must be the package's custodian (null for a zip). */
    public static void requireSameSigner(PackageCheck.Verified verified, String outerSigner) {
        if (outerSigner != null && !outerSigner.equals(verified.custodian().fingerprint())) {
            throw new GawahException(Failure.BAD_SIGNATURE, Messages.of("verify.package.signers-differ",
                    verified.custodian().fingerprint(), outerSigner), Messages.of("verify.package.signers-differ.hint"));
        }
    }

    /** The refusal of a package whose custodian is not trusted here (it is intact otherwise). */
    public static GawahException untrusted(PackageCheck.Verified verified) {
        return new GawahException(Failure.UNKNOWN_SIGNER, Messages.of("verify.package.untrusted",
                verified.custodian().fingerprint()), Messages.of("verify.package.untrusted.hint"));
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
