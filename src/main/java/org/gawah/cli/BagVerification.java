package org.gawah.cli;

import java.io.PrintWriter;
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
            throw new GawahException(Failure.MISSING_INPUT, Messages.of("verify.no-file", file));
        }
        List<Certificate> pinned = home.exists() ? home.keyring().pinned(Role.DOCUMENTER) : List.of();
        Submission.Verified verified;
        boolean trusted = true;
        try (BagReader bag = BagReader.open(file)) {
            if (bag.name().startsWith("GWE-")) {
                return PackageVerification.verify(terminal, home, bag, file.getFileName().toString(), ImportCommand.size(file), null);
            }
            Progress progress = new Progress(terminal, Messages.of("verify.checking-bag"), ImportCommand.size(file));
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
        PrintWriter out = terminal.out();
        out.println(Messages.of("verify.bag", verified.id(),
                trusted ? Messages.of("verify.valid") : Messages.of("verify.not-trusted")).render());
        out.println("  " + Messages.of("verify.bag.signer", Display.safe(signer.userId()),
                Display.fingerprint(signer.fingerprint())).render());
        out.println("               " + (trusted ? Messages.of("verify.bag.pinned")
                : Messages.of("verify.bag.not-pinned")).render());
        signer.standing(java.time.Instant.now())
                .ifPresent(standing -> out.println("               " + Messages.of("signer.standing", standing).render()));
        out.println("  " + Messages.of("verify.bag.records", verified.records().size(),
                verified.records().stream().filter(r -> r.identityFile() != null).count(),
                verified.attachmentCount()).render());
        out.println("  " + Messages.of("verify.bag.payload", verified.payloadSha256().size(),
                Display.size(verified.payloadBytes())).render());
        out.println("  " + Messages.of("verify.bag.custody", verified.log().size(), verified.head().time()).render());
        out.println("  " + Messages.of("verify.bag.made", Display.safe(verified.info().get("Bagging-Date")),
                Display.safe(verified.info().get("Source-Organization"))).render());
        if (!trusted) {
            throw new GawahException(Failure.UNKNOWN_SIGNER, Messages.of("verify.bag.untrusted", signer.fingerprint()),
                    Messages.of("verify.bag.untrusted.hint"));
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
        terminal.out().println(Messages.of("verify.bag", file.getFileName(), Messages.of("verify.invalid")).render());
        terminal.out().println("  " + Messages.of("verify.what-failed", e.message()).render());
        return e;
    }
}
