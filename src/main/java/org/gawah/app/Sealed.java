package org.gawah.app;

import java.time.Instant;
import java.util.List;

import org.gawah.openpgp.Certificate;

/**
 * What sealing a record did, for a face to tell the documenter: its id, when, who can read the
 * testimony, and who alone can read the witness's identity (empty when none was given).
 */
public record Sealed(String recordId, Instant sealedAt, List<Reader> readers, List<Reader> identityReaders) {
    /** One key a record is sealed to: its fingerprint, and the user ID it carries (from outside: shown through the display path). */
    public record Reader(String fingerprint, String userId) {
        /** The fingerprint in groups of four, the way people compare them aloud or on paper (as the terminal shows it). */
        public String groupedFingerprint() {
            StringBuilder grouped = new StringBuilder();
            for (int i = 0; i < fingerprint.length(); i += 4) {
                if (i > 0) {
                    grouped.append(i == fingerprint.length() / 2 ? "  " : " ");
                }
                grouped.append(fingerprint, i, Math.min(fingerprint.length(), i + 4));
            }
            return grouped.toString();
        }

        static List<Reader> of(List<Certificate> certificates) {
            return certificates.stream().map(c -> new Reader(c.fingerprint(), c.userId())).distinct().toList();
        }
    }

    public Sealed {
        readers = List.copyOf(readers);
        identityReaders = List.copyOf(identityReaders);
    }

    /** Sealed to one key only: lose it and the record is lost. */
    public boolean singleKey() {
        return readers.size() == 1;
    }
}
