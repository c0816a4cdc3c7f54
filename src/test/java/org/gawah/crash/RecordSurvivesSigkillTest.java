package org.gawah.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gawah.testimony.Testimonies;
import org.gawah.testsupport.GawahProcess;
import org.gawah.testsupport.Homes;
import org.gawah.testsupport.TestEngine;
import org.gawah.vault.RecordSummary;
import org.gawah.vault.Vault;
import org.gawah.vault.VaultTamper;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * SIGKILL a real {@code gawah record} (its own JVM) at moments spread over its whole run: JVM
 * start, key unlock, sealing ~6 MiB, the commit. After every kill the vault passes its integrity
 * check and holds each record whole (digest matches, it opens) or not at all. On PostgreSQL the
 * process killed is the client: the server sees its connection drop mid-transaction; it is cut as
 * its write begins, in its middle and after its commit (three runs, not eighteen: each is a JVM).
 */
class RecordSurvivesSigkillTest {
    private static final String SENTENCE = "شاهد گفت که مردان مسلح به خانه\u200cی ما آمدند و شوهرم را بردند. ";

    @TempDir
    Path base;

    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void sigkillAtAnyMomentLeavesAWholeRecordOrNone(TestEngine engine) throws Exception {
        Homes homes = engine.homes(base);
        // The sample testimony (identity included) with an account of 6 MiB: sealing and storing take a while.
        String account = SENTENCE.repeat((6 << 20) / SENTENCE.getBytes(StandardCharsets.UTF_8).length);
        ObjectNode json = (ObjectNode) new ObjectMapper().readTree(Homes.sampleInput());
        ((ObjectNode) json.get("account")).put("text", account);
        Path input = Files.write(base.resolve("big-testimony.json"), new ObjectMapper().writeValueAsBytes(json));
        Set<String> opened = new HashSet<>();

        long started = System.nanoTime();
        Process full = record(engine, homes, input, "full");
        assertTrue(full.waitFor(5, TimeUnit.MINUTES), "an unkilled record did not finish");
        assertEquals(0, full.exitValue(), Files.readString(base.resolve("full.err")));
        long runMillis = (System.nanoTime() - started) / 1_000_000;
        int count = checkVault(homes, opened, account);
        assertEquals(1, count);
        assertEquals(Files.readString(base.resolve("full.out")).strip(), opened.iterator().next());

        // Kills at moments spread over a run, a few random ones, and some set off by what the
        // child has done: its first bytes into the vault file, 1 and 4 MiB of them, its record id printed.
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        List<Trigger> triggers = new ArrayList<>();
        if (engine == TestEngine.SQLITE) {
            for (int tenth = 1; tenth <= 10; tenth++) {
                triggers.add(new Trigger("time", runMillis * tenth / 10));
            }
            for (int i = 0; i < 4; i++) {
                triggers.add(new Trigger("time", (long) (runMillis * (0.05 + random.nextDouble()))));
            }
            triggers.addAll(List.of(new Trigger("grown", 1), new Trigger("grown", 1 << 20), new Trigger("grown", 4 << 20),
                    new Trigger("printed", 1)));
        } else {
            // The write is one transaction on the server, which the client's death rolls back: cut it
            // as it begins, in its middle, and once the id is out (each run a JVM: the suite's time).
            triggers.addAll(List.of(new Trigger("grown", 1), new Trigger("grown", 1 << 20), new Trigger("printed", 1)));
        }

        Path journal = homes.documenter.resolve("vault.db-journal");
        int beforeWrite = 0;
        int duringWrite = 0;
        int afterCommit = 0;
        int finishedFirst = 0;
        StringBuilder log = new StringBuilder();
        for (int run = 0; run < triggers.size(); run++) {
            Trigger trigger = triggers.get(run);
            Path out = base.resolve("kill" + run + ".out");
            long start = System.nanoTime();
            long vaultBefore = VaultTamper.storage(homes.documenter);
            Process process = record(engine, homes, input, "kill" + run);
            if (engine == TestEngine.SQLITE) {
                while (process.isAlive() && !trigger.fired(start, () -> Files.size(homes.documenter.resolve("vault.db")),
                        vaultBefore, out)) {
                    Thread.sleep(1);
                }
            } else {
                // One connection watches the database grow: a new one a millisecond would slow the child it races.
                VaultTamper.read(homes.documenter, watcher -> {
                    try (var size = watcher.prepareStatement("SELECT pg_database_size(current_database())")) {
                        while (process.isAlive() && !trigger.fired(start, () -> {
                            try (var r = size.executeQuery()) {
                                r.next();
                                return r.getLong(1);
                            }
                        }, vaultBefore, out)) {
                            Thread.sleep(1);
                        }
                    }
                    return null;
                });
            }
            long killedAt = (System.nanoTime() - start) / 1_000_000;
            boolean alive = process.isAlive();
            process.destroyForcibly();
            assertTrue(process.waitFor(2, TimeUnit.MINUTES), "a killed process did not end");
            // What the killed process left before the next open rolls it back: a journal, a longer file
            // (on PostgreSQL: the database grown by rows the server rolls back, its space kept).
            long written = Trigger.size(journal) + Math.max(0, VaultTamper.storage(homes.documenter) - vaultBefore);

            int now = checkVault(homes, opened, account);
            assertTrue(now == count || now == count + 1, "records went from " + count + " to " + now);
            String outcome;
            if (!alive) {
                assertEquals(0, process.exitValue(), Files.readString(base.resolve("kill" + run + ".err")));
                assertEquals(count + 1, now, "a run that exited 0 stored its record");
                finishedFirst++;
                outcome = "finished before the kill";
            } else if (now == count && written == 0) {
                beforeWrite++;
                outcome = "killed before writing to the vault";
            } else if (now == count) {
                duringWrite++;
                outcome = "killed while writing: " + written + " uncommitted bytes rolled back";
            } else {
                afterCommit++;
                outcome = "killed after the commit";
            }
            log.append(String.format("  %s>=%d, killed at %d ms: %s%n", trigger.kind(), trigger.value(), killedAt, outcome));
            count = now;
        }
        System.out.printf("RecordSurvivesSigkillTest (" + engine + "): full run %d ms, seed %d, %d kills: %d before writing,"
                        + " %d while writing (rolled back), %d after the commit, %d runs finished first; %d records%n%s",
                runMillis, seed, triggers.size(), beforeWrite, duringWrite, afterCommit, finishedFirst, count, log);
    }

