package org.gawah.cli;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.gawah.custody.Action;
import org.gawah.custody.Entry;
import org.gawah.tsp.LogTimestamps;
import org.gawah.vault.Vault;

/**
 * {@code verify --vault}: the tokens of this home's own log and of each documenter's log received
 * in bags, each checked against the entries that logged it and the TSAs pinned here (after the
 * chains themselves were checked by the audit).
 */
final class VaultTimestamps {
    private VaultTimestamps() {
    }

    static List<LogTimestamps.Proof> check(Home home, Vault vault, String own) {
        List<LogTimestamps.Proof> proofs = new ArrayList<>();
        proofs.addAll(checkLog(home, vault, own, entries(vault, own, true), Messages.of("timestamp.own-log")));
        for (String documenter : vault.receivedLogs()) {
            proofs.addAll(checkLog(home, vault, documenter, entries(vault, documenter, false),
                    Messages.of("timestamps.received-log", documenter)));
        }
        return proofs;
    }

    private static List<LogTimestamps.Proof> checkLog(Home home, Vault vault, String actor, List<Entry> log,
                                                      org.gawah.Message where) {
        Map<String, byte[]> tokens = new TreeMap<>();
        vault.tokens(actor).forEach(t -> tokens.put(t.id(), t.token()));
        if (tokens.isEmpty() && log.stream().noneMatch(e -> e.action() == Action.TIMESTAMPED)) {
            return List.of();
        }
        return LogTimestamps.check(log, tokens, TsaTrust.pinned(home), Instant.now(), where);
    }

    private static List<Entry> entries(Vault vault, String actor, boolean own) {
        List<Entry> log = new ArrayList<>();
        if (own) {
            vault.forEachCustody(row -> log.add(Entry.parse(row.entry())));
        } else {
            vault.forEachReceived(actor, row -> log.add(Entry.parse(row.entry())));
        }
        return log;
    }
}
