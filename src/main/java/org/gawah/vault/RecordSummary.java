package org.gawah.vault;

import java.time.Instant;
import java.util.List;

/**
 * The clear metadata of one record, what {@code gawah list} shows.
 *
 * @param documenters the documenters whose custody entries brought it (more than one when several claimed it)
 * @param recipients  how many keys its testimony is sealed to, as its own session-key packets say
 */
public record RecordSummary(String id, Instant sealedAt, List<String> documenters, long testimonySize,
                            String testimonySha256, long identitySize, int recipients, int attachmentCount,
                            long attachmentBytes) {
    public RecordSummary {
        documenters = List.copyOf(documenters);
    }

    /** The documenter who sealed it, or the first of those who claim it. */
    public String signer() {
        return documenters.get(0);
    }
}
