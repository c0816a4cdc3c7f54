package org.gawah.vault;

import java.time.Instant;

/**
 * A submission bag the legal team imported: which documenter's log it carried, up to which entry,
 * and the SHA-256 of the zip file as received. Replays and forks are judged against these.
 */
public record ImportedBag(String id, String documenter, long headSeq, String headSha256, String bagSha256,
                          Instant importedAt) {
}
