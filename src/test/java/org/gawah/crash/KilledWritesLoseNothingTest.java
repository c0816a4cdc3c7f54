package org.gawah.crash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.gawah.testsupport.Gawah;
import org.gawah.testsupport.TestEngine;
import org.gawah.vault.VaultTamper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * SIGKILL a real {@code gawah} process while it writes the chunks of a 32 MiB attachment into the
 * vault, on both engines: importing a bag that carries it, and attaching it to a record. Afterwards
 * {@code verify --vault} passes, every table holds exactly the rows it held before (no half-written
 * record, chunk or custody entry), the committed records open as before, and the same command run
 * again completes.
 */
@ParameterizedClass
@EnumSource(TestEngine.class)
class KilledWritesLoseNothingTest {
    @Parameter
    TestEngine engine;

    @TempDir
    static Path base;
    static TwoBags bags;
    static Gawah gawah;

    @BeforeParameterizedClassInvocation
    static void twoBagsOneImported(TestEngine engine) throws Exception {
        bags = new TwoBags(engine, base.resolve(engine.name()));
        gawah = bags.homes.gawah;
    }

    @Test
    void aKilledImportLeavesTheCommittedRecordsAndNothingHalfWritten(@TempDir Path dir) throws Exception {
        Path legal = bags.copy(bags.homes.legal, dir.resolve("legal"));
        String rows = VaultTamper.rowCounts(legal);

        TwoBags.kill(bags.startAndWaitUntilWriting(legal, dir.resolve("import"), "import", bags.bag.toString()));

        gawah.in(legal, "verify", "--vault", "--no-entry").ok();
        assertEquals(rows, VaultTamper.rowCounts(legal), "nothing of the killed import is left in any table");
        assertFalse(gawah.in(legal, "list").ok().out().contains(bags.large));
        assertArrayEquals(bags.smallOpened, gawah.in(legal, "open", bags.small).ok().stdout(), "the committed record opens");

        gawah.in(legal, "import", bags.bag.toString()).ok();
        assertEquals(List.of(TwoBags.sha256(bags.largeFile)), bags.openedAttachments(legal, bags.large, dir.resolve("opened")));
        gawah.in(legal, "verify", "--vault", "--no-entry").ok();
    }

    @Test
    void aKilledAttachLeavesTheCommittedRecordsAndNothingHalfWritten(@TempDir Path dir) throws Exception {
        Path documenter = bags.copy(bags.homes.documenter, dir.resolve("documenter"));
        String listed = gawah.in(documenter, "list").ok().out();
        byte[] opened = gawah.in(documenter, "open", bags.small).ok().stdout();
        String rows = VaultTamper.rowCounts(documenter);

        TwoBags.kill(bags.startAndWaitUntilWriting(documenter, dir.resolve("attach"), "attach", bags.small,
                bags.largeFile.toString()));

        gawah.in(documenter, "verify", "--vault", "--no-entry").ok();
        assertEquals(rows, VaultTamper.rowCounts(documenter), "nothing of the killed attach is left in any table");
        assertEquals(listed, gawah.in(documenter, "list").ok().out());
        assertArrayEquals(opened, gawah.in(documenter, "open", bags.small).ok().stdout(), "the committed record opens");

        gawah.in(documenter, "attach", bags.small, bags.largeFile.toString()).ok();
        assertTrue(gawah.in(documenter, "list").ok().out().lines().count() > listed.lines().count(),
                "the attachment, sealed again, is a linked record of its own");
        gawah.in(documenter, "verify", "--vault", "--no-entry").ok();
    }
}
