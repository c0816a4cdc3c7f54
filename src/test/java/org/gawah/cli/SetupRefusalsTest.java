package org.gawah.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.gawah.Failure;
import org.gawah.testsupport.Gawah;
import org.gawah.testsupport.Gawah.Result;
import org.gawah.testsupport.Homes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A home that is not ready says what is missing and what to do, and writes nothing. */
class SetupRefusalsTest {
    @TempDir
    Path dir;

    final Gawah gawah = new Gawah(Homes.PASSPHRASE);

    @Test
    void commandsOutsideAHomeSayHowToMakeOne() {
        Result result = gawah.in(dir.resolve("nowhere"), "list");
        assertEquals(Failure.NOT_READY.exitCode(), result.code());
        assertTrue(result.stderr().contains("gawah: hint: create it with: gawah init"), result.stderr());
        assertFalse(Files.exists(dir.resolve("nowhere")));
    }

    @Test
    void recordWithoutAnyRecipientIsRefusedBeforeAskingAnything() {
        Path home = dir.resolve("home");
        gawah.in(home, "init").ok();
        gawah.in(home, "keys", "generate", "--name", "D").ok();
        Result result = gawah.inWithInput(home, Homes.sampleInput(), "record", "--from", "-");
        assertEquals(Failure.NOT_READY.exitCode(), result.code());
        assertTrue(result.stderr().contains("no legal-team key is pinned"), result.stderr());
        assertTrue(gawah.in(home, "list").ok().stderr().contains("the vault is empty"));
    }

    @Test
    void secondOwnKeyIsRefused() {
        Path home = dir.resolve("home");
        gawah.in(home, "init").ok();
        gawah.in(home, "keys", "generate", "--name", "D").ok();
        Result again = gawah.in(home, "keys", "generate", "--name", "E");
        assertEquals(Failure.NOT_READY.exitCode(), again.code());
    }

    @Test
    void keyNameWithControlBidiOrInvisibleCharactersIsRefusedAndNoKeyIsMade() throws Exception {
        Path home = dir.resolve("home");
        gawah.in(home, "init").ok();
        String[][] names = {{"Legal team\u001b[8m", "--name", "U+001B at character 11"}, {"Legal\u202eteam", "--name", "U+202E at character 6"},
                {"Legal\u2066team", "--name", "U+2066"}, {"Le\u200bgal", "--name", "U+200B"}, {"Legal\u200fteam", "--name", "U+200F"},
                {"Legal\nteam", "--name", "U+000A"}, {"a@b.org\u2028", "--email", "U+2028"}};
        for (String[] name : names) {
            Result result = name[1].equals("--name") ? gawah.in(home, "keys", "generate", "--name", name[0])
                    : gawah.in(home, "keys", "generate", "--name", "Legal team", "--email", name[0]);
            assertEquals(Failure.USAGE.exitCode(), result.code(), result.stderr());
            assertTrue(result.stderr().startsWith("gawah: error: " + name[1] + " holds " + name[2]), result.stderr());
            assertTrue(result.stderr().contains("nothing was written"), result.stderr());
            assertEquals("", gawah.in(home, "keys", "list").ok().out());
            try (var secret = Files.list(home.resolve("keys").resolve("secret"))) {
                assertEquals(0, secret.count());
            } catch (java.nio.file.NoSuchFileException none) {
                // no secret folder: nothing written either
            }
        }
        Result dari = gawah.in(home, "keys", "generate", "--name", "تیم حقوقی هرات\u200cها");
        assertEquals(0, dari.code(), "Dari letters and a ZWNJ inside a word are a name: " + dari.stderr());
    }

    @Test
    void shortPassphraseIsRefusedAndNoKeyIsMade() {
        Path home = dir.resolve("home");
        gawah.in(home, "init").ok();
        Result result = new Gawah("short").in(home, "keys", "generate", "--name", "D");
        assertEquals(Failure.BAD_PASSPHRASE.exitCode(), result.code());
        assertEquals("", gawah.in(home, "keys", "list").ok().out());
    }

    @Test
    void unknownFlagIsAUsageError() {
        Result result = gawah.run("list", "--no-such-flag");
        assertEquals(Failure.USAGE.exitCode(), result.code());
        assertTrue(result.stderr().startsWith("gawah: error: Unknown option"), result.stderr());
    }

    @Test
    void initTwiceChangesNothing() {
        Path home = dir.resolve("home");
        gawah.in(home, "init").ok();
        Result again = gawah.in(home, "init").ok();
        assertTrue(again.stderr().contains("already exists; nothing changed"));
    }

    @Test
    void homeIsPrivate() throws Exception {
        Path home = dir.resolve("home");
        gawah.in(home, "init").ok();
        gawah.in(home, "keys", "generate", "--name", "D").ok();
        assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(home)));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(home.resolve("vault.db"))));
    }
}
