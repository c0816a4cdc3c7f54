package org.gawah.keys;

import java.util.Optional;
import java.util.regex.Pattern;

import org.gawah.custody.Action;
import org.gawah.custody.Entry;

/**
 * One {@code key_imported} custody entry, as the keyring reads it (docs/format/custody-log.md):
 * which certificate, pinned as what, with which SHA-256 of its binary encoding. The subject is
 * {@code FPR/ROLE}, ROLE being a folder of {@code keys/} ({@code legal}, {@code protection},
 * {@code documenter}, {@code custodian}) or {@code own} for the home's own key; entries written
 * before roles were logged name the fingerprint alone, and {@link #label} is then empty. A
 * {@code tsa_pinned} entry is read as label {@code tsa}: its subject is a time-stamping
 * authority's certificate SHA-256, whose file is in the home's {@code tsa/} folder.
 */
record KeyEntry(long seq, String fingerprint, Optional<String> label, String sha256) {
    /** The label of the home's own key (its file is in {@code keys/secret/}). */
    static final String OWN = "own";
    /** The label of a {@code tsa_pinned} entry (never written in a subject). */
    static final String TSA = "tsa";

    private static final Pattern FINGERPRINT = Pattern.compile("[0-9A-F]{40}|[0-9A-F]{64}");
    private static final Pattern TSA_FINGERPRINT = Pattern.compile("[0-9A-F]{64}");

    /** The subject of a {@code key_imported} entry for this fingerprint and label. */
    static String subject(String fingerprint, String label) {
        return fingerprint + "/" + label;
    }

    /** The key entry a custody entry is, or empty for an entry with a subject this version does not know. */
    static Optional<KeyEntry> of(Entry entry) {
        String subject = entry.subject();
        if (entry.action() == Action.TSA_PINNED) {
            return TSA_FINGERPRINT.matcher(subject).matches()
                    ? Optional.of(new KeyEntry(entry.seq(), subject, Optional.of(TSA), entry.subjectSha256()))
                    : Optional.empty();
        }
        int slash = subject.indexOf('/');
        String fingerprint = slash < 0 ? subject : subject.substring(0, slash);
        if (!FINGERPRINT.matcher(fingerprint).matches()) {
            return Optional.empty();
        }
        if (slash < 0) {
            return Optional.of(new KeyEntry(entry.seq(), fingerprint, Optional.empty(), entry.subjectSha256()));
        }
        String label = subject.substring(slash + 1);
        if (!label.equals(OWN) && Keyring.role(label).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new KeyEntry(entry.seq(), fingerprint, Optional.of(label), entry.subjectSha256()));
    }

    boolean own() {
        return label.filter(OWN::equals).isPresent();
    }

    boolean tsa() {
        return label.filter(TSA::equals).isPresent();
    }

    /** Whether this entry names the pin's role (a legacy entry names none). */
    boolean pins(Role role) {
        return label.filter(role.label()::equals).isPresent();
    }
}
