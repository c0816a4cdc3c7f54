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
import org.gawah.cases.Analysis;
import org.gawah.custody.Action;
import org.gawah.custody.EntrySigner;
import org.gawah.openpgp.SigningKey;
import org.gawah.testimony.RecordId;
import org.gawah.vault.Vault;
import org.gawah.vault.VaultWrite;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "add",
        description = {
            "Add records to a case with your analysis of them. Adding a record again records a new analysis, which replaces the earlier one (both stay in the log).",
            "Each analysis is signed by you, sealed to the legal team and logged; it never touches the witness's words.",
        },
        footer = {"", "Examples:",
            "  gawah case add GWC-4F2K-9QXA-7M3B-2D8Z GWH-7K3M-9QXA-2D4F-8ZZP --tag rome:7(1)(h) --tag rome:7(1)(e) --reliability high",
            "  gawah case add GWC-4F2K-9QXA-7M3B-2D8Z GWH-7K3M-9QXA-2D4F-8ZZP --note-file analysis.txt",
            "  gawah case tags          (the legal-qualification tags you can use)"})
final class CaseAddCommand implements Callable<Integer> {
    @ParentCommand
    CaseCommand parent;

    @Mixin
    HomeOptions homeOptions;

    @Mixin
    PassphraseOptions passphrase;

    @Parameters(index = "0", paramLabel = "CASE-ID")
    String caseId;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "RECORD-ID")
    List<String> recordIds;

    @Option(names = "--tag", paramLabel = "TAG", description = "A legal qualification, e.g. rome:7(1)(h) (repeatable; see gawah case tags).")
    List<String> tags = new ArrayList<>();

    @Option(names = "--reliability", paramLabel = "LEVEL", description = "high, medium, low or unknown.")
    String reliability;

    @Option(names = "--note-file", paramLabel = "FILE", description = "Your note, UTF-8, from FILE ('-' for standard input); never from the command line.")
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
            if (vault.sealedCase(caseId).isEmpty()) {
                throw new GawahException(Failure.NOT_FOUND, "no case " + printable(caseId) + " in this vault",
                        "see the cases with: gawah case list");
            }
            for (String recordId : recordIds) {
                if (!RecordId.isValid("GWH", recordId) || vault.get(recordId).isEmpty()) {
                    throw new GawahException(Failure.NOT_FOUND, "no record " + printable(recordId) + " in this vault",
                            "see the records with: gawah list");
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
                }
                write.commit();
            }
        }
        terminal.info("added " + analyses.size() + " record(s) to case " + caseId);
        return 0;
    }

    private String readNote(Terminal terminal) {
        byte[] bytes = noteFile.toString().equals("-") ? RecordCommand.readStdin(terminal)
                : KeysImportCommand.read(noteFile);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new GawahException(Failure.USAGE, "the note is not UTF-8 text");
        } finally {
            java.util.Arrays.fill(bytes, (byte) 0);
        }
    }

    /** An id as typed, echoed only when it looks like an id. */
    static String printable(String id) {
        return id != null && id.matches("[A-Za-z0-9-]{1,40}") ? id : "(not an id)";
    }
}
