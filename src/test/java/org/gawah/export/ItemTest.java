package org.gawah.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The sidecar and index row of an item, byte for byte as docs/format/evidence-package.md describes them. */
class ItemTest {
    static Item photo() throws Exception {
        Item.RecordFacts facts = new Item.RecordFacts(new ObjectMapper().readTree(
                "{\"interview\": [\"prs\", \"ps\"], \"record\": [\"prs\", \"en\"]}"), List.of("legal_team", "icc"),
                "strictly_confidential");
        return new Item("GWA-4T9K-2M8Q-7XRA-C3PD", Item.Kind.ATTACHMENT, "data/GWH-7K3M-9QXA-2D4F-8ZZP/GWA-4T9K-2M8Q-7XRA-C3PD.jpg",
                "data/GWH-7K3M-9QXA-2D4F-8ZZP/GWA-4T9K-2M8Q-7XRA-C3PD.jpg.sig", "GWH-7K3M-9QXA-2D4F-8ZZP",
                "=HYPERLINK(\"x\") دروازه.jpg", "image/jpeg", 150000, "a".repeat(64), "b".repeat(128),
                Instant.parse("2026-11-20T08:30:12Z"), "B1B331587A87B2868BB7C04AF6C9DC6CC86A884C", "original", null, null,
                "GWH-7K3M-9QXA-2D4F-8ZZP.testimony", facts);
    }

    @Test
    void theSidecarIsTheGoldenFile() throws Exception {
        try (InputStream golden = ItemTest.class.getResourceAsStream("sidecar-golden.json")) {
            assertEquals(new String(golden.readAllBytes(), StandardCharsets.UTF_8),
                    new String(photo().sidecar("GWC-4W9Q-3KWC-5XNR-E7S0"), StandardCharsets.UTF_8));
        }
    }

    @Test
    void theIndexRowQuotesAndDefusesFormulas() throws Exception {
        assertEquals("GWA-4T9K-2M8Q-7XRA-C3PD,attachment,data/GWH-7K3M-9QXA-2D4F-8ZZP/GWA-4T9K-2M8Q-7XRA-C3PD.jpg,"
                + "GWH-7K3M-9QXA-2D4F-8ZZP,\"'=HYPERLINK(\"\"x\"\") دروازه.jpg\",image/jpeg,150000," + "a".repeat(64)
                + ",2026-11-20T08:30:12Z,B1B331587A87B2868BB7C04AF6C9DC6CC86A884C,original,,"
                + "data/GWH-7K3M-9QXA-2D4F-8ZZP/GWA-4T9K-2M8Q-7XRA-C3PD.jpg.sig,,", photo().csvRow());
        assertEquals(15, Item.CSV_HEADER.split(",").length);
    }

    /** A transcript, in the group of its recording, with the metadata its sidecar shows. */
    static Item transcript() throws Exception {
        Item p = photo();
        return new Item("GWA-8ZK2-4T9Q-2M7R-XA3C", Item.Kind.ATTACHMENT, "data/GWH-7K3M-9QXA-2D4F-8ZZP/GWA-8ZK2-4T9Q-2M7R-XA3C.bin",
                "data/GWH-7K3M-9QXA-2D4F-8ZZP/GWA-8ZK2-4T9Q-2M7R-XA3C.bin.sig", p.recordId(), "GWA-8ZK2-4T9Q-2M7R-XA3C.bin",
                "application/octet-stream", 1200, "c".repeat(64), "d".repeat(128), p.sealedAt(), p.documenter(), "original",
                null, null, p.testimony(), p.facts(), new Item.Relation("transcript_of", "GWA-4T9K-2M8Q-7XRA-C3PD"),
                new ObjectMapper().readTree("{\"read_by\": \"metadata-extractor 2.19.0\", \"status\": \"unreadable\"}"));
    }

    @Test
    void aTranscriptsSidecarNamesItsRecordingItsGroupAndItsMetadata() throws Exception {
        try (InputStream golden = ItemTest.class.getResourceAsStream("sidecar-transcript-golden.json")) {
            assertEquals(new String(golden.readAllBytes(), StandardCharsets.UTF_8), new String(
                    transcript().sidecar("GWC-4W9Q-3KWC-5XNR-E7S0", "GWA-4T9K-2M8Q-7XRA-C3PD", null), StandardCharsets.UTF_8));
        }
        assertTrue(transcript().csvRow("GWA-4T9K-2M8Q-7XRA-C3PD").endsWith(",GWA-4T9K-2M8Q-7XRA-C3PD,transcript"));
    }
}
