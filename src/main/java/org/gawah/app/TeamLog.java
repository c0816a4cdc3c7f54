package org.gawah.app;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.custody.Action;
import org.gawah.custody.ChainDigests;
import org.gawah.custody.Entry;
import org.gawah.openpgp.Certificate;

/**
 * What an evidence package carries of the exporting vault's own log (docs/format/evidence-package.md,
 * "Several analysts of one team vault"): the entries picked, each in the folder of the analyst who
 * signed it, each folder's digest list (the custodian's to this export, another analyst's the same
 * log's first lines, to its last carried entry); and, where the entries are several analysts',
 * entry 1 and the {@code analyst_added} entries that admit each of them, back to the first analyst,
 * with each analyst's certificate as the vault keeps it. A workstation's package is as it was.
 */
final class TeamLog {
    private final TreeMap<Long, Entry.Signed> carried = new TreeMap<>();
    private final Map<String, ChainDigests> chains = new LinkedHashMap<>();
    private final Map<String, Certificate> analysts = new LinkedHashMap<>();

    private TeamLog() {
    }

    /**
     * {@code picked}: the entries that prove the items and record this export, read from the log
     * whose digests are {@code whole}; {@code log}: the same log as the export read and checked it;
     * {@code kept}: the vault's analysts' certificates, by SHA-256.
     */
    static TeamLog of(String custodian, List<Entry.Signed> picked, List<Entry.Signed> log, ChainDigests whole,
                      Function<String, Optional<Certificate>> kept) {
        TeamLog team = new TeamLog();
        picked.forEach(signed -> team.carried.put(signed.entry().seq(), signed));
        Set<String> actors = team.actors();
        if (!actors.equals(Set.of(custodian))) {
            team.admissions(log, actors);
            team.certificates(custodian, log, kept);
        }
        for (String actor : team.actors()) {
            long last = team.carried.values().stream().filter(s -> s.entry().actor().equals(actor))
                    .mapToLong(s -> s.entry().seq()).max().orElseThrow();
            team.chains.put(actor, actor.equals(custodian) ? whole : whole.upTo(last));
        }
        return team;
    }

    private Set<String> actors() {
        Set<String> actors = new java.util.TreeSet<>();
        carried.values().forEach(s -> actors.add(s.entry().actor()));
        return actors;
    }

    /**
     * Entry 1 (its actor is the vault's first analyst), and every {@code analyst_added} entry
     * naming an actor carried, then naming those entries' actors, until no new actor comes. Entry 1
     * goes only when it is about a key: one about a record would name what this package need not.
     */
    private void admissions(List<Entry.Signed> log, Set<String> actors) {
        Entry.Signed first = log.get(0);
        if (first.entry().action() != Action.KEY_IMPORTED && !carried.containsKey(1L)) {
            throw new GawahException(Failure.NOT_READY, Messages.of("export.first-entry-not-a-key",
                    first.entry().action().wire(), first.entry().subject()), Messages.of("export.first-entry-not-a-key.hint"));
        }
        carried.put(1L, first);
        Deque<String> todo = new ArrayDeque<>(actors);
        Set<String> done = new HashSet<>();
        while (!todo.isEmpty()) {
            String actor = todo.pop();
            if (!done.add(actor)) {
                continue;
            }
            for (Entry.Signed signed : log) {
                Entry entry = signed.entry();
                if (entry.action() == Action.ANALYST_ADDED && entry.subject().equals(actor)) {
                    carried.put(entry.seq(), signed);
                    todo.push(entry.actor());
                }
            }
        }
    }

    /** Each analyst's certificate but the custodian's, as the vault keeps it under its latest admission's digest. */
    private void certificates(String custodian, List<Entry.Signed> log, Function<String, Optional<Certificate>> kept) {
        for (String actor : actors()) {
            if (actor.equals(custodian)) {
                continue;
            }
            Optional<Entry> admitted = log.stream().map(Entry.Signed::entry)
                    .filter(e -> e.action() == Action.ANALYST_ADDED && e.subject().equals(actor)).reduce((a, b) -> b);
            Certificate certificate = admitted.flatMap(e -> kept.apply(e.subjectSha256()))
                    .filter(c -> c.fingerprint().equals(actor)).orElseThrow(() -> new GawahException(Failure.BAD_DATA,
                            Messages.of("export.analyst-certificate-not-kept", actor), Messages.of("export.custody-broken.hint")));
            analysts.put(actor, certificate);
        }
    }

    /** The entries the package carries of this log, oldest first. */
    List<Entry.Signed> entries() {
        return List.copyOf(carried.values());
    }

    /** Each folder's digest list, by its actor. */
    Map<String, ChainDigests> chains() {
        return chains;
    }

    /** The other analysts' certificates, for {@code keys/}. */
    List<Certificate> analysts() {
        return List.copyOf(analysts.values());
    }
}
