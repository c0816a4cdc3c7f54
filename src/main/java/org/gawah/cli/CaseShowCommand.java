package org.gawah.cli;

import java.util.Optional;
import java.util.concurrent.Callable;

import org.gawah.cases.Analysis;
import org.gawah.cases.CaseFile;
import org.gawah.cases.LegalTags;
import org.gawah.vault.Vault;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "show",
        description = {"Decrypt and show a case: its title, and each record with the latest analysis (tags, reliability, note)."},
        footer = {"", "Example:", "  gawah case show GWC-4F2K-9QXA-7M3B-2D8Z"})
final class CaseShowCommand implements Callable<Integer> {
    @ParentCommand
    CaseCommand parent;

    @Mixin
    HomeOptions homeOptions;

    @Mixin
    PassphraseOptions passphrase;

    @Parameters(paramLabel = "CASE-ID")
    String caseId;

    @Override
    public Integer call() {
        Terminal terminal = parent.root.terminal;
        Home home = homeOptions.resolve(terminal);
        Team team = new Team(home.keyring());
        AskOnce ask = new AskOnce(fingerprint ->
                passphrase.read(terminal, "Passphrase for your key " + Display.fingerprint(fingerprint)));
        try (Vault vault = home.vault()) {
            CaseFile file = team.openCase(vault, caseId, ask);
            terminal.out().println(file.caseId() + "  " + file.title());
            terminal.out().println("created " + file.createdAt());
            for (String recordId : vault.caseRecords(caseId)) {
                terminal.out().println();
                terminal.out().println(recordId);
                Optional<Analysis> analysis = team.openAnalysis(vault, caseId, recordId, ask);
                if (analysis.isEmpty()) {
                    continue;
                }
                Analysis a = analysis.get();
                for (String tag : a.legalQualification()) {
                    terminal.out().println("  " + tag + "  " + LegalTags.shipped().label(tag));
                }
                if (a.reliability() != null) {
                    terminal.out().println("  reliability: " + a.reliability());
                }
                terminal.out().println("  analysed " + a.madeAt() + " by " + Display.fingerprint(a.analyst()));
                if (a.note() != null) {
                    terminal.out().println("  note:");
                    a.note().lines().forEach(line -> terminal.out().println("    " + line));
                }
            }
        } finally {
            ask.wipe();
        }
        return 0;
    }
}
