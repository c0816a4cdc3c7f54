package org.gawah.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.gawah.Message;
import org.gawah.testsupport.Homes;
import org.gawah.testsupport.TestEngine;
import org.gawah.vault.Vault;
import org.gawah.vault.VaultLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two homes on one team vault (here on one computer, as two analysts' homes are on two): a
 * package one of them is writing is registered in the shared {@code outputs} table, and the other
 * home's next command, which cannot see the first one's {@code outputs.lock}, must neither delete
 * the file nor forget its row (docs/format/vault.md, version 9). Once the writer is killed, its
 * own home settles it.
 */
class OneHomeNeverSettlesAnothersOutputsTest {
    @Test
    void anotherHomesCommandLeavesAFileBeingWrittenAlone(@TempDir Path base) throws Exception {
        Homes homes = TestEngine.POSTGRESQL.homes(base);
        Path writerDir = homes.legal;
        // A second home on the same database: the same keys (one key per team vault today), its own folder and lock file.
        Path otherDir = base.resolve("other");
        Homes.copy(writerDir, otherDir);
        Files.copy(writerDir.resolve(VaultLocation.URL_FILE), otherDir.resolve(VaultLocation.URL_FILE),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        List<Message> said = new ArrayList<>();
        Home writer = new Home(writerDir, said::add);
        Path out = Files.createDirectories(base.resolve("out"));
        Path partial = PartialFiles.beside(out.resolve("package.zip"), "GWE-0000-0000-0000-0001");
        try (Vault vault = writer.vault();
             PartialFiles.Writing writing = PartialFiles.create(writer, vault, partial, PartialFiles.EXPORT)) {
            Files.writeString(partial, "half a package");
            try (Vault seen = new Home(otherDir, said::add).vault()) {
                assertEquals(1, count(otherDir), "the other home's row stays listed");
            }
            assertTrue(Files.exists(partial), "the other home deleted a file still being written: " + said);
            assertEquals(List.of(), said, "nothing to say about another home's file");
        }
        // The writer "killed": its lock is let go, the file and its row left. Its own home settles them.
        assertTrue(Files.exists(partial));
        try (Vault vault = new Home(otherDir, said::add).vault()) {
            assertTrue(Files.exists(partial), "still not the other home's to settle");
        }
        try (Vault vault = new Home(writerDir, said::add).vault()) {
            assertTrue(Files.notExists(partial), "its own home deleted what its killed command left");
            assertEquals(0, count(writerDir));
        }
    }

    private static long count(Path home) throws Exception {
        return org.gawah.vault.VaultTamper.number(home, "SELECT count(*) FROM outputs");
    }
}
