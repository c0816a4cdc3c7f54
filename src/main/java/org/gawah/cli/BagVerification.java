package org.gawah.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.app.CheckStep;
import org.gawah.app.Home;
import org.gawah.app.PackageVerification;
import org.gawah.app.SubmissionCheck;
import org.gawah.app.SubmissionReport;
import org.gawah.bag.BagReader;
import org.gawah.openpgp.Certificate;
import org.gawah.tsp.LogTimestamps;

/**
 * {@code gawah verify FILE}: checks a submission bag exactly as import does, including whether this
 * vault would refuse it as a replay or a fork ({@link SubmissionCheck}, which import and the window
 * call too), and prints a summary a person can act on. Writes nothing. A bag signed by a key that
 * is not pinned is still checked throughout, with the certificate it carries, so the report can
 * say what else holds, but the verdict stays "not trusted here".
 */
final class BagVerification {
    private BagVerification() {
    }

    static int verify(Terminal terminal, Home home, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new GawahException(Failure.MISSING_INPUT, Messages.of("verify.no-file", file));
        }
        SubmissionCheck.Trust trust = SubmissionCheck.Trust.forVerify(home);
        SubmissionReport report;
        try (BagReader bag = BagReader.open(file)) {
            if (PackageVerification.isPackage(bag)) {
                return PackageReportLines.verify(terminal, home, bag, file.getFileName().toString(),
                        SubmissionCheck.size(file), null);
            }
            Progress progress = new Progress(terminal, Messages.of("verify.checking-bag"), SubmissionCheck.size(file));
            try {
                report = SubmissionCheck.check(home, bag, () -> SubmissionCheck.sha256(file), trust, progress::advance,
                        CheckStep.NONE);
            } catch (GawahException e) {
                throw invalid(terminal, file, e);
            }
            progress.finish();
        }
        boolean trusted = report.signer() != SubmissionReport.Signer.NOT_PINNED;
        Certificate signer = report.bag().documenter();
        terminal.line(Messages.of("verify.bag", report.bag().id(), !trusted ? Messages.of("verify.not-trusted")
                : report.refusedHere() != null ? Messages.of("verify.refused-here") : Messages.of("verify.valid")).render());
        ReportLines lines = new ReportLines(terminal, 2, Messages.of("verify.label.signer"), Messages.of("verify.label.records"),
                Messages.of("verify.label.payload"), Messages.of("verify.label.custody-log"), Messages.of("verify.label.made"));
        lines.line(Messages.of("verify.label.signer"), Messages.of("verify.bag.signer", signer.userId(),
                Display.fingerprint(signer.fingerprint())));
        lines.more(!trusted ? Messages.of("verify.bag.not-pinned")
                : report.signer() == SubmissionReport.Signer.OWN ? Messages.of("verify.bag.own") : Messages.of("verify.bag.pinned"));
        signer.standing(java.time.Instant.now()).ifPresent(standing -> lines.more(Messages.of("signer.standing", standing)));
        lines.line(Messages.of("verify.label.records"), Messages.of("verify.bag.records", report.bag().records().size(),
                report.identities(), report.bag().attachmentCount()));
        lines.line(Messages.of("verify.label.payload"), Messages.of("verify.bag.payload", report.bag().payloadSha256().size(),
                Display.size(report.bag().payloadBytes())));
        lines.line(Messages.of("verify.label.custody-log"), Messages.of("verify.bag.custody", report.bag().log().size(),
                report.bag().head().time()));
        lines.line(Messages.of("verify.label.made"), Messages.of("verify.bag.made", report.bag().info().get("Bagging-Date"),
                report.bag().info().get("Source-Organization")));
        for (LogTimestamps.Proof proof : report.timestamps()) {
            lines.more(Messages.of("verify.bag.timestamp", proof.covered(), proof.time(), proof.tsa()));
        }
        report.importedBefore().ifPresent(entry -> lines.more(Messages.of("verify.bag.already-imported", entry.time())));
        if (report.refusedHere() != null) {
            throw report.refusedHere();
        }
        if (!trusted) {
            throw new GawahException(Failure.UNKNOWN_SIGNER, Messages.of("verify.bag.untrusted", signer.fingerprint()),
                    Messages.of("verify.bag.untrusted.hint"));
        }
        return 0;
    }

    private static GawahException invalid(Terminal terminal, Path file, GawahException e) {
        terminal.line(Messages.of("verify.bag", file.getFileName(), Messages.of("verify.invalid")).render());
        terminal.line("  " + Messages.of("verify.what-failed", e.message()).render());
        return e;
    }
}
