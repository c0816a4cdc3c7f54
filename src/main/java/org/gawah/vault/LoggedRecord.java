package org.gawah.vault;

import java.time.Instant;
import java.util.List;

/**
 * A record as the signed custody logs vouch for it: ciphertexts whose SHA-256 is the one the
 * entry that stored them logged, the documenters whose own signed logs say they sealed exactly
 * this record (testimony, identity envelope and attachments), the time the first of them logged,
 * and the attachments their logs list, in order. Built only by {@link SignedVault}.
 *
 * @param documenters  fingerprints, sorted: one in the normal case; two or more when several
 *                     documenters' bags each claimed this same sealed record (all but the one who
 *                     signed it inside copied it: opening tells which)
 * @param attachments  each with the SHA-256 its custody entry logged, which reading its chunks checks
 * @param entry        the sequence number of the vault's own entry that stored the testimony
 */
public record LoggedRecord(String id, Instant sealedAt, List<String> documenters, byte[] testimony, byte[] identity,
                           List<StoredAttachment> attachments, long entry) {
    public LoggedRecord {
        documenters = List.copyOf(documenters);
        attachments = List.copyOf(attachments);
    }

    /** Whether {@code fingerprint} is one of the documenters whose custody entry brought this record. */
    public boolean broughtBy(String fingerprint) {
        return documenters.contains(fingerprint);
    }
}
