package org.gawah.vault;

import java.time.Instant;
import java.util.List;

/** The clear metadata of one record, what {@code gawah list} shows. */
public record RecordSummary(String id, Instant sealedAt, String signer, long testimonySize, String testimonySha256,
                            long identitySize, List<String> recipients, int attachmentCount,
                            long attachmentBytes) {
}
