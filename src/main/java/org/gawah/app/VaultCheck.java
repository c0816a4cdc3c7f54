package org.gawah.app;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.gawah.keys.Keyring;
import org.gawah.keys.Role;
import org.gawah.openpgp.Certificate;
import org.gawah.openpgp.SecretKey;
import org.gawah.tsp.LogTimestamps;
import org.gawah.vault.SignedVault;
import org.gawah.vault.Vault;
import org.gawah.vault.VaultAudit;

/**
 * {@code gawah verify --vault} as a plain operation both faces call: the vault's own custody log
 * entry by entry (every signature by this home's own key: an entry by anyone else is forged), every
 * record, attachment and case against the digest its entry logged, the documenters' logs received
 * in bags, the time-stamp tokens and evidence records against the authorities pinned here. Reads
 * everything, writes nothing (the command's {@code verified} entry is the command's); stops at the
 * first fault and names it in a GawahException.
 */
public final class VaultCheck {
    /**
     * What an intact vault holds, as data: the audit's counts, the tokens checked, and the evidence
     * records with the earliest time they prove and when the next chain must be renewed.
     */
    public record Report(VaultAudit.Report audit, List<LogTimestamps.Proof> timestamps,
                         List<VaultEvidenceRecords.Checked> evidence) {
        public Report {
            timestamps = List.copyOf(timestamps);
            evidence = List.copyOf(evidence);
        }

        /** The earliest time a token proves, if any. */
        public Optional<Instant> firstTimestamp() {
            return timestamps.stream().map(LogTimestamps.Proof::time).min(Comparator.naturalOrder());
        }

        public Optional<Instant> lastTimestamp() {
            return timestamps.stream().map(LogTimestamps.Proof::time).max(Comparator.naturalOrder());
        }

        /** The earliest time an evidence record proves its item existed, if any. */
        public Optional<Instant> evidenceFrom() {
            return evidence.stream().map(c -> c.proof().time()).min(Comparator.naturalOrder());
        }

        /**
         * When the next chain must be renewed ({@code gawah timestamp --renew}): a year before its
         * newest certificate ends; empty when none can be renewed any more (a chain whose newest
         * certificate has ended still proves its time, but cannot be renewed).
         */
        public Optional<Instant> renewBefore(Instant now) {
            return evidence.stream().map(c -> c.proof().renewBy()).filter(t -> t.isAfter(now))
                    .min(Comparator.naturalOrder()).map(t -> t.minus(VaultEvidenceRecords.RENEW_BEFORE));
        }

        /** How many evidence records can no longer be renewed. */
        public long evidenceEnded(Instant now) {
            return evidence.stream().filter(c -> !c.proof().renewBy().isAfter(now)).count();
        }
    }

    private VaultCheck() {
    }

    /**
     * This home's own key (its problems aside: the log is checked first), which with the analysts
     * the log admits on a team vault writes its log.
     */
    public static SecretKey ownKey(Home home) {
        Keyring keyring = home.keyring();
        return keyring.ownKeyDespiteProblems().orElseGet(keyring::requireOwnKey);
    }

    /**
     * Checks the vault of {@code home}. A keyring that does not match the signed log is named after
     * the log itself: a log changed by hand is named at the entry where it was changed; then the key file.
     */
    public static Report run(Home home) {
        Keyring keyring = home.keyring();
        SecretKey own = ownKey(home);
        List<Certificate> actors = List.of(own.certificate());
        try (Vault vault = home.vault()) {
            if (!keyring.problems().isEmpty()) {
                VaultAudit.chain(vault, actors);
                throw keyring.problems().get(0);
            }
            VaultAudit.Report audit = VaultAudit.run(vault, actors, keyring.pinned(Role.DOCUMENTER));
            List<LogTimestamps.Proof> proofs = VaultTimestamps.check(home, vault, own.fingerprint());
            SignedVault signed = home.signed(vault);
            List<VaultEvidenceRecords.Checked> evidence = VaultEvidenceRecords.check(signed,
                    VaultEvidenceRecords.objects(signed, own.fingerprint()), TsaTrust.pinned(home), Instant.now());
            return new Report(audit, proofs, evidence);
        }
    }
}
