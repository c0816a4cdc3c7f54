package org.gawah.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.bag.BagReader;
import org.gawah.bag.Submission;
import org.gawah.keys.Role;
import org.gawah.openpgp.Certificate;

/**
 * {@code gawah verify FILE}: checks a submission bag exactly as import does and prints a summary
 * a person can act on. Writes nothing. A bag signed by a key that is not pinned is still checked
 * throughout, with the certificate it carries, so the report can say what else holds, but the
 * verdict stays "not trusted here".
 */
final class BagVerification {
    private BagVerification() {
    }

    static int verify(Terminal terminal, Home home, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new GawahException(Failure.MISSING_INPUT, "no such file: " + file);
        }
        List<Certificate> pinned = home.exists() ? home.keyring().pinned(Role.DOCUMENTER) : List.of();
        Submission.Verified verified;
        boolean trusted = true;
        try (BagReader bag = BagReader.open(file)) {
            if (bag.name().startsWith("GWE-")) {
                return PackageVerification.verify(terminal, home, bag, file.getFileName().toString(), ImportCommand.size(file), null);
            }
            Progress progress = new Progress(terminal, "checking the bag", ImportCommand.size(file));
            try {
                verified = Submission.read(bag, pinned, progress::advance);
            } catch (GawahException e) {
                if (e.failure() != Failure.UNKNOWN_SIGNER) {
                    throw invalid(terminal, file, e);
                }
                trusted = false;
                try {
                    verified = Submission.read(bag, enclosed(bag), progress::advance);
                } catch (GawahException second) {
                    throw invalid(terminal, file, second);
                }
            }
            progress.finish();
        }
        Certificate signer = verified.documenter();
        terminal.out().println("bag " + verified.id() + ": " + (trusted ? "VALID" : "NOT TRUSTED HERE (otherwise intact)"));
        terminal.out().println("  signer       " + Display.safe(signer.userId()) + "  " + Display.fingerprint(signer.fingerprint()));
        terminal.out().println("               " + (trusted ? "pinned as a documenter in this home"
                : "NOT pinned in this home: compare this fingerprint with the documenter in person"));
        terminal.out().println("  records      " + verified.records().size() + " ("
                + verified.records().stream().filter(r -> r.identityFile() != null).count() + " with an identity envelope), "
                + verified.attachmentCount() + " attachment(s)");
        terminal.out().println("  payload      " + verified.payloadSha256().size() + " files, " + Display.size(verified.payloadBytes())
                + ", every SHA-256 and SHA-512 matches; nothing missing, nothing extra");
        terminal.out().println("  custody log  " + verified.log().size() + " entries, chain unbroken, every signature good;"
                + " ends with this bag's submission at " + verified.head().time());
        terminal.out().println("  made         " + Display.safe(verified.info().get("Bagging-Date")) + " by "
                + Display.safe(verified.info().get("Source-Organization")));
        if (!trusted) {
            throw new GawahException(Failure.UNKNOWN_SIGNER, "the bag is signed by " + signer.fingerprint()
                    + ", which is not pinned as a documenter here", "check the fingerprint with the documenter, then:"
                    + " gawah keys import --role documenter FILE");
        }
        return 0;
    }

    /** The certificate the bag carries: enough to check the rest, never enough to trust it. */
    private static List<Certificate> enclosed(BagReader bag) {
        List<Certificate> certificates = new ArrayList<>();
        certificates.add(Certificate.parse(bag.tag(Submission.CERTIFICATE)));
        return certificates;
    }

    private static GawahException invalid(Terminal terminal, Path file, GawahException e) {
        terminal.out().println("bag " + file.getFileName() + ": INVALID");
        terminal.out().println("  what failed: " + e.getMessage());
        return e;
    }
}
