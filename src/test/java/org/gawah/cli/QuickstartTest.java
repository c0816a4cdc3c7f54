package org.gawah.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.gawah.testsupport.Gawah;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's first command: the whole flow, from keys to an opened record, in a throwaway folder. */
class QuickstartTest {
    @TempDir
    Path dir;

    @Test
    void showsTheWholeFlowAndLeavesItWhereItSays() throws Exception {
        Gawah.Result result = new Gawah("unused").run("quickstart", "--dir", dir.resolve("demo").toString()).ok();
        String out = result.out();
        assertTrue(result.stderr().contains("good signature from ") && result.stderr().contains(" (Documenter D-14 (demo)), signed"),
                result.stderr());
        assertTrue(out.contains("exit code 29 (cannot decrypt), as it should"), out);
        assertTrue(out.contains("\"schema\": \"gawah.testimony/1\""), out);
        assertTrue(out.contains("شاهد گفت"), "the Dari account is shown");
        assertTrue(Files.isRegularFile(dir.resolve("demo/documenter/vault.db")));
        assertTrue(Files.isRegularFile(dir.resolve("demo/exchange/submission.zip")));
        assertTrue(out.contains(": VALID"), out);
        assertTrue(out.contains("vault intact"), out);
        assertTrue(out.contains(" imported "), "the legal team's log shows the import");
        assertTrue(Files.isRegularFile(dir.resolve("demo/exchange/evidence-icc.zip")));
        assertTrue(out.contains("package GWE-"), out);
        assertTrue(out.contains(" exported "), "the legal team's log shows the export");
    }
}
