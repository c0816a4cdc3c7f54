package org.gawah.custody;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.gawah.Message;
import org.gawah.openpgp.Certificate;

/**
 * Whose signatures a vault's own custody log accepts (docs/format/custody-log.md, "Analysts"):
 * the actor of its first entry, and every key an {@code analyst_added} entry names, from the entry
 * after that one on, provided that entry's own actor was admitted before it. So how a key came to
 * be trusted is itself a signed link of the chain, and a workstation's log, whose every entry is
 * its own key's, reads exactly as before.
 *
 * <p>An admitted key is checked with the certificate the vault keeps under the SHA-256 its latest
 * {@code analyst_added} entry logged ({@link Kept}: a cache of bytes the entry vouches for), or,
 * for the home's own key, with its own certificate. The first analyst's entries come before any
 * entry that logs its certificate (it logs it the first time it admits someone), so that one digest
 * is read ahead of the walk; {@link #unvouched()} then holds every certificate taken from the
 * vault to an entry of the chain actually walked.
 */
public final class Admissions {
    /** A fingerprint, as an {@code analyst_added} entry's subject names it. */
    private static final Pattern FINGERPRINT = Pattern.compile("[0-9A-F]{40}|[0-9A-F]{64}");

    /** The certificates a vault keeps for its analysts, by the SHA-256 of their binary encoding. */
    @FunctionalInterface
    public interface Kept {
        Optional<Certificate> bySha256(String sha256);
    }

    private final Map<String, Certificate> trusted = new HashMap<>();
    private final Map<String, String> ahead;
    private final Kept kept;
    /** Each admitted key, with the digest of its latest analyst_added entry so far (null: the first analyst, none yet). */
    private final Map<String, String> admitted = new HashMap<>();
    private final Map<String, Set<String>> logged = new HashMap<>();
    /** Each certificate taken from the vault ("FPR SHA256"), with the first entry checked with it. */
    private final Map<String, Long> used = new LinkedHashMap<>();
    private final Map<String, Certificate> parsed = new HashMap<>();

    /**
     * {@code trusted}: keys this home holds itself (its own), used for their entries whatever the
     * vault keeps; {@code ahead}: each analyst's latest logged digest, read before the walk (only
     * the first analyst's is ever needed ahead); {@code kept}: the vault's certificates.
     */
    public Admissions(List<Certificate> trusted, Map<String, String> ahead, Kept kept) {
        trusted.forEach(c -> this.trusted.put(c.fingerprint(), c));
        this.ahead = Map.copyOf(ahead);
        this.kept = kept;
    }

    /** Whether the subject of an {@code analyst_added} entry is a fingerprint, as it must be. */
    public static boolean admitsKey(String subject) {
        return FINGERPRINT.matcher(subject).matches();
    }

    /**
     * Takes the next entry of the walk: its actor must be admitted by now (the first entry's actor
     * is, by being first); an {@code analyst_added} entry admits its subject from the next entry on.
     * Returns what is wrong, if anything.
     */
    public Optional<Message> take(Entry entry) {
        if (entry.seq() == 1 && admitted.isEmpty()) {
            admitted.put(entry.actor(), null);
        }
        if (!admitted.containsKey(entry.actor())) {
            return Optional.of(Messages.of("custody.chain.unknown-actor", entry.actor()));
        }
        if (entry.action() == Action.ANALYST_ADDED) {
            if (!admitsKey(entry.subject())) {
                return Optional.of(Messages.of("custody.chain.analyst-not-a-key", entry.subject()));
            }
            admitted.put(entry.subject(), entry.subjectSha256());
            logged.computeIfAbsent(entry.subject(), s -> new HashSet<>()).add(entry.subjectSha256());
        }
        return Optional.empty();
    }

    /** Whether the walk so far admits this key. */
    public boolean admitted(String fingerprint) {
        return admitted.containsKey(fingerprint);
    }

    /**
     * The certificate that checks an entry of {@code actor} at {@code seq}: the home's own, or the
     * one the vault keeps for the latest digest logged; empty, with the reason, when there is none.
     */
    public Certificate certificate(String actor, long seq) throws Refusal {
        Certificate own = trusted.get(actor);
        if (own != null) {
            return own;
        }
        String digest = admitted.get(actor);
        if (digest == null) {
            digest = ahead.get(actor);
        }
        if (digest == null) {
            // The first analyst's key, whose certificate no entry logged: only its own home can check it.
            throw new Refusal(Messages.of("custody.chain.unknown-actor", actor));
        }
        String sha256 = digest;
        Certificate certificate = parsed.computeIfAbsent(sha256, d -> kept.bySha256(d).orElse(null));
        if (certificate == null || !certificate.fingerprint().equals(actor)) {
            throw new Refusal(Messages.of("custody.chain.certificate-not-kept", actor));
        }
        used.putIfAbsent(actor + " " + sha256, seq);
        return certificate;
    }

    /**
     * After the walk: the first certificate taken from the vault that no {@code analyst_added}
     * entry of the walked chain logged for its key, as the entry number it checked and the problem.
     */
    public Optional<Map.Entry<Long, Message>> unvouched() {
        for (Map.Entry<String, Long> use : used.entrySet()) {
            String[] parts = use.getKey().split(" ");
            if (!logged.getOrDefault(parts[0], Set.of()).contains(parts[1])) {
                return Optional.of(Map.entry(use.getValue(), Messages.of("custody.chain.certificate-unlogged", parts[0])));
            }
        }
        return Optional.empty();
    }

    /** Why an entry's actor cannot be checked. */
    public static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Message problem;

        Refusal(Message problem) {
            super(null, null, false, false);
            this.problem = problem;
        }

        public Message problem() {
            return problem;
        }
    }
}
