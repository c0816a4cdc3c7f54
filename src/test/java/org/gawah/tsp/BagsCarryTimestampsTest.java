package org.gawah.tsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.gawah.Digests;
import org.gawah.Failure;
import org.gawah.custody.Action;
import org.gawah.custody.Entry;
import org.gawah.custody.EntrySigner;
import org.gawah.keys.Keyring;
import org.gawah.testimony.RecordId;
import org.gawah.testsupport.Bags;
import org.gawah.testsupport.Gawah;
import org.gawah.testsupport.Gawah.Result;
import org.gawah.testsupport.Homes;
import org.gawah.testsupport.TestEngine;
import org.gawah.testsupport.TestTsa;
import org.gawah.testsupport.TestTsa.Fault;
import org.gawah.vault.VaultTamper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Submission bags carry the documenter's tokens (custody/timestamps/GWT-….tsr); the legal team's
 * import and verify check each against the documenter's log and the TSAs pinned in its own home,
 * and keep them. Crafted tokens, logged by the documenter's own signed entries so that only the
 * token is wrong, are each refused with their own message, nothing written. What the vaults store,
 * change and check runs on both engines; a crafted token or bag, which is checked against the bag
 * alone, on SQLite (and two of the crafted tokens on PostgreSQL, the vault left as it was there too).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BagsCarryTimestampsTest {
    private static final Set<Fault> ON_POSTGRESQL = Set.of(Fault.WRONG_NONCE, Fault.BAD_SIGNATURE);

    private Path base;
    /** Each engine's homes, one record sealed and the good TSA pinned by the documenter, made when first asked. */
    private final Map<TestEngine, Homes> homes = new EnumMap<>(TestEngine.class);
    private TestTsa good;
    private final List<TestTsa> servers = new ArrayList<>();
    private int copies;

    @BeforeAll
    void goodTsa(@TempDir Path dir) throws Exception {
        base = dir;
        good = serve(Fault.NONE);
    }

    private Homes homes(TestEngine engine) throws Exception {
        if (!homes.containsKey(engine)) {
            Homes made = engine.homes(Files.createDirectories(base.resolve(engine.name())));
            made.record();
            homes.put(engine, made);
            pin(made.documenter, good, true);
        }
        return homes.get(engine);
    }

    @AfterAll
    void stop() {
        servers.forEach(TestTsa::close);
    }

    private TestTsa serve(Fault fault) {
        TestTsa tsa = new TestTsa(fault, "TSA " + fault + " " + servers.size());
        servers.add(tsa);
        return tsa;
    }

    private void pin(Path home, TestTsa tsa, boolean withUrl) throws Exception {
        Path ca = tsa.writeCa(base.resolve("ca-" + servers.indexOf(tsa) + ".pem"));
        Gawah gawah = new Gawah(Homes.PASSPHRASE);
        if (withUrl) {
            gawah.in(home, "keys", "import", "--role", "tsa", "--url", tsa.url(), ca.toString()).ok();
        } else {
            gawah.in(home, "keys", "import", "--role", "tsa", ca.toString()).ok();
        }
    }

    /** A fresh pair of homes: copies of the engine's shared ones, to change without touching them. */
    private Path[] copy(Homes homes) {
        copies++;
        Path documenter = base.resolve("d" + copies);
        Path legal = base.resolve("l" + copies);
        Homes.copy(homes.documenter, documenter);
        Homes.copy(homes.legal, legal);
        return new Path[] {documenter, legal};
    }

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void aBagTimestampedAfterSealingVerifiesImportsAndKeepsItsToken(TestEngine engine) throws Exception {
        Homes homes = homes(engine);
        Path[] pair = copy(homes);
        pin(pair[1], good, false);
        String id = homes.gawah.in(pair[0], "timestamp").ok().out().strip();
        homes.record();
        Path bag = base.resolve(engine + "-timestamped.zip");
        homes.gawah.in(pair[0], "submit", "--out", bag.toString()).ok();
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(bag.toFile())) {
            assertTrue(zip.stream().anyMatch(e -> e.getName().endsWith("/custody/timestamps/" + id + ".tsr")));
        }

        String report = homes.gawah.in(pair[1], "verify", bag.toString()).ok().out();
        assertTrue(report.contains(": VALID") && report.contains("existed at"), report);
        homes.gawah.in(pair[1], "import", bag.toString()).ok();
        assertEquals(List.of(List.of(homes.documenterFingerprint, id)), VaultTamper.rows(pair[1], "SELECT actor, id FROM timestamps"));
        homes.gawah.in(pair[1], "verify", "--vault", "--no-entry").ok();
    }

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void verifyVaultChecksTheTokensOfEveryLogItHolds(TestEngine engine) throws Exception {
        Homes homes = homes(engine);
        Path[] pair = copy(homes);
        pin(pair[1], good, false);
        homes.gawah.in(pair[0], "timestamp").ok();
        Path bag = base.resolve(engine + "-audited.zip");
        homes.gawah.in(pair[0], "submit", "--out", bag.toString()).ok();
        homes.gawah.in(pair[1], "import", bag.toString()).ok();
        assertTrue(homes.gawah.in(pair[0], "verify", "--vault", "--no-entry").ok().out().contains("1 time-stamp token(s) checked"));
        assertTrue(homes.gawah.in(pair[1], "verify", "--vault", "--no-entry").ok().out().contains("1 time-stamp token(s) checked"));
        VaultTamper.sql(pair[1], oneByteMore(engine));
        Result audit = homes.gawah.in(pair[1], "verify", "--vault", "--no-entry");
        assertEquals(Failure.BAD_DATA.exitCode(), audit.code(), audit.stderr());
        assertTrue(audit.stderr().contains("is not the one entry"), audit.stderr());
    }

    /** Every stored token one zero byte longer, in the engine's own SQL. */
    private static String oneByteMore(TestEngine engine) {
        return engine == TestEngine.SQLITE ? "UPDATE timestamps SET token = CAST(token || X'00' AS BLOB)"
                : "UPDATE timestamps SET token = token || '\\x00'::bytea";
    }

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void submitRefusesATokenItsSignedEntryDidNotLog(TestEngine engine) throws Exception {
        Homes homes = homes(engine);
        Path[] pair = copy(homes);
        homes.gawah.in(pair[0], "timestamp").ok();
        VaultTamper.sql(pair[0], oneByteMore(engine));
        Path bag = base.resolve("cache-changed.zip");
        Result run = homes.gawah.in(pair[0], "submit", "--out", bag.toString());
        assertEquals(Failure.BAD_DATA.exitCode(), run.code(), run.stderr());
        assertTrue(run.stderr().contains("is not the one entry"), run.stderr());
        assertTrue(!Files.exists(bag));
        try (var left = Files.list(base)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().contains("cache-changed")), "a partial bag was left");
        }
    }

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void aTokenFromATsaTheLegalTeamDidNotPinIsRefused(TestEngine engine) throws Exception {
        Homes homes = homes(engine);
        Path[] pair = copy(homes);
        homes.gawah.in(pair[0], "timestamp").ok();
        Path bag = base.resolve(engine + "-unpinned.zip");
        homes.gawah.in(pair[0], "submit", "--out", bag.toString()).ok();
        assertRefused(pair[1], bag, Failure.UNKNOWN_SIGNER, "neither pinned here");
    }

    static Stream<Arguments> crafted() {
        return Stream.of(
                Arguments.of(Fault.OTHER_HASH, Failure.BAD_DATA, "the token is over another sha256"),
                Arguments.of(Fault.WRONG_NONCE, Failure.BAD_DATA, "nonce"),
                Arguments.of(Fault.EXPIRED_CERTIFICATE, Failure.CERTIFICATE_REFUSED, "had expired"),
                Arguments.of(Fault.NOT_FOR_TIMESTAMPING, Failure.CERTIFICATE_REFUSED, "not for time-stamping"),
                Arguments.of(Fault.BAD_SIGNATURE, Failure.BAD_SIGNATURE, "on the token does not verify"),
                Arguments.of(Fault.FUTURE, Failure.BAD_DATA, "dated in the future"))
                .flatMap(fault -> Stream.of(TestEngine.values())
                        .filter(engine -> engine == TestEngine.SQLITE || ON_POSTGRESQL.contains((Fault) fault.get()[0]))
                        .map(engine -> Arguments.of(engine, fault.get()[0], fault.get()[1], fault.get()[2])));
    }

    @ParameterizedTest
    @MethodSource("crafted")
    void aCraftedTokenLoggedByTheDocumenterIsRefusedAtImportAndInVerify(TestEngine engine, Fault fault, Failure failure,
            String words) throws Exception {
        Homes homes = homes(engine);
        Path[] pair = copy(homes);
        TestTsa tsa = serve(fault);
        pin(pair[1], tsa, false);
        forge(pair[0], tsa, false, false);
        Path bag = base.resolve(engine + "-" + fault + ".zip");
        homes.gawah.in(pair[0], "submit", "--out", bag.toString()).ok();
        assertRefused(pair[1], bag, failure, words);
    }

    @Test
    void aTokenOtherThanTheOneItsEntryLoggedIsRefused() throws Exception {
        // The documenter's own key re-signs a bag whose token was replaced by another good one.
        Homes homes = homes(TestEngine.SQLITE);
        Path[] pair = copy(homes);
        pin(pair[1], good, false);
        homes.gawah.in(pair[0], "timestamp").ok();
        Path sent = base.resolve("to-swap.zip");
        homes.gawah.in(pair[0], "submit", "--out", sent.toString()).ok();
        java.util.Map<String, Bags.Item> items = Bags.read(sent);
        String token = items.keySet().stream().filter(n -> n.endsWith(".tsr")).findFirst().orElseThrow();
        items.put(token, new Bags.Item(token, ask(good, new byte[] {1}, RecordId.randomTimestamp())));
        Path bag = reseal(pair[0], items, "swapped.zip");
        assertRefused(pair[1], bag, Failure.BAD_DATA, "is not the one entry");
    }

    @Test
    void aLoggedTokenMissingFromTheBagIsRefused() throws Exception {
        Homes homes = homes(TestEngine.SQLITE);
        Path[] pair = copy(homes);
        pin(pair[1], good, false);
        homes.gawah.in(pair[0], "timestamp").ok();
        Path sent = base.resolve("to-drop.zip");
        homes.gawah.in(pair[0], "submit", "--out", sent.toString()).ok();
        java.util.Map<String, Bags.Item> items = Bags.read(sent);
        items.keySet().removeIf(n -> n.endsWith(".tsr"));
        Path bag = reseal(pair[0], items, "missing.zip");
        assertRefused(pair[1], bag, Failure.BAD_DATA, "is missing");
    }

    private Path reseal(Path documenter, java.util.Map<String, Bags.Item> items, String name) throws Exception {
        Bags.reseal(items, new Keyring(documenter.resolve("keys")).requireOwnKey()
                .unlockForSigning(Homes.PASSPHRASE.toCharArray(), Instant.now()));
        Path bag = base.resolve(name);
        Bags.write(bag, items);
        return bag;
    }

    private void assertRefused(Path legal, Path bag, Failure failure, String words) throws Exception {
        Gawah gawah = new Gawah(Homes.PASSPHRASE);
        String before = VaultTamper.snapshot(legal);
        Result imported = gawah.in(legal, "import", bag.toString());
        assertEquals(failure.exitCode(), imported.code(), imported.stderr());
        assertTrue(imported.stderr().contains(words), imported.stderr());
        assertEquals(before, VaultTamper.snapshot(legal));
        Result verified = gawah.in(legal, "verify", bag.toString());
        assertEquals(failure.exitCode(), verified.code(), verified.stderr());
        assertTrue(verified.out().contains("INVALID") && verified.stderr().contains(words), verified.out() + verified.stderr());
        assertEquals(before, VaultTamper.snapshot(legal));
    }

    /**
     * What a documenter with a crafted client could log: a token from {@code tsa} asked over the
     * log's head with the nonce its id fixes, appended with an entry signed by the documenter's own
     * key. {@code swap}: the stored token is another than the one logged; {@code drop}: none is stored.
     */
    private static void forge(Path home, TestTsa tsa, boolean swap, boolean drop) throws Exception {
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
            byte[] token = ask(tsa, last, id);
            byte[] stored = swap ? ask(tsa, last, RecordId.randomTimestamp()) : token;
            Entry entry = new Entry(seq + 1, Instant.now(), key.fingerprint(), Action.TIMESTAMPED, id, Digests.sha256(token),
                    Digests.sha256(last));
            Entry.Signed signed = new EntrySigner(key).sign(entry);
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO custody_log (seq, entry, signature) VALUES (?, ?, ?)")) {
                insert.setLong(1, seq + 1);
                insert.setBytes(2, signed.entry().canonical());
                insert.setBytes(3, signed.signature());
                insert.executeUpdate();
            }
            if (!drop) {
                try (PreparedStatement insert = db.prepareStatement("INSERT INTO timestamps (actor, seq, id, token) VALUES (?, ?, ?, ?)")) {
                    insert.setString(1, key.fingerprint());
                    insert.setLong(2, seq + 1);
                    insert.setString(3, id);
                    insert.setBytes(4, stored);
                    insert.executeUpdate();
                }
            }
            return null;
        });
    }

    private static byte[] ask(TestTsa tsa, byte[] data, String id) {
        TimeStampQuery query = TimeStampQuery.over(data, ImprintHash.SHA256, TimeStampQuery.nonceOf(id));
        return TsaReply.token(tsa.url(), TsaConnection.ask(URI.create(tsa.url()), query.der(), Duration.ofSeconds(10)));
    }
}
