package org.gawah.vault;

import java.time.Instant;
import java.util.List;

/**
 * One sealed record as the vault keeps it: two OpenPGP messages and the clear metadata about
 * them. Nothing here is plaintext testimony.
 *
 * @param id                  the record id (random; no witness identity in it)
 * @param sealedAt            when it was sealed, UTC
 * @param signer              fingerprint of the documenter key that signed it
 * @param testimony           the sealed testimony message
 * @param testimonyRecipients fingerprints of the certificates it is encrypted to
 * @param identity            the sealed witness-identity message, or null when none was given
 * @param identityRecipients  fingerprints the identity is encrypted to (empty when none)
 */
public record SealedRecord(String id, Instant sealedAt, String signer,
                           byte[] testimony, List<String> testimonyRecipients,
                           byte[] identity, List<String> identityRecipients) {
    public SealedRecord {
        testimonyRecipients = List.copyOf(testimonyRecipients);
        identityRecipients = List.copyOf(identityRecipients);
    }
}
