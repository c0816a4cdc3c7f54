package org.gawah.app;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.cases.Analysis;
import org.gawah.cases.CaseFile;
import org.gawah.keys.Keyring;
import org.gawah.keys.Role;
import org.gawah.openpgp.Certificate;
import org.gawah.openpgp.Opened;
import org.gawah.openpgp.Opener;
import org.gawah.openpgp.Sealer;
import org.gawah.openpgp.SecretKey;
import org.gawah.openpgp.SigningKey;
import org.gawah.vault.SignedVault;

/**
 * The legal team as analyst data sees it: this home's key, every certificate pinned as
 * {@code legal}, and on a team vault every analyst its signed log admits (docs/format/case.md,
 * "Who a case is sealed to"). Case titles and analyses are sealed to all of them and must be
 * signed by one.
 */
public final class Team {
    private final SecretKey own;
    private final List<Certificate> members;

    public Team(Keyring keyring) {
        this(keyring, keyring.requireOwnKey());
    }

    /**
     * The team with {@code own} as this home's key: the window's, unlocked once for its session,
     * so that opening a case asks no passphrase again. It must still be the home's own key.
     */
    public Team(Keyring keyring, SecretKey own) {
        if (!own.fingerprint().equals(keyring.requireOwnKey().fingerprint())) {
            throw new GawahException(Failure.NOT_READY, Messages.of("team.key-changed", own.fingerprint()),
                    Messages.of("team.key-changed.hint"));
        }
        this.own = own;
        List<Certificate> all = new ArrayList<>();
        all.add(own.certificate());
        for (Certificate certificate : keyring.pinned(Role.LEGAL)) {
            if (!certificate.fingerprint().equals(own.fingerprint())) {
                all.add(certificate);
            }
        }
        this.members = List.copyOf(all);
    }

    public SecretKey own() {
        return own;
    }

    /** Seals a case's document or an analysis to the team as it stands now in {@code vault}'s signed log. */
    public byte[] seal(byte[] document, SigningKey key, Instant now, SignedVault vault) {
        return Sealer.seal(document, key, in(vault), now);
    }

    /**
     * This home's key and pins, and every analyst the vault's signed log admits under its latest
     * admission: on a team vault the analysts pin no one's key, the log vouches for each.
     */
    private List<Certificate> in(SignedVault vault) {
        Map<String, Certificate> all = new LinkedHashMap<>();
        members.forEach(c -> all.put(c.fingerprint(), c));
        vault.analysts().forEach(c -> all.putIfAbsent(c.fingerprint(), c));
        return List.copyOf(all.values());
    }

    /** The case's own document, as its {@code case_created} entry logged it, opened and checked to be this case. */
    public CaseFile openCase(SignedVault vault, String caseId, Opener.PassphraseSource passphrase) {
        byte[] sealed = vault.sealedCase(caseId).orElseThrow(() -> new GawahException(Failure.NOT_FOUND,
                Messages.of("case.no-case", caseId), Messages.of("case.no-case.hint")));
        byte[] plaintext = open(sealed, passphrase, in(vault));
        CaseFile file;
        try {
            file = CaseFile.read(plaintext);
        } finally {
            java.util.Arrays.fill(plaintext, (byte) 0);
        }
        if (!file.caseId().equals(caseId)) {
            throw new GawahException(Failure.BAD_DATA, Messages.of("case.other-case", caseId));
        }
        return file;
    }

    /**
     * What the signed log says the case holds: its records in the order they joined and the
     * latest analysis of each, each opened and checked to be about this case and record. Analyses
     * logged before the log named their case and record are opened first, all of them: their
     * table row is a cache that could have moved one to another case.
     */
    public Map<String, Analysis> openAnalyses(SignedVault vault, String caseId, Opener.PassphraseSource passphrase) {
        List<Certificate> signers = in(vault);
        checkLegacy(vault, passphrase, signers);
        SignedVault.CaseContents contents = vault.contents(caseId);
        Map<String, Analysis> analyses = new LinkedHashMap<>();
        for (String recordId : contents.records()) {
            analyses.put(recordId, openAnalysis(contents.latestAnalysis().get(recordId), caseId, recordId, passphrase, signers));
        }
        return analyses;
    }

    private void checkLegacy(SignedVault vault, Opener.PassphraseSource passphrase, List<Certificate> signers) {
        for (SignedVault.LegacyAnalysis legacy : vault.legacyAnalyses()) {
            openAnalysis(legacy.sealed(), legacy.caseId(), legacy.recordId(), passphrase, signers);
        }
    }

    /** An analysis, checked to be about this case and record. */
    private Analysis openAnalysis(byte[] sealed, String caseId, String recordId, Opener.PassphraseSource passphrase,
                                  List<Certificate> signers) {
        byte[] plaintext = open(sealed, passphrase, signers);
        Analysis analysis;
        try {
            analysis = Analysis.read(plaintext);
        } finally {
            java.util.Arrays.fill(plaintext, (byte) 0);
        }
        if (!analysis.caseId().equals(caseId) || !analysis.recordId().equals(recordId)) {
            throw new GawahException(Failure.BAD_DATA, Messages.of("case.other-analysis", recordId, caseId));
        }
        return analysis;
    }

    /** Opens what one of {@code signers} (the team, {@link #in}) signed; no one else's signature is accepted. */
    private byte[] open(byte[] sealed, Opener.PassphraseSource passphrase, List<Certificate> signers) {
        Opened opened = Opener.open(sealed, own, passphrase, signers);
        return opened.content();
    }
}
