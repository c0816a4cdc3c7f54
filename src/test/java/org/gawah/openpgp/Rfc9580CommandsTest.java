package org.gawah.openpgp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.gawah.Failure;
import org.gawah.testsupport.Gawah;
import org.gawah.testsupport.Homes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The RFC 9580 profile through the commands: {@code keys generate --profile rfc9580} in a
 * documenter's and a legal team's home, a record with a 5 MiB attachment (streamed in chunks
 * through the vault), sealed as SEIPD v2 to v6 recipients, opened on both sides.
 */
class Rfc9580CommandsTest {
    @TempDir
    static Path base;
    static final Gawah GAWAH = new Gawah(Homes.PASSPHRASE);
    static Path documenter;
    static Path legal;
    static String documenterFingerprint;
    static String legalFingerprint;
    static byte[] video;
    static String id;

    @BeforeAll
    static void setUp() throws Exception {
        documenter = base.resolve("documenter");
        legal = base.resolve("legal");
        documenterFingerprint = home(documenter, "Documenter D-14");
        legalFingerprint = home(legal, "Legal team");
        Path legalCert = base.resolve("legal.asc");
        Path documenterCert = base.resolve("documenter.asc");
        GAWAH.in(legal, "keys", "export", "--out", legalCert.toString()).ok();
        GAWAH.in(documenter, "keys", "export", "--out", documenterCert.toString()).ok();
        GAWAH.in(documenter, "keys", "import", "--role", "legal", legalCert.toString()).ok();
        GAWAH.in(documenter, "keys", "import", "--role", "protection", legalCert.toString()).ok();
        GAWAH.in(legal, "keys", "import", "--role", "documenter", documenterCert.toString()).ok();
        video = new byte[5 * 1024 * 1024 + 777];
        new Random(9580).nextBytes(video);
        Path file = Files.write(base.resolve("interview.mp4"), video);
        id = GAWAH.inWithInput(documenter, Homes.sampleInput(), "record", "--from", "-", "--attach", file.toString(),
                "--self-readable").ok().out().strip();
    }

    private static String home(Path home, String name) {
        GAWAH.in(home, "init").ok();
        Gawah.Result made = GAWAH.in(home, "keys", "generate", "--name", name, "--profile", "rfc9580").ok();
        assertTrue(made.stderr().contains("RFC 9580 (v6) key"), made.stderr());
        return made.out().strip();
    }

    @Test
    void keysAreV6AndPinnedByTheirLongFingerprint() throws Exception {
        assertTrue(documenterFingerprint.matches("[0-9A-F]{64}"), documenterFingerprint);
        assertTrue(Files.exists(documenter.resolve("keys/secret/" + documenterFingerprint + ".asc")));
        assertTrue(Files.exists(legal.resolve("keys/documenter/" + documenterFingerprint + ".asc")));
        SecretKey key = SecretKey.parse(Files.readAllBytes(documenter.resolve("keys/secret/" + documenterFingerprint + ".asc")));
        assertEquals(6, key.version());
    }

    @Test
    void recordIsSeipdV2WithFourMiBChunksAndTheLegalTeamOpensIt() throws Exception {
        Path sealed = base.resolve("record.pgp");
        GAWAH.in(documenter, "export-sealed", id, "--out", sealed.toString()).ok();
        List<Packets.Packet> packets = Packets.outer(Files.readAllBytes(sealed));
        Packets.Packet seipd = packets.get(packets.size() - 1);
        assertEquals(18, seipd.tag());
        assertEquals(2, seipd.octet(0));
        assertEquals(16, seipd.octet(3));
        for (Packets.Packet pkesk : packets.subList(0, packets.size() - 1)) {
            assertEquals(6, pkesk.octet(0), "v6 PKESK");
        }
        Gawah.Result opened = GAWAH.in(legal, "open", "--sealed", sealed.toString()).ok();
        assertArrayEquals(GAWAH.in(documenter, "open", id).ok().stdout(), opened.stdout());
    }

    @Test
    void attachmentStreamsThroughTheVaultAndBack() throws Exception {
        Path out = base.resolve("evidence");
        Files.createDirectories(out);
        GAWAH.in(documenter, "open", id, "--attachments", out.toString()).ok();
        try (var files = Files.list(out)) {
            Path only = files.filter(p -> !p.getFileName().toString().startsWith(".")).findFirst().orElseThrow();
            assertArrayEquals(video, Files.readAllBytes(only));
        }
    }

    /**
     * A submission bag (v6 detached signature, v6-signed custody log) verifies and imports; the
     * team opens the record, and exports it: the package's custody folders and chains are named
     * by the 64-digit fingerprints, and VERIFY.txt says which GnuPG reads v6 keys.
     */
    @Test
    void bagOfV6RecordsImportsAndOpensAtTheLegalTeam() throws Exception {
        Path bag = base.resolve("week.zip");
        GAWAH.in(documenter, "submit", "--out", bag.toString()).ok();
        GAWAH.in(legal, "verify", bag.toString()).ok();
        GAWAH.in(legal, "import", bag.toString()).ok();
        Gawah.Result opened = GAWAH.in(legal, "open", id).ok();
        assertTrue(opened.stderr().contains(documenterFingerprint.substring(0, 4)), opened.stderr());
        GAWAH.in(legal, "verify", "--vault").ok();

        String caseId = GAWAH.caseCreate(legal, "v6").ok().out().strip();
        GAWAH.in(legal, "case", "add", caseId, id).ok();
        Path pkg = base.resolve("v6-package.zip");
        GAWAH.in(legal, "export", "--case", caseId, "--for", "icc", "--out", pkg.toString(), "--include-identities").ok();
        assertTrue(GAWAH.in(legal, "verify", pkg.toString()).ok().out().contains(": VALID"));
        java.util.Map<String, byte[]> files = org.gawah.testsupport.CaseFixture.files(pkg);
        for (String actor : List.of(legalFingerprint, documenterFingerprint)) {
            assertTrue(files.containsKey("custody/" + actor + "/chain-sha256.txt"), files.keySet().toString());
        }
        assertTrue(new String(files.get("VERIFY.txt"), java.nio.charset.StandardCharsets.UTF_8).contains("version 6 keys"));
    }

    @Test
    void unknownProfileIsAUsageError() {
        Gawah.Result result = GAWAH.in(base.resolve("other"), "keys", "generate", "--name", "X", "--profile", "rfc4880");
        assertEquals(Failure.USAGE.exitCode(), result.code(), result.stderr());
        assertTrue(result.stderr().contains("unknown profile: rfc4880"), result.stderr());
    }
}
