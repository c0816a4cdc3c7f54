package org.gawah.bag;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.gawah.Failure;
import org.gawah.testsupport.Gawah.Result;
import org.gawah.testsupport.Homes;
import org.gawah.testsupport.TestEngine;
import org.gawah.vault.VaultTamper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code gawah verify BAG} on the legal team's workstation says what {@code gawah import} would:
 * a bag intact in itself but replaying or forking its documenter's log is refused there, with the
 * same words and exit code, and nothing is written; a bag already imported is said to be.
 */
@ParameterizedClass
@EnumSource(TestEngine.class)
class VerifySaysWhatImportWouldRefuseTest {
    @Parameter
    TestEngine engine;

    @TempDir
    static Path root;
    /** This engine's folder under root. */
    static Path base;
    static Homes homes;
    static Path older;
    static Path newer;
    static Path forked;

    /** Two bags in order from the documenter, and a third from a copy of its home that went its own way. */
    @BeforeParameterizedClassInvocation
    static void bags(TestEngine engine) throws Exception {
        base = Files.createDirectories(root.resolve(engine.name()));
        homes = engine.homes(base);
        homes.record();
        older = base.resolve("older.zip");
        homes.gawah.in(homes.documenter, "submit", "--out", older.toString()).ok();
        Path restored = base.resolve("restored-backup");
        Homes.copy(homes.documenter, restored);
        homes.record();
        newer = base.resolve("newer.zip");
        homes.gawah.in(homes.documenter, "submit", "--out", newer.toString()).ok();
        for (int i = 0; i < 2; i++) {
            homes.gawah.inWithInput(restored, Homes.sampleInput(), "record", "--from", "-").ok();
        }
        forked = base.resolve("forked.zip");
        homes.gawah.in(restored, "submit", "--out", forked.toString()).ok();
        homes.gawah.in(homes.legal, "import", newer.toString()).ok();
    }

    @Test
    void aReplayedBagIsRefusedByVerifyAsByImport() throws Exception {
        assertRefusedAlike(older, "replayed");
    }

    @Test
    void aForkedBagIsRefusedByVerifyAsByImport() throws Exception {
        assertRefusedAlike(forked, "forked");
    }

    @Test
    void aBagAlreadyImportedIsSaidToBe() {
        Result verified = homes.gawah.in(homes.legal, "verify", newer.toString()).ok();
        assertTrue(verified.out().contains(": VALID"), verified.out());
        assertTrue(verified.out().contains("already imported here on "), verified.out());
    }

    private static void assertRefusedAlike(Path bag, String word) throws Exception {
        String vault = VaultTamper.snapshot(homes.legal);
        Result verified = homes.gawah.in(homes.legal, "verify", bag.toString());
        Result imported = homes.gawah.in(homes.legal, "import", bag.toString());
        assertEquals(Failure.BAD_DATA.exitCode(), verified.code(), verified.out() + verified.stderr());
        assertTrue(verified.out().contains("INTACT, BUT REFUSED BY THIS VAULT"), verified.out());
        assertTrue(verified.stderr().contains(word), verified.stderr());
        assertEquals(imported.code(), verified.code(), imported.stderr());
        assertEquals(imported.stderr().lines().filter(l -> l.startsWith("gawah: error:")).toList(),
                verified.stderr().lines().filter(l -> l.startsWith("gawah: error:")).toList());
        assertEquals(vault, VaultTamper.snapshot(homes.legal));
    }
}
