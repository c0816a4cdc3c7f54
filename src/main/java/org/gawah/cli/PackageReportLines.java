package org.gawah.cli;

import java.nio.file.Path;

import org.gawah.GawahException;
import org.gawah.app.CheckStep;
import org.gawah.app.Home;
import org.gawah.app.PackageVerification;
import org.gawah.bag.BagReader;
import org.gawah.export.PackageCheck;
import org.gawah.openpgp.Certificate;

/**
 * {@code gawah verify} on an evidence package, zipped or encrypted to this home's key: checked by
 * {@link PackageVerification} (which the window's verify page calls too), said here as a summary a
 * receiver can act on.
 */
final class PackageReportLines {
    private PackageReportLines() {
    }

    /** An encrypted package: decrypted with this home's key (the passphrase asked here), then checked. */
    static int verifyEncrypted(Terminal terminal, Home home, Path file, PassphraseOptions passphrase) {
        String name = file.getFileName().toString();
        AskOnce ask = new AskOnce(fingerprint ->
                passphrase.read(terminal, Messages.of("verify.passphrase", Display.fingerprint(fingerprint))));
        PackageVerification.Decrypted decrypted;
        try {
            decrypted = PackageVerification.decrypt(home, file, ask);
        } finally {
            ask.wipe();
        }
        try (decrypted) {
            terminal.info(Messages.of("verify.decrypted", decrypted.signature().userId(),
                    Display.fingerprint(decrypted.signature().fingerprint()), decrypted.signature().signedAt()));
            try (BagReader bag = BagReader.open(decrypted.spool().channel(), name)) {
                PackageVerification.requirePackage(bag);
                return verify(terminal, home, bag, name, decrypted.spool().size(), decrypted.signature().fingerprint());
            }
        }
    }

    /** {@code outerSigner}: who signed the encryption layer, which must be the package's custodian (null for a zip). */
    static int verify(Terminal terminal, Home home, BagReader bag, String label, long size, String outerSigner) {
        PackageCheck.Verified verified;
        Progress progress = new Progress(terminal, Messages.of("verify.checking-package"), size);
        try {
            verified = PackageVerification.check(home, bag, progress::advance, CheckStep.NONE);
        } catch (GawahException e) {
            terminal.line(Messages.of("verify.package", label, Messages.of("verify.invalid")).render());
            terminal.line("  " + Messages.of("verify.what-failed", e.message()).render());
            throw e;
        }
        progress.finish();
        PackageVerification.requireSameSigner(verified, outerSigner);
        Certificate custodian = verified.custodian();
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
            throw PackageVerification.untrusted(verified);
        }
        return 0;
    }
}
