package org.gawah.cli;

import java.util.List;
import java.util.concurrent.Callable;

import org.gawah.app.Cases;
import org.gawah.app.Home;
import org.gawah.app.Team;
import org.gawah.keys.Keyring;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * The cases, with their titles. A title is sealed to the legal team with the case (a title may
 * name a place or a group), so showing it takes this home's key and its passphrase, asked once
 * for all of them. Without a passphrase to hand (no terminal, none given) or with
 * {@code --no-titles}, the cases are listed all the same and each title says it is sealed; a
 * case this key cannot open (sealed to a team this key is not in) says so.
 */
@Command(name = "list")
final class CaseListCommand implements Callable<Integer> {
    @ParentCommand
    CaseCommand parent;

    @Mixin
    HomeOptions homeOptions;

    @Mixin
    PassphraseOptions passphrase;

    @Option(names = "--no-titles")
    boolean noTitles;

    @Override
    public Integer call() {
        Terminal terminal = parent.root.terminal;
        Home home = homeOptions.resolve(terminal);
        Keyring keyring = home.keyring();
        boolean titles = !noTitles && keyring.ownKey().isPresent() && (passphrase.given() || terminal.console() != null);
        Team team = titles ? new Team(keyring) : null;
        AskOnce ask = new AskOnce(fingerprint ->
                passphrase.read(terminal, Messages.of("case.passphrase", Display.fingerprint(fingerprint))));
        Object[] headings = {Messages.of("case.list.heading.case"), Messages.of("case.list.heading.created"),
                Messages.of("case.list.heading.records"), Messages.of("case.list.heading.title")};
        Table table = new Table(23, 20, -8, 0).fitting(headings);
        List<Cases.Listed> cases;
        try {
            // The cases, their times and their records as the signed log says, never the tables.
            cases = Cases.list(home, team, ask);
        } finally {
            ask.wipe();
        }
        if (cases.isEmpty()) {
            terminal.info(Messages.of("case.list.empty"));
            return 0;
        }
        terminal.line(table.row(headings));
        for (Cases.Listed listed : cases) {
            terminal.line(table.row(listed.id(), listed.createdAt(), listed.records(), title(listed)));
        }
        if (team == null && !noTitles) {
            terminal.info(keyring.ownKey().isPresent() ? Messages.of("case.list.titles-need-passphrase")
                    : Messages.of("case.list.titles-need-key"));
        }
        return 0;
    }

    /** The title, opened and checked as case show does; or words saying why it stays sealed. */
    private static Object title(Cases.Listed listed) {
        switch (listed.state()) {
            case OPENED: return listed.title();
            case OTHER_KEYS: return Messages.of("case.list.title-not-for-this-key");
            default: return Messages.of("case.list.title-sealed");
        }
    }
}
