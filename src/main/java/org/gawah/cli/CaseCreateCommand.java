package org.gawah.cli;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;

import org.gawah.Digests;
import org.gawah.cases.CaseFile;
import org.gawah.custody.Action;
import org.gawah.custody.EntrySigner;
import org.gawah.openpgp.SigningKey;
import org.gawah.testimony.RecordId;
import org.gawah.vault.Vault;
import org.gawah.vault.VaultWrite;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "create")
final class CaseCreateCommand implements Callable<Integer> {
    @ParentCommand
    CaseCommand parent;

    @Mixin
    HomeOptions homeOptions;

    @Mixin
    PassphraseOptions passphrase;

    @Option(names = "--title", required = true, paramLabel = "TEXT")
    String title;

    @Override
    public Integer call() {
        Terminal terminal = parent.root.terminal;
        Home home = homeOptions.resolve(terminal);
        Team team = new Team(home.keyring());
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        CaseFile file = new CaseFile(RecordId.randomCase(), now, title);
        SigningKey key = passphrase.unlockForSigning(terminal, team.own(), now);
        byte[] sealed = team.seal(file.bytes(), key, now);
        try (Vault vault = home.vault(); VaultWrite write = vault.begin()) {
            write.insertCase(file.caseId(), now, sealed);
            write.append(Action.CASE_CREATED, file.caseId(), Digests.sha256(sealed), now, new EntrySigner(key));
            write.commit();
        }
        terminal.info(Messages.of("case.created", file.caseId()));
        terminal.line(file.caseId());
        return 0;
    }
}
