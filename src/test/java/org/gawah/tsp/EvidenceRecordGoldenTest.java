package org.gawah.tsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import org.gawah.Digests;
import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.testsupport.TestTsa;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The on-disk form of an evidence record (docs/format/evidence-record.md), pinned by files made
 * once with real TSAs on 127.0.0.1 ({@link #regenerate}): an archive timestamp over three custody
 * entries by one TSA, renewed by another. The record for the first entry must keep reading and
 * checking exactly as written: one chain, SHA-256, a reduced hash tree, two tokens; and be refused
 * for another entry, or where the renewing TSA is not pinned.
 */
class EvidenceRecordGoldenTest {
    private static final String DIR = "/org/gawah/tsp/ers/";
    private static final Instant MADE = Instant.parse("2026-12-08T00:00:00Z");

    @Test
    void theCheckedInRecordProvesItsEntryAfterRenewal() throws Exception {
        byte[] der = resource("renewed.ers");
        EvidenceRecord record = EvidenceRecord.parse(der);
        assertArrayEquals(der, record.encoded());
        assertEquals(2, record.timestamps().size());
        EvidenceRecord.Proof proof = record.check(sha256(resource("entry-1.json")), both(), MADE);
        assertEquals(1, proof.renewals());
        assertEquals(record.timestamps().get(0).time(), proof.time());
        assertTrue(proof.newest().isAfter(proof.time()) || proof.newest().equals(proof.time()));
        assertTrue(proof.signers().get(0).subject().contains("Golden archive TSA"), proof.signers().toString());
        assertTrue(proof.signers().get(1).subject().contains("Golden renewal TSA"), proof.signers().toString());
        // The first token is over the tree's root, not over the entry: the tree has three leaves.
        assertTrue(!HexFormat.of().formatHex(record.timestamps().get(0).imprint()).equals(Digests.sha256(resource("entry-1.json"))));
    }

    @Test
    void theCheckedInRecordIsRefusedForAnotherEntry() throws Exception {
        GawahException e = assertThrows(GawahException.class, () -> EvidenceRecord.parse(resource("renewed.ers"))
                .check(sha256(resource("entry-2.json")), both(), MADE));
        assertEquals(Failure.BAD_DATA, e.failure());
        assertTrue(e.message().render().contains("is for another data object"), e.message().render());
    }

    @Test
    void theCheckedInRecordIsRefusedWhereTheRenewingTsaIsNotPinned() throws Exception {
        GawahException e = assertThrows(GawahException.class, () -> EvidenceRecord.parse(resource("renewed.ers"))
                .check(sha256(resource("entry-1.json")), List.of(TsaCertificate.parse(resource("archive-ca.pem"))), MADE));
        assertEquals(Failure.UNKNOWN_SIGNER, e.failure());
        assertTrue(e.message().render().startsWith("archive timestamp 2 of 2"), e.message().render());
    }

    @Test
    void aRecordWithOneByteChangedIsRefused() throws Exception {
        byte[] der = resource("renewed.ers");
        for (int at : new int[] {0, der.length / 3, der.length / 2, der.length - 1}) {
            byte[] changed = der.clone();
            changed[at] ^= 0x01;
            assertThrows(GawahException.class, () -> EvidenceRecord.parse(changed)
                    .check(sha256(resource("entry-1.json")), both(), MADE), "byte " + at);
        }
    }

    /** Writes the files anew: mvn test -Dtest=EvidenceRecordGoldenTest -Dgawah.regenerate=src/test/resources/org/gawah/tsp/ers */
    @Test
    @EnabledIfSystemProperty(named = "gawah.regenerate", matches = ".+")
    void regenerate() throws Exception {
        Path dir = Path.of(System.getProperty("gawah.regenerate"));
        try (TestTsa archive = new TestTsa(TestTsa.Fault.NONE, "Golden archive TSA");
             TestTsa renewal = new TestTsa(TestTsa.Fault.NONE, "Golden renewal TSA")) {
            archive.writeCa(dir.resolve("archive-ca.pem"));
            renewal.writeCa(dir.resolve("renewal-ca.pem"));
            List<byte[]> entries = List.of(entry(1), entry(2), entry(3));
            for (int i = 0; i < 3; i++) {
                Files.write(dir.resolve("entry-" + (i + 1) + ".json"), entries.get(i));
            }
            ArchiveTimestamp tree = ArchiveTimestamp.over(entries);
            byte[] reply = TsaConnection.ask(java.net.URI.create(archive.url()), tree.query(BigInteger.ONE).der(), Duration.ofSeconds(10));
            EvidenceRecord first = tree.records(archive.url(), reply).get(0);
            byte[] renewed = TsaConnection.ask(java.net.URI.create(renewal.url()), first.renewalQuery(BigInteger.TWO).der(),
                    Duration.ofSeconds(10));
            Files.write(dir.resolve("renewed.ers"), first.renewed(renewal.url(), renewed).encoded());
        }
    }

    private static byte[] entry(int seq) {
        return new org.gawah.custody.Entry(seq, Instant.parse("2026-12-01T10:00:0" + seq + "Z"),
                "0A1B2C3D4E5F60718293A4B5C6D7E8F90A1B2C3D", org.gawah.custody.Action.SEALED,
                "GWH-7K3M-9QXA-2D4F-8ZP" + seq, Digests.sha256(new byte[] {(byte) seq}),
                seq == 1 ? org.gawah.custody.Entry.GENESIS : "0".repeat(63) + seq).canonical();
    }

    private static List<TsaCertificate> both() throws IOException {
        return List.of(TsaCertificate.parse(resource("archive-ca.pem")), TsaCertificate.parse(resource("renewal-ca.pem")));
    }

    private static byte[] sha256(byte[] data) {
        return HexFormat.of().parseHex(Digests.sha256(data));
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = EvidenceRecordGoldenTest.class.getResourceAsStream(DIR + name)) {
            return in.readAllBytes();
        }
    }
}
