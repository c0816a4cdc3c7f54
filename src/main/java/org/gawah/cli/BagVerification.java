package org.gawah.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.app.Home;
import org.gawah.bag.BagReader;
import org.gawah.bag.Submission;
import org.gawah.custody.Entry;
import org.gawah.keys.Role;
import org.gawah.openpgp.Certificate;
import org.gawah.vault.Vault;

/**
 * {@code gawah verify FILE}: checks a submission bag exactly as import does, including whether this
 * vault would refuse it as a replay or a fork, and prints a summary a person can act on. Writes nothing. A bag signed by a key that is not pinned is still checked
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
        List<Certificate> pinned = new ArrayList<>(home.exists() ? home.keyring().pinned(Role.DOCUMENTER) : List.of());
        // A documenter checks a bag before sending it (gawah submit --help): on a laptop that pins no
        // documenter, and so imports nothing, their own key vouches for it. Where documenters are
        // pinned, verify judges a bag as import would: the home's own key is not one of them.
        java.util.Optional<Certificate> own = home.exists() && pinned.isEmpty()
                ? home.keyring().ownKey().map(org.gawah.openpgp.SecretKey::certificate) : java.util.Optional.empty();
        own.ifPresent(pinned::add);
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
        List<org.gawah.tsp.LogTimestamps.Proof> proofs;
        try {
            proofs = BagTimestamps.check(home, verified);
        } catch (GawahException e) {
            throw invalid(terminal, file, e);
        }
        // What import would make of it here: a replay or a fork is refused by verify as by import.
        GawahException refused = null;
        Optional<Entry> before = Optional.empty();
        if (trusted && home.exists()) {
            try (Vault vault = home.vault()) {
                before = ImportCommand.judge(home.signed(vault), verified, ImportCommand.sha256(file));
            } catch (GawahException e) {
                refused = e;
            }
        }
        Certificate signer = verified.documenter();
        terminal.line(Messages.of("verify.bag", verified.id(), !trusted ? Messages.of("verify.not-trusted")
                : refused != null ? Messages.of("verify.refused-here") : Messages.of("verify.valid")).render());
        ReportLines report = new ReportLines(terminal, 2, Messages.of("verify.label.signer"), Messages.of("verify.label.records"),
                Messages.of("verify.label.payload"), Messages.of("verify.label.custody-log"), Messages.of("verify.label.made"));
        report.line(Messages.of("verify.label.signer"), Messages.of("verify.bag.signer", signer.userId(),
                Display.fingerprint(signer.fingerprint())));
        boolean ownBag = own.isPresent() && own.get().fingerprint().equals(signer.fingerprint());
        report.more(!trusted ? Messages.of("verify.bag.not-pinned")
                : ownBag ? Messages.of("verify.bag.own") : Messages.of("verify.bag.pinned"));
        signer.standing(java.time.Instant.now()).ifPresent(standing -> report.more(Messages.of("signer.standing", standing)));
        report.line(Messages.of("verify.label.records"), Messages.of("verify.bag.records", verified.records().size(),
                verified.records().stream().filter(r -> r.identityFile() != null).count(), verified.attachmentCount()));
        report.line(Messages.of("verify.label.payload"), Messages.of("verify.bag.payload", verified.payloadSha256().size(),
                Display.size(verified.payloadBytes())));
        report.line(Messages.of("verify.label.custody-log"), Messages.of("verify.bag.custody", verified.log().size(),
                verified.head().time()));
        report.line(Messages.of("verify.label.made"), Messages.of("verify.bag.made", verified.info().get("Bagging-Date"),
                verified.info().get("Source-Organization")));
        for (org.gawah.tsp.LogTimestamps.Proof proof : proofs) {
            report.more(Messages.of("verify.bag.timestamp", proof.covered(), proof.time(), proof.tsa()));
        }
        before.ifPresent(entry -> report.more(Messages.of("verify.bag.already-imported", entry.time())));
        if (refused != null) {
            throw refused;
        }
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
        terminal.line(Messages.of("verify.bag", file.getFileName(), Messages.of("verify.invalid")).render());
        terminal.line("  " + Messages.of("verify.what-failed", e.message()).render());
        return e;
    }
}
