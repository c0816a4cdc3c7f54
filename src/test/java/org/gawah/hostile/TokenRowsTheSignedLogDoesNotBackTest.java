package org.gawah.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.gawah.Failure;
import org.gawah.testsupport.Gawah;
import org.gawah.testsupport.Gawah.Result;
import org.gawah.testsupport.Homes;
import org.gawah.testsupport.TestEngine;
import org.gawah.testsupport.TestTsa;
import org.gawah.vault.VaultTamper;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The {@code timestamps} table is a cache of the tokens the signed {@code timestamped} entries
 * name (docs/format/vault.md, "Caches"). A token row changed, deleted or added by hand stops every
 * command that would carry or report a token: {@code submit} on the documenter's side, {@code
 * export} on the legal team's (tokens received in a bag), and {@code verify --vault} on both; each
 * names the token as a change made outside Gawah (exit 41), nothing written. On both engines.
 */
@ParameterizedClass
@EnumSource(TestEngine.class)
class TokenRowsTheSignedLogDoesNotBackTest {
    @Parameter
    TestEngine engine;

    @TempDir
    static Path base;
    static Homes homes;
    static Gawah gawah;
    static TestTsa tsa;
    static String caseId;

    /** What was done to the table by hand. */
    enum Tamper {
        CHANGED("is not the one entry", "UPDATE timestamps SET token = CAST(token || X'00' AS BLOB)",
                "UPDATE timestamps SET token = token || '\\x00'::bytea"),
        DELETED("but not in the vault: it was deleted", "DELETE FROM timestamps"),
        ADDED("has no custody entry", "INSERT INTO timestamps (actor, seq, id, token)"
                + " SELECT actor, seq + 1000, 'GWT-0000-0000-0000-0000', token FROM timestamps");

        final String says;
        private final String sqlite;
        private final String postgresql;

        Tamper(String says, String sql) {
            this(says, sql, sql);
        }

        Tamper(String says, String sqlite, String postgresql) {
            this.says = says;
            this.sqlite = sqlite;
            this.postgresql = postgresql;
        }

        /** The edit in the engine's dialect (one text where both take it). */
        String sql(TestEngine engine) {
            return engine == TestEngine.SQLITE ? sqlite : postgresql;
        }
    }

    @BeforeParameterizedClassInvocation
    static void aTimestampedBagImportedIntoACase(TestEngine engine) throws Exception {
        Path base = TokenRowsTheSignedLogDoesNotBackTest.base.resolve(engine.name());
        homes = engine.homes(base);
        gawah = homes.gawah;
        tsa = new TestTsa(TestTsa.Fault.NONE, "Cache TSA");
        Path ca = tsa.writeCa(base.resolve("tsa-ca.pem"));
        gawah.in(homes.documenter, "keys", "import", "--role", "tsa", "--url", tsa.url(), ca.toString()).ok();
        String record = homes.record();
        gawah.in(homes.documenter, "timestamp").ok();
        Path bag = base.resolve("bag.zip");
        gawah.in(homes.documenter, "submit", "--out", bag.toString()).ok();
        gawah.in(homes.legal, "keys", "import", "--role", "tsa", ca.toString()).ok();
        gawah.in(homes.legal, "import", bag.toString()).ok();
        caseId = gawah.caseCreate(homes.legal, "Cached tokens").ok().out().strip();
        gawah.in(homes.legal, "case", "add", caseId, record, "--reliability", "high").ok();
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        tsa.close();
    }

    @ParameterizedTest
    @EnumSource(Tamper.class)
    void submitAndVerifyOnTheDocumentersSideNameTheToken(Tamper tamper, @TempDir Path dir) throws Exception {
        Path documenter = copy(homes.documenter, dir);
        VaultTamper.sql(documenter, tamper.sql(engine));
        Path out = dir.resolve("bag.zip");
        assertRefused(documenter, tamper.says, "submit", "--out", out.toString());
        assertFalse(Files.exists(out));
        assertRefused(documenter, tamper.says, "verify", "--vault", "--no-entry");
    }

    @ParameterizedTest
    @EnumSource(Tamper.class)
    void exportAndVerifyOnTheLegalSideNameTheToken(Tamper tamper, @TempDir Path dir) throws Exception {
        Path legal = copy(homes.legal, dir);
        VaultTamper.sql(legal, tamper.sql(engine));
        Path out = dir.resolve("package.zip");
        assertRefused(legal, tamper.says, "export", "--case", caseId, "--for", "icc", "--out", out.toString());
        assertFalse(Files.exists(out));
        assertRefused(legal, tamper.says, "verify", "--vault", "--no-entry");
    }

    /** Refused with one error line naming a time-stamp token and {@code says}, exit 41, nothing of the home changed. */
    private static void assertRefused(Path home, String says, String... command) throws IOException {
        String before = state(home);
        Result result = gawah.in(home, command);
        assertEquals(Failure.BAD_DATA.exitCode(), result.code(), result.command() + "\n" + result.stderr());
        HostileInputsTest.assertOneErrorLine(result.stderr(), says, result.command());
        HostileInputsTest.assertOneErrorLine(result.stderr(), "time-stamp token GWT-", result.command());
        assertFalse(result.stderr().contains("unexpected failure"), result.stderr());
        assertEquals(before, state(home), "nothing written: " + String.join(" ", command));
    }

    private static String state(Path home) throws IOException {
        return CommandsTrustOnlyTheSignedLogTest.state(home);
    }

    private static Path copy(Path home, Path dir) {
        Path copy = dir.resolve("home");
        Homes.copy(home, copy);
        return copy;
    }
}
