package org.gawah.app;

import java.util.function.Consumer;

import org.gawah.custody.Entry;
import org.gawah.vault.Vault;

/**
 * The vault's own custody log as {@code gawah log} shows it and the window's custody page lays it
 * out: every entry as stored, in order, with the name this home knows its signer by; then the whole
 * log held to its signatures (and the keyring to it), so that an edited, forged or missing entry is
 * named after everything was shown. Reads one entry at a time (a log of many thousand entries is
 * never held whole here).
 */
public final class CustodyTimeline {
    /**
     * One entry as stored. {@code entry} is null when the row is not a well-formed entry (then
     * only its {@code seq} is known); {@code signerName} is a user ID from a certificate checked
     * here, or words saying the fingerprint is not pinned ({@link Names#of}).
     */
    public record Line(long seq, Entry entry, byte[] signature, Object signerName) {
    }

    private CustodyTimeline() {
    }

    /**
     * Hands every entry to {@code each}, after telling {@code opened} that the vault is open (a
     * table's headings go there); returns how many entries there were. Throws, once all were
     * handed on, when the log does not hold up to its signatures.
     */
    public static long read(Home home, Runnable opened, Consumer<Line> each) {
        Names names = Names.of(home);
        long[] count = {0};
        try (Vault vault = home.vault()) {
            opened.run();
            vault.forEachCustody(row -> {
                count[0]++;
                Entry entry;
                try {
                    entry = Entry.parse(row.entry());
                } catch (RuntimeException e) {
                    each.accept(new Line(row.seq(), null, row.signature(), null));
                    return;
                }
                each.accept(new Line(row.seq(), entry, row.signature(), names.of(entry.actor())));
            });
            // Shown as stored, then held to its signatures: an edited, forged or missing entry is named.
            home.signed(vault);
        }
        return count[0];
    }
}
