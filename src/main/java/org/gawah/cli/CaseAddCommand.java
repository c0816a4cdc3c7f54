package org.gawah.cli;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.gawah.Digests;
import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.app.Home;
import org.gawah.app.InputFile;
import org.gawah.app.Team;
import org.gawah.cases.Analysis;
import org.gawah.custody.Action;
import org.gawah.custody.EntrySigner;
import org.gawah.custody.Subjects;
import org.gawah.openpgp.SigningKey;
import org.gawah.testimony.RecordId;
import org.gawah.vault.SignedVault;
import org.gawah.vault.Vault;
import org.gawah.vault.VaultWrite;

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
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String analyst = team.own().fingerprint();
        List<Analysis> analyses = new ArrayList<>();
        try (Vault vault = home.vault()) {
            SignedVault signed = home.signed(vault);
            if (!RecordId.isValid("GWC", caseId) || signed.sealedCase(caseId).isEmpty()) {
                throw new GawahException(Failure.NOT_FOUND, Messages.of("case.no-case", printable(caseId)),
                        Messages.of("case.no-case.hint"));
            }
            for (String recordId : recordIds) {
                if (!RecordId.isValid("GWH", recordId) || signed.record(recordId).isEmpty()) {
                    throw new GawahException(Failure.NOT_FOUND, Messages.of("case.no-record", printable(recordId)),
                            Messages.of("case.no-record.hint"));
                }
                analyses.add(new Analysis(RecordId.randomAnalysis(), caseId, recordId, now, analyst, tags, reliability, note));
            }
            SigningKey key = passphrase.unlockForSigning(terminal, team.own(), now);
            EntrySigner signer = new EntrySigner(key);
            try (VaultWrite write = vault.begin()) {
                for (Analysis analysis : analyses) {
                    byte[] sealed = team.seal(analysis.bytes(), key, now);
                    write.insertAnalysis(analysis.analysisId(), caseId, analysis.recordId(), now, sealed);
                    write.append(Action.ANALYSED, analysis.analysisId(), Digests.sha256(sealed), now, signer);
                    // The record's place in the case, and that this analysis is its latest, signed (docs/format/case.md).
                    write.append(Action.ANALYSED, Subjects.membership(caseId, analysis.recordId()), Digests.sha256(sealed),
                            now, signer);
                }
                write.commit();
            }
        }
        terminal.info(Messages.of("case.added", analyses.size(), caseId));
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

    /** An id as typed, echoed only when it looks like an id (else words saying it is not one). */
    static Object printable(String id) {
        return id != null && id.matches("[A-Za-z0-9-]{1,40}") ? id : Messages.of("case.not-an-id");
    }
}
