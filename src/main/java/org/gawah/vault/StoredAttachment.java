package org.gawah.vault;

/** Clear metadata of one stored attachment: its id, its place in the record, its ciphertext's size and SHA-256. */
public record StoredAttachment(String id, String recordId, int position, long sealedSize, String sealedSha256,
                               int chunkCount) {
}
