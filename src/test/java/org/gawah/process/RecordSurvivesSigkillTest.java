package org.gawah.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gawah.testimony.Testimonies;
import org.gawah.testsupport.GawahProcess;
import org.gawah.testsupport.Homes;
import org.gawah.vault.RecordSummary;
import org.gawah.vault.Vault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL a real gawah process at moments spread over its whole run (JVM start, key unlock,
 * sealing, the SQLite commit): the vault stays sound, and holds each record whole or not at all.
 */
class RecordSurvivesSigkillTest {
    @TempDir
    Path base;

    @Test
    void killedRecordLeavesAWholeRecordOrNone() throws Exception {
        Homes homes = new Homes(base);
        Path input = bigTestimony(base.resolve("testimony.json"));
        Path vaultFile = homes.documenter.resolve("vault.db");

        long started = System.nanoTime();
        Process full = GawahProcess.start(List.of(), homes.documenter, base.resolve("full"),
                "record", "--from", input.toString(), "--self-readable");
        assertTrue(full.waitFor(2, TimeUnit.MINUTES));
        assertEquals(0, full.exitValue(), Files.readString(base.resolve("full.err")));
        long runMillis = (System.nanoTime() - started) / 1_000_000;

        int landed = 0;
        int before = 1;
        double[] fractions = {0.05, 0.2, 0.4, 0.55, 0.65, 0.75, 0.82, 0.88, 0.94, 1.0, 1.1};
        for (double fraction : fractions) {
            Process record = GawahProcess.start(List.of(), homes.documenter, base.resolve("kill"),
                    "record", "--from", input.toString(), "--self-readable");
            Thread.sleep((long) (runMillis * fraction));
            record.destroyForcibly().waitFor(1, TimeUnit.MINUTES);
            int after = checkVault(vaultFile, homes);
            assertTrue(after == before || after == before + 1, "records went from " + before + " to " + after);
            landed += after - before;
            before = after;
        }
        System.out.printf("sigkill: %d of %d killed runs had committed (one full run took %d ms)%n",
                landed, fractions.length, runMillis);
    }

    /** Integrity check, then every record read (digest checked) and opened: returns the count. */
    private static int checkVault(Path vaultFile, Homes homes) {
        List<RecordSummary> records;
        try (Vault vault = Vault.open(vaultFile)) {
            assertEquals("ok", vault.integrityCheck());
            records = vault.list();
            for (RecordSummary summary : records) {
                assertTrue(vault.get(summary.id()).isPresent());
            }
        }
        for (RecordSummary summary : records) {
            byte[] opened = homes.gawah.in(homes.documenter, "open", summary.id()).ok().stdout();
            assertEquals(summary.id(), Testimonies.read(opened).get("record_id").asText());
        }
        return records.size();
    }

    /** The sample testimony with an account of about 6 MiB, so that sealing and storing take a while. */
    static Path bigTestimony(Path file) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode input = (ObjectNode) mapper.readTree(Homes.sampleInput());
        StringBuilder account = new StringBuilder();
        while (account.length() < 3_000_000) {
            account.append("شاهد گفت که مردان مسلح به خانه\u200cی ما آمدند. ");
        }
        ((ObjectNode) input.get("account")).put("text", account.toString());
        Files.write(file, mapper.writeValueAsBytes(input));
        return file;
    }
}
