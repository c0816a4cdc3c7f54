package org.gawah.app;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gawah.custody.Action;
import org.gawah.custody.Entry;
import org.gawah.custody.SignedLog;
import org.gawah.tsp.LogTimestamps;
import org.gawah.vault.SignedVault;
import org.gawah.vault.Vault;

/**
 * {@code verify --vault}: the tokens of this home's own log and of each documenter's log received
 * in bags, each checked against the signed entry that logged it and the TSAs pinned here (after
 * the chains themselves were checked by the audit). Entries and tokens are read through the
 * signed view: a token row its entry does not vouch for is refused before any TSA is asked about.
 */
final class VaultTimestamps {
    private VaultTimestamps() {
    }

    static List<LogTimestamps.Proof> check(Home home, Vault vault, String own) {
        SignedVault signed = home.signed(vault);
        List<LogTimestamps.Proof> proofs = new ArrayList<>();
        proofs.addAll(checkLog(home, signed.log(), signed.tokens(own), Messages.of("timestamp.own-log")));
        for (Map.Entry<String, SignedLog> received : signed.received().entrySet()) {
            proofs.addAll(checkLog(home, received.getValue(), signed.tokens(received.getKey()),
                    Messages.of("timestamps.received-log", received.getKey())));
        }
        return proofs;
    }

    private static List<LogTimestamps.Proof> checkLog(Home home, SignedLog signed, Map<String, byte[]> tokens,
                                                      org.gawah.Message where) {
        List<Entry> log = signed.entries().stream().map(Entry.Signed::entry).toList();
        if (tokens.isEmpty() && log.stream().noneMatch(e -> e.action() == Action.TIMESTAMPED)) {
            return List.of();
        }
        return LogTimestamps.check(log, tokens, TsaTrust.pinned(home), Instant.now(), where);
    }
}
