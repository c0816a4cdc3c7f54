package org.gawah.vault;

import java.util.List;

/**
 * The rows of a vault's custody log that its keyring rests on (docs/format/home.md), read in one
 * go before any command trusts a key: how many entries there are and their lowest and highest
 * numbers (a gap means entries were deleted), the first entry (whose actor is the vault's first
 * key), and every {@code key_imported}, {@code tsa_pinned} and {@code analyst_added} entry (which
 * keys the log admits), each with the bytes of the entry before it.
 * {@code org.gawah.keys.KeyLog} checks them; this class only reads.
 */
public record KeyLogRows(long count, long lowestSeq, long highestSeq, List<Row> rows) {
    /** One stored entry and the stored bytes of the entry numbered one before it (null for none). */
    public record Row(long seq, byte[] entry, byte[] signature, byte[] previous) {
    }
}
