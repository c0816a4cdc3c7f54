package org.gawah.tsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.gawah.Failure;
import org.gawah.custody.Action;
import org.gawah.custody.Entry;
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
 * gawah timestamp against real RFC 3161 TSAs on 127.0.0.1 (Bouncy Castle's response generator
 * behind the JDK's HTTP server): a good one, whose tokens OpenSSL verifies too, and one misbehaving
 * in each way a TSA can, each refused with its own message and exit code, nothing written.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimestampCommandTest {
    /** What a misbehaving TSA is tried with on PostgreSQL too: the vault left as it was is what differs there. */
    private static final Set<Fault> ON_POSTGRESQL = Set.of(Fault.REJECTS, Fault.BAD_SIGNATURE);

    private Path base;

    /** Each engine's homes, one record sealed and the good TSA pinned, made when its first test asks. */
    private final Map<TestEngine, Homes> homes = new EnumMap<>(TestEngine.class);
    private TestTsa good;
    private final List<TestTsa> servers = new ArrayList<>();

    @BeforeAll
    void goodTsa(@TempDir Path dir) throws Exception {
        base = dir;
        good = serve(Fault.NONE, "Good TSA");
        good.writeCa(base.resolve("good-ca.pem"));
    }

    private Homes homes(TestEngine engine) throws Exception {
        if (!homes.containsKey(engine)) {
            Homes made = engine.homes(Files.createDirectories(base.resolve(engine.name())));
            made.record();
            Result pinned = made.gawah.in(made.documenter, "keys", "import", "--role", "tsa", "--url", good.url(),
                    base.resolve("good-ca.pem").toString()).ok();
            assertTrue(pinned.stderr().contains("Good TSA Root CA"), pinned.stderr());
            homes.put(engine, made);
        }
        return homes.get(engine);
    }

    @AfterAll
    void stop() {
        servers.forEach(TestTsa::close);
    }

    private TestTsa serve(Fault fault, String name) {
        TestTsa tsa = new TestTsa(fault, name);
        servers.add(tsa);
        return tsa;
    }

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void aTokenOverTheLogHeadIsLoggedStoredAndVerifiedByOpenSsl(TestEngine engine) throws Exception {
        Homes homes = homes(engine);
        List<Entry> before = log(homes.documenter);
        Result run = homes.gawah.in(homes.documenter, "timestamp").ok();
        String id = run.out().strip();
        assertTrue(id.matches("GWT(-[0-9A-Z]{4}){4}"), run.out());
        List<Entry> after = log(homes.documenter);
        assertEquals(before.size() + 1, after.size());
        Entry entry = after.get(after.size() - 1);
        assertEquals(Action.TIMESTAMPED, entry.action());
        assertEquals(id, entry.subject());
        Entry covered = after.get(after.size() - 2);
        assertEquals(covered.sha256(), entry.prevSha256());
        byte[] token = token(homes.documenter, entry.seq());
        assertEquals(org.gawah.Digests.sha256(token), entry.subjectSha256());

        // OpenSSL, an independent implementation, agrees: over these bytes, by this CA's TSA.
        Path data = Files.write(base.resolve(engine + "-covered.json"), covered.canonical());
        Path tokenFile = Files.write(base.resolve(engine + "-token.tsr"), token);
        OpenSsl.Verdict verdict = OpenSsl.verifyData(data, tokenFile, base.resolve("good-ca.pem"));
        assertTrue(verdict.ok(), verdict.output());
        Files.write(data, (new String(covered.canonical()) + " ").getBytes());
        assertTrue(!OpenSsl.verifyData(data, tokenFile, base.resolve("good-ca.pem")).ok());
        homes.gawah.in(homes.documenter, "verify", "--vault", "--no-entry").ok();
    }

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void twoTsasAskedInTurnEachCoverTheEntryBefore(TestEngine engine) throws Exception {
        Homes homes = homes(engine);
        TestTsa second = serve(Fault.NONE, "Second TSA");
        Path secondCertificate = second.writeTsaCertificate(base.resolve(engine + "-second-tsa.pem"));
        homes.gawah.in(homes.documenter, "keys", "import", "--role", "tsa", secondCertificate.toString()).ok();
        Result run = homes.gawah.in(homes.documenter, "timestamp", "--tsa", good.url(), "--tsa", second.url(),
                "--hash", "sha512").ok();
        assertEquals(2, run.out().strip().split("\n").length, run.out());
        List<Entry> log = log(homes.documenter);
        Entry first = log.get(log.size() - 2);
        Entry last = log.get(log.size() - 1);
        assertEquals(Action.TIMESTAMPED, first.action());
        assertEquals(Action.TIMESTAMPED, last.action());
        Path data = Files.write(base.resolve(engine + "-first.json"), first.canonical());
        Path tokenFile = Files.write(base.resolve(engine + "-second.tsr"), token(homes.documenter, last.seq()));
        // The second token covers the first's entry; pinned as a leaf, OpenSSL needs -partial_chain.
        OpenSsl.Verdict verdict = OpenSsl.verifyData(data, tokenFile, secondCertificate);
        assertTrue(verdict.ok(), verdict.output());
    }

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of(Fault.REJECTS, Failure.TSA_REFUSED, "refused: rejection (timeNotAvailable)"),
                Arguments.of(Fault.HTTP_ERROR, Failure.UNREACHABLE, "answered HTTP 503"),
                Arguments.of(Fault.SLOW, Failure.UNREACHABLE, "did not answer within 2 s"),
                Arguments.of(Fault.GARBAGE, Failure.BAD_DATA, "not an RFC 3161 time-stamp reply"),
                Arguments.of(Fault.OTHER_HASH, Failure.BAD_DATA, "the token is over another sha256"),
                Arguments.of(Fault.WRONG_NONCE, Failure.BAD_DATA, "the token's nonce"),
                Arguments.of(Fault.EXPIRED_CERTIFICATE, Failure.CERTIFICATE_REFUSED, "had expired"),
                Arguments.of(Fault.NOT_FOR_TIMESTAMPING, Failure.CERTIFICATE_REFUSED, "not for time-stamping"),
                Arguments.of(Fault.BAD_SIGNATURE, Failure.BAD_SIGNATURE, "on the token does not verify"),
                Arguments.of(Fault.FUTURE, Failure.BAD_DATA, "dated in the future"))
                .flatMap(fault -> Stream.of(TestEngine.values())
                        .filter(engine -> engine == TestEngine.SQLITE || ON_POSTGRESQL.contains((Fault) fault.get()[0]))
                        .map(engine -> Arguments.of(engine, fault.get()[0], fault.get()[1], fault.get()[2])));
    }

    @ParameterizedTest
    @MethodSource("faults")
    void aMisbehavingTsaIsRefusedWithItsOwnMessageAndNothingIsWritten(TestEngine engine, Fault fault, Failure failure,
            String words) throws Exception {
        Homes homes = homes(engine);
        TestTsa tsa = serve(fault, "TSA " + fault);
        homes.gawah.in(homes.documenter, "keys", "import", "--role", "tsa",
                tsa.writeCa(base.resolve(engine + "-" + fault + "-ca.pem")).toString()).ok();
        String vault = VaultTamper.snapshot(homes.documenter);
        Result run = homes.gawah.in(homes.documenter, "timestamp", "--tsa", tsa.url(), "--timeout", "2");
        assertEquals(failure.exitCode(), run.code(), run.stderr());
        assertTrue(run.stderr().contains("gawah: error: ") && run.stderr().contains(words), run.stderr());
        assertTrue(run.stderr().contains("gawah: hint: "), run.stderr());
        assertEquals("", run.out());
        assertEquals(vault, VaultTamper.snapshot(homes.documenter));
    }

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void aTsaWhoseCertificateIsNotPinnedIsRefused(TestEngine engine) throws Exception {
        Homes homes = homes(engine);
        TestTsa stranger = serve(Fault.NONE, "Stranger TSA");
        String vault = VaultTamper.snapshot(homes.documenter);
        Result run = homes.gawah.in(homes.documenter, "timestamp", "--tsa", stranger.url());
        assertEquals(Failure.UNKNOWN_SIGNER.exitCode(), run.code(), run.stderr());
        assertTrue(run.stderr().contains("Stranger TSA") && run.stderr().contains("neither pinned here"), run.stderr());
        assertEquals(vault, VaultTamper.snapshot(homes.documenter));
    }

    @Test
    void noServerListeningIsRefusedConnection() throws Exception {
        Homes homes = homes(TestEngine.SQLITE);
        TestTsa gone = new TestTsa(Fault.NONE, "Gone");
        String url = gone.url();
        gone.close();
        Result run = homes.gawah.in(homes.documenter, "timestamp", "--tsa", url, "--timeout", "2");
        assertEquals(Failure.UNREACHABLE.exitCode(), run.code(), run.stderr());
        assertTrue(run.stderr().contains("refused the connection"), run.stderr());
    }

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void aPinCopiedIntoTheHomeWithoutItsEntryIsRefused(TestEngine engine) throws Exception {
        Homes homes = homes(engine);
        Path other = base.resolve(engine + "-copied");
        homes.gawah.in(other, engine.initCommand()).ok();
        homes.gawah.in(other, "keys", "generate", "--name", "Other").ok();
        homes.record();
        Path folder = Files.createDirectories(other.resolve("tsa"));
        try (var files = Files.list(homes.documenter.resolve("tsa"))) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.copy(file, folder.resolve(file.getFileName()));
            }
        }
        Result run = homes.gawah.in(other, "timestamp");
        assertEquals(Failure.BAD_DATA.exitCode(), run.code(), run.stderr());
        assertTrue(run.stderr().contains("not pinned by this home's custody log"), run.stderr());
    }

    @Test
    void withoutATsaNothingIsAsked() throws Exception {
        Homes homes = homes(TestEngine.SQLITE);
        Path other = base.resolve("offline");
        homes.gawah.in(other, "init").ok();
        homes.gawah.in(other, "keys", "generate", "--name", "Offline").ok();
        Result run = homes.gawah.in(other, "timestamp");
        assertEquals(Failure.NOT_READY.exitCode(), run.code(), run.stderr());
        assertTrue(run.stderr().contains("no time-stamping authority to ask"), run.stderr());
    }

    static List<Entry> log(Path home) throws Exception {
        return VaultTamper.read(home, db -> {
            List<Entry> entries = new ArrayList<>();
            try (ResultSet rows = db.createStatement().executeQuery("SELECT entry FROM custody_log ORDER BY seq")) {
                while (rows.next()) {
                    entries.add(Entry.parse(rows.getBytes(1)));
                }
            }
            return entries;
        });
    }

    static byte[] token(Path home, long seq) throws Exception {
        return VaultTamper.read(home, db -> {
            try (PreparedStatement query = db.prepareStatement("SELECT token FROM timestamps WHERE seq = ?")) {
                query.setLong(1, seq);
                try (ResultSet row = query.executeQuery()) {
                    assertTrue(row.next(), "no token at " + seq);
                    return row.getBytes(1);
                }
            }
        });
    }
}
