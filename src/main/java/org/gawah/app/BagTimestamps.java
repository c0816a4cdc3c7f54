package org.gawah.app;

import java.time.Instant;
import java.util.List;

import org.gawah.bag.Submission;
import org.gawah.custody.Entry;
import org.gawah.tsp.LogTimestamps;

/**
 * The time-stamp tokens a submission bag carries, judged by this home: each must be the one its
 * documenter's {@code timestamped} entry logged, over the entry before it, with the nonce its id
 * fixes, signed by a time-stamping authority pinned here. Import and verify ask the same.
 */
final class BagTimestamps {
    private BagTimestamps() {
    }

    static List<LogTimestamps.Proof> check(Home home, Submission.Verified bag) {
        List<Entry> log = bag.log().stream().map(Entry.Signed::entry).toList();
        boolean any = !bag.tokens().isEmpty() || log.stream().anyMatch(e -> e.action() == org.gawah.custody.Action.TIMESTAMPED);
        if (!any) {
            return List.of();
        }
        return LogTimestamps.check(log, bag.tokens(), TsaTrust.pinned(home), Instant.now(),
                Messages.of("timestamps.bag-log", bag.id()));
    }
}
