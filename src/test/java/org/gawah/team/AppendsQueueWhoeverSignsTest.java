package org.gawah.team;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.gawah.custody.Action;
import org.gawah.custody.Entry;
import org.gawah.custody.EntrySigner;
import org.gawah.keys.Keyring;
import org.gawah.testsupport.Gawah;
import org.gawah.testsupport.Homes;
import org.gawah.testsupport.TestPostgres;
import org.gawah.vault.Vault;
import org.gawah.vault.VaultWrite;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two analysts' appends racing on one shared vault: the second waits on the database's write
 * lock (PostgreSQL's advisory lock; SQLite's, taken at BEGIN IMMEDIATE) while the first's
 * transaction is open, then reads the first's committed entry, checks its signature with the
 * first analyst's certificate as the log admits it, and chains onto it. Never two entries naming
 * the same predecessor: never a fork.
 */
@ExtendWith(TestPostgres.class)
class AppendsQueueWhoeverSignsTest {
    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "sqlite"})
    void theSecondAnalystsAppendWaitsThenChainsOntoTheFirsts(String engine, @TempDir Path base) throws Exception {
        String vault = engine.equals("postgresql")
                ? TestPostgres.server().analyst(TestPostgres.freshVault().database()).display()
                : Files.createDirectories(base.resolve("shared")).resolve("team.db").toString();
        Gawah gawah = new Gawah(Homes.PASSPHRASE);
        Path first = base.resolve("first");
        Path second = base.resolve("second");
        gawah.in(first, "init", "--vault", vault).ok();
        gawah.in(first, "keys", "generate", "--name", "Amina").ok();
        gawah.in(second, "init", "--vault", vault).ok();
        String secondKey = gawah.in(second, "keys", "generate", "--name", "Nadia").ok().out().strip();
        Path certificate = base.resolve("nadia.asc");
        gawah.in(second, "keys", "export", "--out", certificate.toString()).ok();
        gawah.in(first, "vault", "admit", certificate.toString(), "--fingerprint", secondKey, "--passphrase-env",
                Gawah.PASSPHRASE_VAR).ok();
        gawah.in(second, "verify", "--vault").ok(); // the second analyst's own key bound by its first signature
        long before = entries(gawah, first).size();

        EntrySigner amina = signer(first);
        EntrySigner nadia = signer(second);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (Vault a = Vault.openHome(first); Vault b = Vault.openHome(second)) {
            VaultWrite holding = a.begin();
            Entry.Signed firstEntry = holding.append(Action.VERIFIED, "vault", "ab".repeat(32), now, amina);
            CompletableFuture<Entry.Signed> waiting = CompletableFuture.supplyAsync(() -> {
                try (VaultWrite write = b.begin()) {
                    Entry.Signed signed = write.append(Action.VERIFIED, "vault", "cd".repeat(32), now, nadia);
                    write.commit();
                    return signed;
                }
            });
            Thread.sleep(1500);
            assertFalse(waiting.isDone(), "the second append waits while the first transaction holds the lock");
            holding.commit();
            holding.close();
            Entry.Signed secondEntry = waiting.get(60, TimeUnit.SECONDS);
            assertEquals(firstEntry.entry().seq() + 1, secondEntry.entry().seq());
            assertEquals(firstEntry.entry().sha256(), secondEntry.entry().prevSha256(), "chained onto the other analyst's entry");
        }
        List<Entry> log = entries(gawah, second);
        assertEquals(before + 2, log.size());
        assertEquals(List.of(amina.actor(), nadia.actor()), log.subList(log.size() - 2, log.size()).stream()
                .map(Entry::actor).toList());
        for (Path home : List.of(first, second)) {
            String report = gawah.in(home, "verify", "--vault", "--no-entry").ok().out();
            assertTrue(report.contains("vault intact: " + log.size() + " custody entries"), report);
        }
    }

    private static EntrySigner signer(Path home) {
        return new EntrySigner(new Keyring(home.resolve("keys")).requireOwnKey()
                .unlockForSigning(Homes.PASSPHRASE.toCharArray(), Instant.now()));
    }

    private static List<Entry> entries(Gawah gawah, Path home) {
        return gawah.in(home, "log", "--jsonl").ok().out().lines().map(l -> Entry.parseLine(l).entry()).toList();
    }
}
