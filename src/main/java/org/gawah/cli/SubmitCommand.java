package org.gawah.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;

import org.gawah.app.Home;
import org.gawah.app.Submit;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * The terminal's face of submitting ({@link Submit}, which the window's records page calls too):
 * the passphrase asked once the records are chosen, the packing drawn on stderr, then what was
 * written and the bag's id alone on stdout.
 */
@Command(name = "submit")
final class SubmitCommand implements Callable<Integer> {
    @ParentCommand
    GawahCommand root;

    @Mixin
    HomeOptions homeOptions;

    @Mixin
    PassphraseOptions passphrase;

    @Option(names = "--out", required = true, paramLabel = "FILE")
    Path out;

    @Option(names = "--since")
    boolean since;

    @Option(names = "--organization", paramLabel = "NAME")
    String organization;

    @Override
    public Integer call() {
        Terminal terminal = root.terminal;
        Home home = homeOptions.resolve(terminal);
        Submit.Submitted done = Submit.submit(home, Submit.Request.toFile(out, since, organization),
                own -> passphrase.unlockForSigning(terminal, own, Instant.now()), new Packing(terminal));
        terminal.info(Messages.of("submit.wrote", done.bagId(), done.records().size(), Display.size(done.bytes()), out));
        terminal.info(Messages.of("submit.ciphertext-only", out.getFileName()));
        terminal.line(done.bagId());
        return 0;
    }

    /** The packing on one line of stderr ({@link Progress}: only on a terminal, only for a large bag). */
    private static final class Packing implements Submit.Progress {
        private final Terminal terminal;
        private Progress shown;
        private long counted;

        Packing(Terminal terminal) {
            this.terminal = terminal;
        }

        @Override
        public void packing(long done, long total) {
            if (shown == null) {
                shown = new Progress(terminal, Messages.of("submit.packing"), total);
            }
            shown.advance(done - counted);
            counted = done;
        }

        @Override
        public void signing() {
            if (shown != null) {
                shown.finish();
            }
        }
    }
}
