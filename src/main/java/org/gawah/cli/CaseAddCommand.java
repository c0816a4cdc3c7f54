package org.gawah.cli;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.app.Cases;
import org.gawah.app.Home;
import org.gawah.app.InputFile;
import org.gawah.app.Team;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "add")
final class CaseAddCommand implements Callable<Integer> {
    @ParentCommand
    CaseCommand parent;

    @Mixin
    HomeOptions homeOptions;

    @Mixin
    PassphraseOptions passphrase;

    @Parameters(index = "0", paramLabel = "CASE-ID", converter = IdArgument.class, descriptionKey = "gawah.case.add.case-id")
    String caseId;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "RECORD-ID", converter = IdArgument.class, descriptionKey = "gawah.case.add.record-id")
    List<String> recordIds;

    @Option(names = "--tag", paramLabel = "TAG")
    List<String> tags = new ArrayList<>();

    @Option(names = "--reliability", paramLabel = "LEVEL")
    String reliability;

    @Option(names = "--note-file", paramLabel = "FILE")
    Path noteFile;

    @Override
    public Integer call() {
        Terminal terminal = parent.root.terminal;
        Home home = homeOptions.resolve(terminal);
        Team team = new Team(home.keyring());
        String note = noteFile == null ? null : readNote(terminal);
        int added = Cases.add(home, team, caseId, recordIds, tags, reliability, note,
                () -> passphrase.unlockForSigning(terminal, team.own(), Instant.now()));
        terminal.info(Messages.of("case.added", added, caseId));
        return 0;
    }

    private String readNote(Terminal terminal) {
        byte[] bytes = noteFile.toString().equals("-") ? RecordCommand.readStdin(terminal)
                : InputFile.read(noteFile, InputFile.Kind.NOTE);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new GawahException(Failure.USAGE, Messages.of("case.note-not-utf8"));
        } finally {
            java.util.Arrays.fill(bytes, (byte) 0);
        }
    }
}
