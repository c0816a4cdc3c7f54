package org.gawah.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.gawah.testsupport.Gawah;
import org.gawah.testsupport.Homes;
import org.gawah.testsupport.TestEngine;
import org.gawah.vault.VaultTamper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** gawah doctor names each problem of a home and how to fix it; warnings alone do not fail. */
@ParameterizedClass
@EnumSource(TestEngine.class)
class DoctorTest {
    @Parameter
    TestEngine engine;

    @TempDir
    static Path root;
    /** This engine's folder under root. */
    static Path base;
    static Homes homes;
    static String record;

    @BeforeParameterizedClassInvocation
    static void homes(TestEngine engine) throws java.io.IOException {
        base = java.nio.file.Files.createDirectories(root.resolve(engine.name()));
        homes = engine.homes(base);
        record = homes.record();
    }

    @Test
    void aHealthyHomeWithOneLegalKeyPassesWithAWarningAboutKeyLoss() {
        Gawah.Result result = homes.gawah.in(homes.documenter, "doctor").ok();
        assertTrue(result.out().contains("WARN  records are sealed to a single legal-team key"), result.out());
        assertTrue(result.out().contains("fix: pin a second one"), result.out());
        assertTrue(result.out().contains("ok    vault intact: 1 records"), result.out());
        assertTrue(homes.gawah.in(homes.legal, "doctor").ok().out().contains("all good"));
    }

    @Test
    void aVaultReadableByOthersFailsAndSaysHowToFixIt(@TempDir Path dir) throws Exception {
        Path copy = dir.resolve("home");
        Homes.copy(homes.documenter, copy);
        String vault = engine == TestEngine.SQLITE ? "vault.db" : "vault.url";
        Files.setPosixFilePermissions(copy.resolve(vault), PosixFilePermissions.fromString("rw-r--r--"));
        Gawah.Result result = homes.gawah.in(copy, "doctor");
        assertEquals(78, result.code(), result.out());
        assertTrue(result.out().contains(vault + " is rw-r--r--: others can read it"), result.out());
        assertTrue(result.out().contains("fix: chmod 600 "), result.out());
    }

    @Test
    void aTamperedRecordIsFound(@TempDir Path dir) throws Exception {
        Path copy = dir.resolve("home");
        Homes.copy(homes.documenter, copy);
        VaultTamper.flipTestimonyByte(copy, record, 100);
        Gawah.Result result = homes.gawah.in(copy, "doctor");
        assertEquals(78, result.code(), result.out());
        assertTrue(result.out().contains("FAIL  vault: the testimony of " + record), result.out());
    }

    @Test
    void noHomeAndNoRecipientsAreFailures(@TempDir Path dir) {
        Gawah.Result none = homes.gawah.in(dir.resolve("nothing"), "doctor");
        assertEquals(78, none.code());
        assertTrue(none.out().contains("fix: create it: gawah init"), none.out());
        Path fresh = dir.resolve("fresh");
        homes.gawah.in(fresh, "init").ok();
        Gawah.Result result = homes.gawah.in(fresh, "doctor");
        assertEquals(78, result.code());
        assertTrue(result.out().contains("FAIL  this home has no key of its own"), result.out());
        assertTrue(result.out().contains("FAIL  no legal-team key is pinned"), result.out());
    }
}
