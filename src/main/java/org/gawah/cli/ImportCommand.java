package org.gawah.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.gawah.Message;
import org.gawah.app.CheckStep;
import org.gawah.app.Home;
import org.gawah.app.SubmissionCheck;
import org.gawah.app.SubmissionImport;
import org.gawah.app.SubmissionReport;
import org.gawah.custody.Entry;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code gawah import FILE}: the bag checked and judged, then stored ({@link SubmissionImport},
 * which the window's import page calls too); this class only says what happened.
 */
@Command(name = "import")
final class ImportCommand implements Callable<Integer> {
    @ParentCommand
    GawahCommand root;

    @Mixin
    HomeOptions homeOptions;

    @Mixin
    PassphraseOptions passphrase;

    @Parameters(paramLabel = "FILE", descriptionKey = "gawah.import.file")
    Path file;

    @Override
    public Integer call() {
        Terminal terminal = root.terminal;
        Home home = homeOptions.resolve(terminal);
        AskOnce ask = new AskOnce(passphrase.forKeys(terminal));
        try (SubmissionImport submission = SubmissionImport.open(home, file, false, CheckStep.NONE)) {
            Optional<Entry> same = submission.importedBefore();
            if (same.isPresent()) {
                // These exact bytes passed every check when they were imported: nothing to redo.
                return alreadyImported(terminal, submission.name(), same.get().time());
            }
            Progress progress = new Progress(terminal, Messages.of("import.checking"), SubmissionCheck.size(file));
            SubmissionReport report = submission.check(progress::advance, CheckStep.NONE);
            progress.finish();
            int unchecked = submission.checkSigners(report, ask);
            if (unchecked > 0) {
                terminal.info(Messages.of("import.signers-unchecked", unchecked));
            }
            SubmissionImport.Outcome outcome = submission.store(report, ask, bytes -> { });
            for (Message skipped : outcome.skipped()) {
                terminal.warn(skipped);
            }
            terminal.info(Messages.of("import.imported", report.bag().id(), report.bag().documenter().userId(),
                    Display.fingerprint(report.bag().documenter().fingerprint()), outcome.added(), outcome.here()));
            terminal.line(report.bag().id());
        } finally {
            ask.wipe();
        }
        return 0;
    }

    private static int alreadyImported(Terminal terminal, String bagId, Instant importedAt) {
        terminal.info(Messages.of("import.already", bagId, importedAt));
        terminal.line(bagId);
        return 0;
    }
}
