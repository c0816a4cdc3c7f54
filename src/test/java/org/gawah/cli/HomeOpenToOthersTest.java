package org.gawah.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import org.gawah.Failure;
import org.gawah.testsupport.Gawah;
import org.gawah.testsupport.Homes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A home others could open: every command says so in one line on stderr and goes on; doctor
 * names every folder and file that is open, or a link; a vault or key that is a symbolic link is
 * refused by the commands that would use it.
 */
class HomeOpenToOthersTest {
    @TempDir
    static Path base;
    static Homes homes;

    @BeforeAll
    static void homes() {
        homes = Homes.copied(base.resolve("homes"));
        homes.record();
    }

    @Test
    void aNewHomeIsPrivateThroughout() throws IOException {
        for (Path home : List.of(homes.documenter, homes.legal)) {
            try (Stream<Path> items = Files.walk(home)) {
                for (Path item : items.toList()) {
                    String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(item));
                    assertTrue(mode.endsWith("------"), item + " is " + mode);
                }
            }
            Gawah.Result doctor = homes.gawah.in(home, "doctor");
            assertTrue(doctor.out().contains("every folder and file of the home is private"), doctor.out());
            assertFalse(doctor.stderr().contains("warning"), doctor.stderr());
        }
    }

    @Test
    void everyCommandWarnsInOneLineAndGoesOn(@TempDir Path dir) throws IOException {
        Path home = copy(dir);
        Files.setPosixFilePermissions(home.resolve("vault.db"), PosixFilePermissions.fromString("rw-r--r--"));
        Gawah.Result list = homes.gawah.in(home, "list").ok();
        assertTrue(list.out().contains("GWH-"), "the command went on");
        List<String> warnings = list.stderr().lines().filter(l -> l.contains("warning")).toList();
        assertEquals(1, warnings.size(), list.stderr());
        assertTrue(warnings.get(0).contains(home.resolve("vault.db") + " (rw-r--r--)"), warnings.get(0));

        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path secret;
        try (Stream<Path> keys = Files.list(home.resolve("keys").resolve("secret"))) {
            secret = keys.findFirst().orElseThrow();
        }
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r-----"));
        for (String[] command : new String[][] {{"keys", "list"}, {"log"}, {"verify", "--vault", "--no-entry"}}) {
            Gawah.Result result = homes.gawah.in(home, command).ok();
            List<String> lines = result.stderr().lines().filter(l -> l.contains("warning")).toList();
            assertEquals(1, lines.size(), result.stderr());
            assertTrue(lines.get(0).contains(home + " (rwxr-xr-x) and 2 more"), lines.get(0));
        }
    }

    @Test
    void doctorNamesEveryOpenFolderAndFile(@TempDir Path dir) throws IOException {
        Path home = copy(dir);
        Path legalKeys = home.resolve("keys").resolve("legal");
        Files.setPosixFilePermissions(legalKeys, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path sessions = Files.createDirectories(home.resolve("sessions"));
        Files.setPosixFilePermissions(sessions, PosixFilePermissions.fromString("rwx-----x"));
        Gawah.Result doctor = homes.gawah.in(home, "doctor");
        assertEquals(Failure.NOT_READY.exitCode(), doctor.code(), doctor.out());
        assertTrue(doctor.out().contains(legalKeys + " is rwxr-xr-x: others can read it"), doctor.out());
        assertTrue(doctor.out().contains("fix: chmod 700 " + legalKeys), doctor.out());
        assertTrue(doctor.out().contains(sessions + " is rwx-----x"), doctor.out());
        assertFalse(doctor.out().contains("every folder and file of the home is private"), doctor.out());
    }

    @Test
    void aVaultThatIsALinkIsRefusedAndNamedByDoctor(@TempDir Path dir) throws IOException {
        Path home = copy(dir);
        Path elsewhere = Files.move(home.resolve("vault.db"), dir.resolve("elsewhere.db"));
        Files.createSymbolicLink(home.resolve("vault.db"), elsewhere);
        byte[] before = Files.readAllBytes(elsewhere);
        for (String[] command : new String[][] {{"list"}, {"record", "--from", "-"}}) {
            Gawah.Result refused = homes.gawah.inWithInput(home, Homes.sampleInput(), command);
            assertEquals(Failure.VAULT.exitCode(), refused.code(), refused.stderr());
            assertTrue(refused.stderr().contains(home.resolve("vault.db") + " is a symbolic link"), refused.stderr());
        }
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(elsewhere)), "nothing written through the link");
        Gawah.Result doctor = homes.gawah.in(home, "doctor");
        assertTrue(doctor.out().contains(home.toRealPath().resolve("vault.db") + " is a symbolic link"), doctor.out());
    }

    @Test
    void aKeyThatIsALinkIsRefused(@TempDir Path dir) throws IOException {
        Path home = copy(dir);
        Path secret;
        try (Stream<Path> keys = Files.list(home.resolve("keys").resolve("secret"))) {
            secret = keys.findFirst().orElseThrow();
        }
        Path moved = Files.move(secret, dir.resolve("key.asc"));
        Files.createSymbolicLink(secret, moved);
        Gawah.Result refused = homes.gawah.inWithInput(home, Homes.sampleInput(), "record", "--from", "-");
        assertEquals(Failure.NOT_READY.exitCode(), refused.code(), refused.stderr());
        assertTrue(refused.stderr().contains(secret + " is a symbolic link"), refused.stderr());

        Path legal = dir.resolve("legal-home");
        Homes.copy(homes.legal, legal);
        Path documenters = legal.resolve("keys").resolve("documenter");
        Path movedFolder = Files.move(documenters, dir.resolve("documenter-keys"));
        Files.createSymbolicLink(documenters, movedFolder);
        Gawah.Result keys = homes.gawah.in(legal, "keys", "list");
        assertEquals(Failure.NOT_READY.exitCode(), keys.code(), keys.stderr());
        assertTrue(keys.stderr().contains(documenters + " is a symbolic link"), keys.stderr());
    }

    private static Path copy(Path dir) {
        Path home = dir.resolve("home");
        Homes.copy(homes.documenter, home);
        return home;
    }
}
