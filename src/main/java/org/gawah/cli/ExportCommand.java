package org.gawah.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.gawah.Message;
import org.gawah.app.CustodyLog;
import org.gawah.app.EvidenceExport;
import org.gawah.app.Home;
import org.gawah.app.Reviewed;
import org.gawah.app.Team;
import org.gawah.export.Profile;
import org.gawah.export.Report;
import org.gawah.keys.Keyring;
import org.gawah.openpgp.Certificate;
import org.gawah.testimony.RecordId;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "export")
final class ExportCommand implements Callable<Integer> {
    @ParentCommand
    GawahCommand root;

    @Mixin
    HomeOptions homeOptions;

    @Mixin
    PassphraseOptions passphrase;

    @Option(names = "--case", required = true, paramLabel = "CASE-ID", converter = IdArgument.class)
    String caseId;

    @Option(names = "--for", required = true, paramLabel = "PROFILE")
    String profileName;

    @Option(names = "--out", required = true, paramLabel = "FILE")
    Path out;

    @Option(names = "--to", paramLabel = "CERT.asc")
    Path to;

    @Option(names = "--to-fingerprint", paramLabel = "HEX")
    String toFingerprint;

    @Option(names = "--include-identities")
    boolean includeIdentities;

    @Option(names = "--organization", paramLabel = "NAME")
    String organization;

    @Option(names = "--reviewed", paramLabel = "ID", converter = IdArgument.class)
    List<String> reviewed = new ArrayList<>();

    @Option(names = "--reviewed-from", paramLabel = "FILE")
    Path reviewedFrom;

    @Option(names = "--reviewed-all", paramLabel = "CASE-ID", converter = IdArgument.class)
    String reviewedAll;

    @Option(names = "--with-location", paramLabel = "GWA-ID", converter = IdArgument.class)
    List<String> withLocation = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        Terminal terminal = root.terminal;
        Home home = homeOptions.resolve(terminal);
        Keyring keyring = home.keyring();
        keyring.requireOwnKey();
        Profile profile = Profile.named(profileName);
        Reviewed reviewedIds = Reviewed.ids(reviewed, reviewedFrom, reviewedAll, caseId, withLocation);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        EvidenceExport.outputs(out, to != null);
        Certificate recipient = null;
        if (to != null) {
            recipient = EvidenceExport.recipient(to, toFingerprint, now);
            String who = recipient.userId();
            String fingerprint = Display.fingerprint(recipient.fingerprint());
            terminal.info(toFingerprint == null ? Messages.of("export.encrypting-unchecked", who, fingerprint)
                    : Messages.of("export.encrypting", who, fingerprint));
        }
        Team team = new Team(keyring);
        AskOnce ask = new AskOnce(fingerprint ->
                passphrase.read(terminal, Messages.of("export.passphrase", Display.fingerprint(fingerprint))));
        EvidenceExport.Request request = new EvidenceExport.Request(caseId, profile, recipient, includeIdentities,
                reviewedIds, organization);
        EvidenceExport.Built built;
        try {
            built = EvidenceExport.build(home, team, ask, () -> CustodyLog.signingKey(team.own(), ask), request,
                    RecordId.randomExport(), out, new Shown(terminal));
        } finally {
            ask.wipe();
        }
        Report report = built.report();
        String bagId = built.bagId();
        String size = Display.size(built.size());
        terminal.info(recipient == null
                ? Messages.of("export.wrote-plaintext", bagId, profile.recipientName(), report.items().size(), size, out)
                : Messages.of("export.wrote-encrypted", bagId, profile.recipientName(), report.items().size(), size, out,
                        Display.fingerprint(recipient.fingerprint())));
        printLeftOut(terminal, report);
        for (Report.LeftOut searched : report.searched()) {
            terminal.info(Messages.of("export.searched", searched.recordId(), searched.reason()));
        }
        for (Report.LeftOut unsearched : report.notSearched()) {
            terminal.info(Messages.of("export.not-searched", unsearched.recordId(),
                    unsearched.item() == null ? "" : unsearched.item(), unsearched.reason()));
        }
        report.notes().forEach(terminal::warn);
        terminal.info(Messages.of("export.report", built.outputs().textReport()));
        if (recipient != null) {
            terminal.info(Messages.of("export.custodian-certificate", built.outputs().companion(),
                    Display.fingerprint(team.own().fingerprint())));
        }
        terminal.line(bagId);
        return 0;
    }

    /** Each reason in the run's language (the report beside the package has them in English). */
    private static void printLeftOut(Terminal terminal, Report report) {
        for (Report.LeftOut left : report.leftOut()) {
            Message reason = left.reason();
            terminal.info(left.item() == null ? Messages.of("export.left-out", left.recordId(), reason)
                    : Messages.of("export.left-out-item", left.recordId(), left.item(), reason));
        }
    }

    /** The export's progress at the terminal: a line for each large attachment; every reason when nothing goes. */
    private static final class Shown implements EvidenceExport.Progress {
        private final Terminal terminal;
        private Progress attachment;
        private long done;

        Shown(Terminal terminal) {
            this.terminal = terminal;
        }

        @Override
        public void attachment(String attachmentId, long read, long of) {
            if (attachment == null) {
                attachment = new Progress(terminal, Messages.of("export.exporting", attachmentId), of);
                done = 0;
            }
            attachment.advance(read - done);
            done = read;
        }

        @Override
        public void attachmentDone(String attachmentId) {
            if (attachment != null) {
                attachment.finish();
            }
            attachment = null;
        }

        @Override
        public void nothingGoes(Report report) {
            printLeftOut(terminal, report);
        }
    }
}
