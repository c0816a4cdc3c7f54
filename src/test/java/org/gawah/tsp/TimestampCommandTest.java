package org.gawah.tsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.gawah.Failure;
import org.gawah.custody.Action;
import org.gawah.custody.Entry;
import org.gawah.testsupport.Gawah.Result;
import org.gawah.testsupport.Homes;
import org.gawah.testsupport.TestTsa;
import org.gawah.testsupport.TestTsa.Fault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * gawah timestamp against real RFC 3161 TSAs on 127.0.0.1 (Bouncy Castle's response generator
 * behind the JDK's HTTP server): a good one, whose tokens OpenSSL verifies too, and one misbehaving
 * in each way a TSA can, each refused with its own message and exit code, nothing written.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimestampCommandTest {
    private Path base;

    private Homes homes;
    private TestTsa good;
    private final List<TestTsa> servers = new ArrayList<>();

    @BeforeAll
    void homes(@TempDir Path dir) throws Exception {
        base = dir;
        homes = new Homes(base);
        homes.record();
        good = serve(Fault.NONE, "Good TSA");
        Path ca = good.writeCa(base.resolve("good-ca.pem"));
        Result pinned = homes.gawah.in(homes.documenter, "keys", "import", "--role", "tsa", "--url", good.url(), ca.toString()).ok();
        assertTrue(pinned.stderr().contains("Good TSA Root CA"), pinned.stderr());
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

    @Test
    void aTokenOverTheLogHeadIsLoggedStoredAndVerifiedByOpenSsl() throws Exception {
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
        Path data = Files.write(base.resolve("covered.json"), covered.canonical());
        Path tokenFile = Files.write(base.resolve("token.tsr"), token);
        OpenSsl.Verdict verdict = OpenSsl.verifyData(data, tokenFile, base.resolve("good-ca.pem"));
        assertTrue(verdict.ok(), verdict.output());
        Files.write(data, (new String(covered.canonical()) + " ").getBytes());
        assertTrue(!OpenSsl.verifyData(data, tokenFile, base.resolve("good-ca.pem")).ok());
        homes.gawah.in(homes.documenter, "verify", "--vault", "--no-entry").ok();
    }

    @Test
    void twoTsasAskedInTurnEachCoverTheEntryBefore() throws Exception {
        TestTsa second = serve(Fault.NONE, "Second TSA");
        homes.gawah.in(homes.documenter, "keys", "import", "--role", "tsa",
                second.writeTsaCertificate(base.resolve("second-tsa.pem")).toString()).ok();
        Result run = homes.gawah.in(homes.documenter, "timestamp", "--tsa", good.url(), "--tsa", second.url(),
                "--hash", "sha512").ok();
        assertEquals(2, run.out().strip().split("\n").length, run.out());
        List<Entry> log = log(homes.documenter);
        Entry first = log.get(log.size() - 2);
        Entry last = log.get(log.size() - 1);
        assertEquals(Action.TIMESTAMPED, first.action());
        assertEquals(Action.TIMESTAMPED, last.action());
        Path data = Files.write(base.resolve("first.json"), first.canonical());
        Path tokenFile = Files.write(base.resolve("second.tsr"), token(homes.documenter, last.seq()));
        // The second token covers the first's entry; pinned as a leaf, OpenSSL needs -partial_chain.
        OpenSsl.Verdict verdict = OpenSsl.verifyData(data, tokenFile, base.resolve("second-tsa.pem"));
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
                Arguments.of(Fault.FUTURE, Failure.BAD_DATA, "dated in the future"));
    }

    @ParameterizedTest
    @MethodSource("faults")
    void aMisbehavingTsaIsRefusedWithItsOwnMessageAndNothingIsWritten(Fault fault, Failure failure, String words)
            throws Exception {
        TestTsa tsa = serve(fault, "TSA " + fault);
        homes.gawah.in(homes.documenter, "keys", "import", "--role", "tsa",
                tsa.writeCa(base.resolve(fault + "-ca.pem")).toString()).ok();
        byte[] vault = Files.readAllBytes(homes.documenter.resolve("vault.db"));
        Result run = homes.gawah.in(homes.documenter, "timestamp", "--tsa", tsa.url(), "--timeout", "2");
        assertEquals(failure.exitCode(), run.code(), run.stderr());
        assertTrue(run.stderr().contains("gawah: error: ") && run.stderr().contains(words), run.stderr());
        assertTrue(run.stderr().contains("gawah: hint: "), run.stderr());
        assertEquals("", run.out());
        assertArrayEquals(vault, Files.readAllBytes(homes.documenter.resolve("vault.db")));
    }

    @Test
    void aTsaWhoseCertificateIsNotPinnedIsRefused() throws Exception {
        TestTsa stranger = serve(Fault.NONE, "Stranger TSA");
        byte[] vault = Files.readAllBytes(homes.documenter.resolve("vault.db"));
        Result run = homes.gawah.in(homes.documenter, "timestamp", "--tsa", stranger.url());
        assertEquals(Failure.UNKNOWN_SIGNER.exitCode(), run.code(), run.stderr());
        assertTrue(run.stderr().contains("Stranger TSA") && run.stderr().contains("neither pinned here"), run.stderr());
        assertArrayEquals(vault, Files.readAllBytes(homes.documenter.resolve("vault.db")));
    }

    @Test
    void noServerListeningIsRefusedConnection() throws Exception {
        TestTsa gone = new TestTsa(Fault.NONE, "Gone");
        String url = gone.url();
        gone.close();
        Result run = homes.gawah.in(homes.documenter, "timestamp", "--tsa", url, "--timeout", "2");
        assertEquals(Failure.UNREACHABLE.exitCode(), run.code(), run.stderr());
        assertTrue(run.stderr().contains("refused the connection"), run.stderr());
    }

    @Test
    void aPinCopiedIntoTheHomeWithoutItsEntryIsRefused() throws Exception {
        Path other = base.resolve("copied");
        homes.gawah.in(other, "init").ok();
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
        Path other = base.resolve("offline");
        homes.gawah.in(other, "init").ok();
        homes.gawah.in(other, "keys", "generate", "--name", "Offline").ok();
        Result run = homes.gawah.in(other, "timestamp");
        assertEquals(Failure.NOT_READY.exitCode(), run.code(), run.stderr());
        assertTrue(run.stderr().contains("no time-stamping authority to ask"), run.stderr());
    }

    static List<Entry> log(Path home) throws Exception {
        List<Entry> entries = new ArrayList<>();
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("vault.db"));
             ResultSet rows = db.createStatement().executeQuery("SELECT entry FROM custody_log ORDER BY seq")) {
            while (rows.next()) {
                entries.add(Entry.parse(rows.getBytes(1)));
            }
        }
        return entries;
    }

    static byte[] token(Path home, long seq) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("vault.db"));
             PreparedStatement query = db.prepareStatement("SELECT token FROM timestamps WHERE seq = ?")) {
            query.setLong(1, seq);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next(), "no token at " + seq);
                return row.getBytes(1);
            }
        }
    }
}
