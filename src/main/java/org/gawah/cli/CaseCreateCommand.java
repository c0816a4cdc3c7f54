package org.gawah.cli;

import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.Callable;

import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.app.Cases;
import org.gawah.app.Home;
import org.gawah.app.Team;
import org.gawah.cases.CaseFile;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

@Command(name = "create")
final class CaseCreateCommand implements Callable<Integer> {
    @ParentCommand
    CaseCommand parent;

    @Mixin
    HomeOptions homeOptions;

    @Mixin
    PassphraseOptions passphrase;

    /** More than a title could ever be (200 characters): the rest is not read. */
    private static final int MAX_TITLE_BYTES = 64 << 10;

    @Override
    public Integer call() {
        Terminal terminal = parent.root.terminal;
        Home home = homeOptions.resolve(terminal);
        Team team = new Team(home.keyring());
        String title = title(terminal);
        CaseFile file = Cases.create(home, team, title, () -> passphrase.unlockForSigning(terminal, team.own(), Instant.now()));
        terminal.info(Messages.of("case.created", file.caseId()));
        terminal.line(file.caseId());
        return 0;
    }

    /**
     * The title, asked at the terminal or read from standard input (one line), never a flag: a
     * command line stays in the shell history and other processes see it, and a title may say
     * more than an id does.
     */
    private static String title(Terminal terminal) {
        if (terminal.typedIn()) {
            terminal.prompt(Messages.of("case.title-prompt"));
            String typed = terminal.console().readLine();
            return typed == null ? "" : typed;
        }
        try {
            byte[] given = terminal.in().readNBytes(MAX_TITLE_BYTES + 1);
            if (given.length > MAX_TITLE_BYTES) {
                throw new GawahException(Failure.USAGE, Messages.of("case.title-on-stdin-too-large"));
            }
            String title = Utf8.decode(given, Messages.of("case.title-on-stdin"), Failure.USAGE);
            // The line's own ending is not part of it; any other line break is refused as a second line.
            return title.endsWith("\r\n") ? title.substring(0, title.length() - 2)
                    : title.endsWith("\n") ? title.substring(0, title.length() - 1) : title;
        } catch (IOException e) {
            throw new GawahException(Failure.MISSING_INPUT, Messages.of("record.cannot-read-stdin", e.getMessage()));
        }
    }
}
