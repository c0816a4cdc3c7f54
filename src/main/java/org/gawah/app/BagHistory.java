package org.gawah.app;

import java.util.Optional;

import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.bag.Submission;
import org.gawah.custody.Entry;
import org.gawah.vault.SignedVault;

/**
 * What this vault already received from a bag's documenter, judged from its own signed log (the
 * {@code imported} entries and the heads they name) and the documenter's signed entries, never
 * from the imports table: a bag with an id of this documenter's already imported, a replay of an
 * older bag, a log that forked from the one received.
 */
final class BagHistory {
    private BagHistory() {
    }

    /**
     * Refuses {@code bag} unless its documenter's log extends, entry for entry, the furthest one
     * received before. Another documenter's bag with the same id does not count: one documenter's
     * bag ids never stop another's bags.
     */
    static void refuseReplayOrFork(SignedVault vault, Submission.Verified bag, String zipSha256) {
        String documenter = bag.documenter().fingerprint();
        Optional<SignedVault.Head> sameId = vault.imported(documenter, bag.id());
        if (sameId.isPresent()) {
            throw new GawahException(Failure.BAD_DATA, Messages.of("import.bag-differs", bag.id(),
                    sameId.get().imported().time(), zipSha256), Messages.of("import.bag-differs.hint"));
        }
        Optional<SignedVault.Head> latest = vault.latestHead(documenter);
        if (latest.isEmpty()) {
            return;
        }
        long head = bag.head().seq();
        if (head <= latest.get().seq()) {
            throw new GawahException(Failure.BAD_DATA, Messages.of("import.replayed", bag.id(), latest.get().bagId(), head,
                    latest.get().seq()), Messages.of("import.replayed.hint"));
        }
        Entry atLatest = bag.log().get((int) latest.get().seq() - 1).entry();
        if (!atLatest.sha256().equals(latest.get().sha256())) {
            throw new GawahException(Failure.BAD_DATA, Messages.of("import.forked", bag.id(), latest.get().bagId(),
                    latest.get().seq()), Messages.of("import.forked.hint"));
        }
    }
}