    /** The bytes the vault takes now. */
    @FunctionalInterface
    private interface Storage {
        long bytes() throws Exception;
    }

    /** When to kill: {@code time} ms after the start, the vault file {@code grown} by so many bytes, or once the id is {@code printed}. */
    private record Trigger(String kind, long value) {
        boolean fired(long startNanos, Storage storage, long vaultBefore, Path out) throws Exception {
            return switch (kind) {
                case "time" -> System.nanoTime() - startNanos >= value * 1_000_000;
                case "grown" -> storage.bytes() - vaultBefore >= value;
                default -> size(out) >= value;
            };
        }

        private static long size(Path file) {
            return file.toFile().length(); // 0 while it does not exist
        }
    }

    private Process record(TestEngine engine, Homes homes, Path input, String logs) throws Exception {
        // sqlite-jdbc unpacks its native library per JVM, and a killed JVM cannot remove it: keep those here.
        List<String> jvm = new ArrayList<>(engine.childJvmOptions());
        jvm.add("-Dorg.sqlite.tmpdir=" + Files.createDirectories(base.resolve("native")));
        return GawahProcess.start(jvm, homes.documenter, base.resolve(logs),
                "record", "--from", input.toString(), "--self-readable");
    }

    /**
     * Integrity check; every record fetched (digest checked) and complete; every record not seen
     * before opened by the documenter (self-readable) and found whole. Returns the record count.
     */
    private static int checkVault(Homes homes, Set<String> opened, String account) {
        List<RecordSummary> records;
        try (Vault vault = Vault.openHome(homes.documenter)) {
            assertEquals("ok", vault.integrityCheck());
            records = vault.list();
            for (RecordSummary summary : records) {
                assertTrue(vault.get(summary.id()).isPresent(), summary.id());
                assertEquals(2, summary.recipients(), "the legal team (also protection) and self: " + summary);
                assertTrue(summary.identitySize() > 0, "the identity envelope is stored: " + summary);
            }
        }
        for (RecordSummary summary : records) {
            if (opened.add(summary.id())) {
                byte[] plaintext = homes.gawah.in(homes.documenter, "open", summary.id()).ok().stdout();
                JsonNode testimony = Testimonies.read(plaintext);
                assertEquals(summary.id(), testimony.get("record_id").asText());
                assertEquals(account, testimony.get("account").get("text").asText());
            }
        }
        return records.size();
    }
}
