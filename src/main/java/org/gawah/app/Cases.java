package org.gawah.app;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.gawah.Digests;
import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.cases.Analysis;
import org.gawah.cases.CaseFile;
import org.gawah.custody.Action;
import org.gawah.custody.EntrySigner;
import org.gawah.custody.Subjects;
import org.gawah.openpgp.Opener;
import org.gawah.openpgp.SigningKey;
import org.gawah.testimony.RecordId;
import org.gawah.vault.SignedVault;
import org.gawah.vault.Vault;
import org.gawah.vault.VaultWrite;

/**
 * The legal team's cases (docs/format/case.md): make one, add records to it with the team's
 * analysis of each, list them, open one. Each case and analysis is signed by this home's key and
 * sealed to the team ({@link Team}); what a case holds is what the signed custody log says, never
 * the tables beside it. Called by {@code gawah case} and by the window's cases page. A key is
 * asked for ({@code key}) only once what was given has been checked: a bad title, tag or record
 * costs no passphrase and writes nothing.
 */
public final class Cases {
    private Cases() {
    }

    /** Whether a listed case's title could be opened. */
    public enum Title { OPENED, SEALED, OTHER_KEYS }

    /** A case as the signed log lists it; its title when {@code state} is {@code OPENED}, else null. */
    public record Listed(String id, Instant createdAt, int records, String title, Title state) {
    }

    /** A case opened: its own document, and each record in the order it joined with its latest analysis. */
    public record Opened(CaseFile file, Map<String, Analysis> analyses) {
    }

    /** Makes a case with this title (one line, at most 200 characters), signed and sealed to the team, and logs it. */
    public static CaseFile create(Home home, Team team, String title, Supplier<SigningKey> key) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        CaseFile file = new CaseFile(RecordId.randomCase(), now, title);
        try (Vault vault = home.vault()) {
            SignedVault signed = home.signed(vault);
            SigningKey signing = key.get();
            byte[] sealed = team.seal(file.bytes(), signing, now, signed);
            try (VaultWrite write = vault.begin()) {
                write.insertCase(file.caseId(), now, sealed);
                write.append(Action.CASE_CREATED, file.caseId(), Digests.sha256(sealed), now, new EntrySigner(signing));
                write.commit();
            }
        }
        return file;
    }

    /**
     * Adds each record to the case with one analysis (tags, reliability, note: each may be
     * empty or null), signed, sealed and logged with the record's place in the case, all in one
     * transaction; a record already in the case gets a new analysis, its latest. Returns how many
     * were added.
     */
    public static int add(Home home, Team team, String caseId, List<String> recordIds, List<String> tags, String reliability,
                          String note, Supplier<SigningKey> key) {
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
            SigningKey signing = key.get();
            EntrySigner signer = new EntrySigner(signing);
            try (VaultWrite write = vault.begin()) {
                for (Analysis analysis : analyses) {
                    byte[] sealed = team.seal(analysis.bytes(), signing, now, signed);
                    write.insertAnalysis(analysis.analysisId(), caseId, analysis.recordId(), now, sealed);
                    write.append(Action.ANALYSED, analysis.analysisId(), Digests.sha256(sealed), now, signer);
                    // The record's place in the case, and that this analysis is its latest, signed (docs/format/case.md).
                    write.append(Action.ANALYSED, Subjects.membership(caseId, analysis.recordId()), Digests.sha256(sealed),
                            now, signer);
                }
                write.commit();
            }
        }
        return analyses.size();
    }

    /**
     * Every case, its time and its records as the signed log says, with its title opened and
     * checked as {@link #open} does; with no {@code team} (no key or no passphrase to hand) each
     * title stays sealed, and a case sealed to keys other than this home's says so.
     */
    public static List<Listed> list(Home home, Team team, Opener.PassphraseSource passphrase) {
        List<Listed> listed = new ArrayList<>();
        try (Vault vault = home.vault()) {
            SignedVault signed = home.signed(vault);
            for (Vault.CaseSummary summary : signed.cases()) {
                listed.add(listed(team, signed, summary, passphrase));
            }
        }
        return listed;
    }

    private static Listed listed(Team team, SignedVault signed, Vault.CaseSummary summary, Opener.PassphraseSource passphrase) {
        if (team == null) {
            return new Listed(summary.id(), summary.createdAt(), summary.records(), null, Title.SEALED);
        }
        try {
            String title = team.openCase(signed, summary.id(), passphrase).title();
            return new Listed(summary.id(), summary.createdAt(), summary.records(), title, Title.OPENED);
        } catch (GawahException e) {
            if (e.failure() == Failure.CANNOT_DECRYPT) {
                return new Listed(summary.id(), summary.createdAt(), summary.records(), null, Title.OTHER_KEYS);
            }
            throw e;
        }
    }

    /** The case's document and its records with their latest analyses, each opened and checked to be about this case. */
    public static Opened open(Home home, Team team, String caseId, Opener.PassphraseSource passphrase) {
        try (Vault vault = home.vault()) {
            SignedVault signed = home.signed(vault);
            CaseFile file = team.openCase(signed, caseId, passphrase);
            return new Opened(file, team.openAnalyses(signed, caseId, passphrase));
        }
    }

    /** An id as typed, echoed only when it looks like an id (else words saying it is not one). */
    static Object printable(String id) {
        return id != null && id.matches("[A-Za-z0-9-]{1,40}") ? id : Messages.of("case.not-an-id");
    }
}
