package org.gawah.cli;

import java.util.Map;
import java.util.concurrent.Callable;

import org.gawah.app.Cases;
import org.gawah.app.Home;
import org.gawah.app.Team;
import org.gawah.cases.Analysis;
import org.gawah.cases.CaseFile;
import org.gawah.cases.LegalTags;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "show")
final class CaseShowCommand implements Callable<Integer> {
    @ParentCommand
    CaseCommand parent;

    @Mixin
    HomeOptions homeOptions;

    @Mixin
    PassphraseOptions passphrase;

    @Parameters(paramLabel = "CASE-ID", converter = IdArgument.class, descriptionKey = "gawah.case.show.case-id")
    String caseId;

    @Override
    public Integer call() {
        Terminal terminal = parent.root.terminal;
        Home home = homeOptions.resolve(terminal);
        Team team = new Team(home.keyring());
        AskOnce ask = new AskOnce(fingerprint ->
                passphrase.read(terminal, Messages.of("case.passphrase", Display.fingerprint(fingerprint))));
        try {
            Cases.Opened opened = Cases.open(home, team, caseId, ask);
            CaseFile file = opened.file();
            terminal.row("%s  %s", file.caseId(), file.title());
            terminal.line(Messages.of("case.show.created", file.createdAt()).render());
            // The records and analyses the signed log puts in the case, never the tables beside it.
            for (Map.Entry<String, Analysis> member : opened.analyses().entrySet()) {
                terminal.line();
                terminal.line(member.getKey());
                Analysis a = member.getValue();
                for (String tag : a.legalQualification()) {
                    terminal.row("  %s  %s", tag, LegalTags.shipped().label(tag));
                }
                if (a.reliability() != null) {
                    terminal.line("  " + Messages.of("case.show.reliability", a.reliability()).render());
                }
                terminal.line("  " + Messages.of("case.show.analysed", a.madeAt(), Display.fingerprint(a.analyst()))
                        .render());
                if (a.note() != null) {
                    terminal.line("  " + Messages.of("case.show.note").render());
                    a.note().lines().forEach(line -> terminal.row("    %s", line));
                }
            }
        } finally {
            ask.wipe();
        }
        return 0;
    }
}
