package org.gawah.hostile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;

import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.gawah.Digests;
import org.gawah.Failure;
import org.gawah.custody.Action;
import org.gawah.custody.Entry;
import org.gawah.custody.EntrySigner;
import org.gawah.keys.Keyring;
import org.gawah.testimony.RecordId;
import org.gawah.testsupport.Gawah.Result;
import org.gawah.testsupport.Homes;
import org.gawah.testsupport.TestTsa;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Crafted time-stamp tokens, each logged by the documenter's own signed {@code timestamped} entry
 * (so the token itself is all that is wrong), carried in a bag made by {@code gawah submit} and
 * fed to the legal team's {@code gawah import}: each must end in one {@code gawah: error:} line
 * with a hint and its exit code, within the hostile corpus's 10 s, no library words shown, and the
 * legal vault byte for byte as it was. Built inside the test, like the corpus's bags would be.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileTokensTest {
    private Path base;
    private Homes homes;
    private TestTsa tsa;
    private byte[] good;
    private int copies;

    @BeforeAll
    void homes(@TempDir Path dir) throws Exception {
        base = dir;
        homes = new Homes(base);
        homes.record();
        tsa = new TestTsa(TestTsa.Fault.NONE, "Corpus TSA");
        Path ca = tsa.writeCa(base.resolve("ca.pem"));
        homes.gawah.in(homes.legal, "keys", "import", "--role", "tsa", ca.toString()).ok();
        good = ask(new byte[] {1}, "2.16.840.1.101.3.4.2.1", BigInteger.ONE);
    }

    @AfterAll
    void stop() {
        tsa.close();
    }

    Stream<Arguments> tokens() throws Exception {
        byte[] random = new byte[4096];
        new Random(19).nextBytes(random);
        byte[] nested = new byte[200_000];
        for (int i = 0; i < nested.length / 2; i++) {
            nested[2 * i] = 0x30;
            nested[2 * i + 1] = (byte) 0x80; // indefinite length, 100,000 deep
        }
        CMSSignedDataGenerator plain = new CMSSignedDataGenerator();
        byte[] notTstInfo = plain.generate(new CMSProcessableByteArray("not a TSTInfo".getBytes()), true).getEncoded();
        byte[] trailing = Arrays.copyOf(good, good.length + 1);
        byte[] huge = Arrays.copyOf(good, 300 * 1024);
        return Stream.of(
                Arguments.of("empty", new byte[0], "not an RFC 3161 time-stamp token"),
                Arguments.of("random-4kib", random, "not an RFC 3161 time-stamp token"),
                Arguments.of("truncated", Arrays.copyOf(good, good.length / 2), "not an RFC 3161 time-stamp token"),
                Arguments.of("trailing-byte", trailing, "time-stamp token"),
                Arguments.of("over-256kib", huge, "more than 262144"),
                Arguments.of("nesting-100000", nested, "not an RFC 3161 time-stamp token"),
                Arguments.of("cms-not-tstinfo", notTstInfo, "not an RFC 3161 time-stamp token"),
                Arguments.of("sha1-imprint", null, "does not accept"),
                Arguments.of("no-nonce", null, "is not the one asked for"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tokens")
    void aCraftedTokenInABagIsRefusedInOneLineAndChangesNothing(String name, byte[] token, String words) throws Exception {
        Path documenter = base.resolve("d" + (++copies));
        Path legal = base.resolve("l" + copies);
        Homes.copy(homes.documenter, documenter);
        Homes.copy(homes.legal, legal);
        forge(documenter, token, name);
        Path bag = base.resolve(name + ".zip");
        homes.gawah.in(documenter, "submit", "--out", bag.toString()).ok();
        byte[] before = Files.readAllBytes(legal.resolve("vault.db"));
        long start = System.nanoTime();
        Result result = homes.gawah.in(legal, "import", bag.toString());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(Failure.BAD_DATA.exitCode(), result.code(), result.stderr());
        assertTrue(result.stderr().contains(words), result.stderr());
        String[] lines = result.stderr().strip().split("\n");
        assertEquals(1, Arrays.stream(lines).filter(l -> l.startsWith("gawah: error: ")).count(), result.stderr());
        assertTrue(lines[lines.length - 1].startsWith("gawah: hint: "), result.stderr());
        assertFalse(HostileInputsTest.LIBRARY_WORDS.matcher(result.stderr()).find(), result.stderr());
        assertTrue(millis < HostileInputsTest.MAX_MILLIS, millis + " ms");
        assertArrayEquals(before, Files.readAllBytes(legal.resolve("vault.db")));
    }

    /** Appends to the documenter's log a timestamped entry, signed by its key, logging {@code token} (or one made by {@code name}). */
    private void forge(Path home, byte[] token, String name) throws Exception {
        var key = new Keyring(home.resolve("keys")).requireOwnKey().unlockForSigning(Homes.PASSPHRASE.toCharArray(), Instant.now());
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("vault.db"))) {
            long seq;
            byte[] last;
            try (ResultSet row = db.createStatement().executeQuery("SELECT seq, entry FROM custody_log ORDER BY seq DESC LIMIT 1")) {
                row.next();
                seq = row.getLong(1);
                last = row.getBytes(2);
            }
            String id = RecordId.randomTimestamp();
            if (name.equals("sha1-imprint")) {
                token = ask(org.gawah.tsp.ImprintHash.SHA256.digest(last).length == 32 ? sha1(last) : null, "1.3.14.3.2.26",
                        org.gawah.tsp.TimeStampQuery.nonceOf(id));
            } else if (name.equals("no-nonce")) {
                token = ask(org.gawah.tsp.ImprintHash.SHA256.digest(last), "2.16.840.1.101.3.4.2.1", null);
            }
            Entry.Signed signed = new EntrySigner(key).sign(new Entry(seq + 1, Instant.now(), key.fingerprint(), Action.TIMESTAMPED,
                    id, Digests.sha256(token), Digests.sha256(last)));
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO custody_log (seq, entry, signature) VALUES (?, ?, ?)")) {
                insert.setLong(1, seq + 1);
                insert.setBytes(2, signed.entry().canonical());
                insert.setBytes(3, signed.signature());
                insert.executeUpdate();
            }
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO timestamps (actor, seq, id, token) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, key.fingerprint());
                insert.setLong(2, seq + 1);
                insert.setString(3, id);
                insert.setBytes(4, token);
                insert.executeUpdate();
            }
        }
    }

    private static byte[] sha1(byte[] data) throws Exception {
        return java.security.MessageDigest.getInstance("SHA-1").digest(data);
    }

    /** A token from the corpus TSA over a digest given as is, with any hash and nonce (null: none). */
    private byte[] ask(byte[] digest, String hashOid, BigInteger nonce) throws Exception {
        org.bouncycastle.tsp.TimeStampRequestGenerator generator = new org.bouncycastle.tsp.TimeStampRequestGenerator();
        generator.setCertReq(true);
        byte[] digestOrDefault = digest.length == 1 ? new byte[32] : digest;
        var request = nonce == null ? generator.generate(hashOid, digestOrDefault) : generator.generate(hashOid, digestOrDefault, nonce);
        byte[] reply = org.gawah.tsp.TsaConnection.ask(java.net.URI.create(tsa.url()), request.getEncoded(), java.time.Duration.ofSeconds(10));
        return org.gawah.tsp.TsaReply.token(tsa.url(), reply);
    }
}
