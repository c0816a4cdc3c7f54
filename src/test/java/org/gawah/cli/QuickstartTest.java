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
        assertRefusalFramedAndEndsWithHowToStartForReal(result, "en");
    }

    @Test
    void inDariItsExpectedRefusalReadsAsExpectedAndItEndsWithHowToStartForReal() {
        Gawah.Result result = new Gawah("unused").run("--lang", "fa-AF", "quickstart", "--dir", dir.resolve("demo").toString()).ok();
        assertTrue(result.out().contains("برای آغاز واقعی"), result.out());
        assertRefusalFramedAndEndsWithHowToStartForReal(result, "fa-AF");
    }

    private static void assertRefusalFramedAndEndsWithHowToStartForReal(Gawah.Result result, String lang) {
        String out = result.out();
        // The one refusal is the demo's output, framed under its command, never an error among the others' messages.
        java.util.List<String> lines = java.util.List.of(out.split("\n"));
        int command = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("$ gawah open ") && lines.get(i).endsWith("[documenter]")) {
                command = i;
            }
        }
        assertTrue(command > 0, lang + ": the refused command is shown\n" + out);
        assertTrue(lines.get(command + 1).startsWith("   | gawah: "), lines.get(command + 1));
        assertTrue(lines.get(command + 2).startsWith("   | gawah: "), lines.get(command + 2));
        assertTrue(lines.get(command + 3).contains("29"), lines.get(command + 3));
        assertTrue(!result.stderr().contains(lines.get(command + 1).substring("   | ".length())), lang);
        // The last lines say how to begin with one's own keys, as commands to copy.
        String end = out.substring(out.lastIndexOf("~/.gawah"));
        for (String step : java.util.List.of("  gawah init\n", "  gawah keys generate --name ", "  gawah keys import --role legal ",
                "  gawah doctor\n", "  gawah interview\n", "gawah keys import --role documenter ")) {
            assertTrue(end.contains(step), lang + ": " + step + " in\n" + end);
        }
    }
}
