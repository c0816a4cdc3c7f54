package org.gawah.team;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.gawah.testsupport.Gawah;
import org.gawah.testsupport.Homes;
import org.gawah.vault.OutputInProgress;
import org.gawah.vault.Vault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a vault two homes share, a file one analyst's command is writing (listed in {@code outputs})
 * is left alone by the other analyst's commands, which cannot tell from their own
 * {@code outputs.lock} whether it still runs; only the home that wrote the row settles it.
 */
class OutputsOfAnotherHomeTest {
    @Test
    void onlyTheHomeThatListedAPartialFileSettlesIt(@TempDir Path base) throws Exception {
        Gawah gawah = new Gawah(Homes.PASSPHRASE);
        Path shared = Files.createDirectories(base.resolve("shared")).resolve("team.db");
        Path first = base.resolve("first");
        Path second = base.resolve("second");
        gawah.in(first, "init", "--vault", shared.toString()).ok();
        gawah.in(second, "init", "--vault", shared.toString()).ok();
        // The second analyst's export, as a killed one leaves it: its hidden file, listed with its home's lock file.
        Path partial = Files.createDirectories(base.resolve("out")).resolve(".case.zip.GWE-0000-0000-0000-0001.partial");
        Files.writeString(partial, "half a package");
        long row;
        try (Vault vault = Vault.open(shared)) {
            row = vault.beginOutput(partial, "export", Instant.now(), ProcessHandle.current().pid(), "",
                    second.toAbsolutePath().resolve("outputs.lock"));
        }
        Gawah.Result other = gawah.in(first, "list").ok();
        assertTrue(Files.exists(partial), "the other home's command left it: " + other.stderr());
        assertFalse(other.stderr().contains(partial.toString()), other.stderr());
        try (Vault vault = Vault.open(shared)) {
            assertEquals(row, vault.outputsInProgress().stream().mapToLong(OutputInProgress::id).findFirst().orElse(-1));
        }
        Gawah.Result own = gawah.in(second, "list").ok();
        assertFalse(Files.exists(partial), "its own home settled it");
        assertTrue(own.stderr().contains(partial.toString()), own.stderr());
        try (Vault vault = Vault.open(shared)) {
            assertEquals(0, vault.outputsInProgress().size());
        }
    }
}
