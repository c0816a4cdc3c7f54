package org.gawah.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
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
import org.gawah.testsupport.TestEngine;
import org.gawah.testsupport.TestTsa;
import org.gawah.vault.VaultTamper;
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
 * Every token on SQLite; on PostgreSQL the empty one (an empty value, which is no NULL), the
 * largest, and one that gets as far as the nonce, which is what differs there: how the forged row is
 * stored and read back, and a team vault left as it was.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileTokensTest {
    private static final Set<String> ON_POSTGRESQL = Set.of("empty", "over-256kib", "no-nonce");

    private Path base;
    private final Map<TestEngine, Homes> homes = new EnumMap<>(TestEngine.class);
    private TestTsa tsa;
    private byte[] good;
    private int copies;

    @BeforeAll
    void tsa(@TempDir Path dir) throws Exception {
        base = dir;
        tsa = new TestTsa(TestTsa.Fault.NONE, "Corpus TSA");
        good = ask(new byte[] {1}, "2.16.840.1.101.3.4.2.1", BigInteger.ONE);
    }

    /** The engine's homes, one record made and the TSA pinned by the legal team, when its first token asks. */
    private Homes homes(TestEngine engine) throws Exception {
        if (!homes.containsKey(engine)) {
            Homes made = engine.homes(Files.createDirectories(base.resolve(engine.name())));
            made.record();
            Path ca = tsa.writeCa(base.resolve(engine.name()).resolve("ca.pem"));
            made.gawah.in(made.legal, "keys", "import", "--role", "tsa", ca.toString()).ok();
            homes.put(engine, made);
        }
        return homes.get(engine);
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
                Arguments.of("no-nonce", null, "is not the one asked for"))
                .flatMap(token -> Stream.of(TestEngine.values())
                        .filter(engine -> engine == TestEngine.SQLITE || ON_POSTGRESQL.contains((String) token.get()[0]))
                        .map(engine -> Arguments.of(engine, token.get()[0], token.get()[1], token.get()[2])));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("tokens")
    void aCraftedTokenInABagIsRefusedInOneLineAndChangesNothing(TestEngine engine, String name, byte[] token, String words)
            throws Exception {
        Homes homes = homes(engine);
        Path documenter = base.resolve("d" + (++copies));
        Path legal = base.resolve("l" + copies);
        Homes.copy(homes.documenter, documenter);
        Homes.copy(homes.legal, legal);
        forge(documenter, token, name);
        Path bag = base.resolve(name + copies + ".zip");
        homes.gawah.in(documenter, "submit", "--out", bag.toString()).ok();
        String before = VaultTamper.snapshot(legal);
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
        assertEquals(before, VaultTamper.snapshot(legal));
    }

    /** Appends to the documenter's log a timestamped entry, signed by its key, logging {@code token} (or one made by {@code name}). */
    private void forge(Path home, byte[] token, String name) throws Exception {
        var key = new Keyring(home.resolve("keys")).requireOwnKey().unlockForSigning(Homes.PASSPHRASE.toCharArray(), Instant.now());
        VaultTamper.tamper(home, db -> {
            long seq;
            byte[] last;
            try (ResultSet row = db.createStatement().executeQuery("SELECT seq, entry FROM custody_log ORDER BY seq DESC LIMIT 1")) {
                row.next();
                seq = row.getLong(1);
                last = row.getBytes(2);
            }
            String id = RecordId.randomTimestamp();
            byte[] forged = token;
            if (name.equals("sha1-imprint")) {
                forged = ask(org.gawah.tsp.ImprintHash.SHA256.digest(last).length == 32 ? sha1(last) : null, "1.3.14.3.2.26",
                        org.gawah.tsp.TimeStampQuery.nonceOf(id));
            } else if (name.equals("no-nonce")) {
                forged = ask(org.gawah.tsp.ImprintHash.SHA256.digest(last), "2.16.840.1.101.3.4.2.1", null);
            }
            Entry.Signed signed = new EntrySigner(key).sign(new Entry(seq + 1, Instant.now(), key.fingerprint(), Action.TIMESTAMPED,
                    id, Digests.sha256(forged), Digests.sha256(last)));
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
                insert.setBytes(4, forged);
                insert.executeUpdate();
            }
            return null;
        });
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
