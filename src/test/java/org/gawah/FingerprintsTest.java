package org.gawah;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The one way a fingerprint is written for people: as "gpg --with-fingerprint" prints a v4 one. */
class FingerprintsTest {
    @Test
    void groupsOfFourWithTwoSpacesAtTheMiddle() {
        assertEquals("0A1B 2C3D 4E5F 6071 8293  A4B5 C6D7 E8F9 0123 4567",
                Fingerprints.grouped("0A1B2C3D4E5F60718293A4B5C6D7E8F901234567"));
        assertEquals("0123 4567 89AB CDEF 0123 4567 89AB CDEF  0123 4567 89AB CDEF 0123 4567 89AB CDEF",
                Fingerprints.grouped("0123456789ABCDEF".repeat(4)));
    }
}
