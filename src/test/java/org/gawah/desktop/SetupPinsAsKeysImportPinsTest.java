package org.gawah.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.gawah.Failure;
import org.gawah.Language;
import org.gawah.keys.Role;
import org.gawah.testsupport.Gawah;
import org.gawah.testsupport.Homes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first run's model over real homes made by the real commands (no display needed): in a
 * home whose key was made at the terminal, pinning asks for the passphrase (a wrong one pins
 * nothing), then pins and logs as {@code gawah keys import} does; a file that is no certificate
 * and a keyring with a certificate copied in by hand are refused with the command's own errors,
 * nothing pinned.
 */
class SetupPinsAsKeysImportPinsTest {
    @TempDir
    static Path base;
    static Gawah gawah = new Gawah(Homes.PASSPHRASE);
    static Path legalCert;
    static String legalFingerprint;
    static Path strangerCert;
    static String strangerFingerprint;

    @BeforeAll
    static void aLegalTeam() {
        Path legal = base.resolve("legal");
        gawah.in(legal, "init").ok();
        legalFingerprint = gawah.in(legal, "keys", "generate", "--name", "Legal team").ok().out().strip();
        legalCert = base.resolve("legal.asc");
        gawah.in(legal, "keys", "export", "--out", legalCert.toString()).ok();
        Path stranger = base.resolve("stranger");
        gawah.in(stranger, "init").ok();
        strangerFingerprint = gawah.in(stranger, "keys", "generate", "--name", "Not on the team").ok().out().strip();
        strangerCert = base.resolve("stranger.asc");
        gawah.in(stranger, "keys", "export", "--out", strangerCert.toString()).ok();
    }

    @Test
    void aKeyMadeAtTheTerminalIsAskedForItsPassphraseBeforeAnyPin() {
        Path home = documenter("terminal-made");
        SetupModel model = new SetupModel(home, new UnlockedKey());
        model.read();
        assertEquals(SetupModel.Page.CERTIFICATES, model.page());
        model.choose(Role.LEGAL, legalCert);
        assertNull(model.problem());
        assertNotNull(model.plan());
        assertTrue(model.needsPassphrase());
        assertEquals(legalFingerprint, model.plan().pins().get(0).certificate().fingerprint());
        assertFalse(Files.exists(pin(home, "legal")), "nothing pinned before it is confirmed");

        model.pin("not the passphrase".toCharArray());
        assertEquals(Failure.BAD_PASSPHRASE, model.problem().failure());
        assertFalse(Files.exists(pin(home, "legal")), "a wrong passphrase pins nothing");

        model.pin(Homes.PASSPHRASE.toCharArray());
        assertNull(model.problem());
        assertTrue(Files.exists(pin(home, "legal")));
        assertEquals(WelcomeModel.Mark.WARNING, model.lines().get(0).mark(), "one legal key: a warning");
        assertTrue(gawah.in(home, "keys", "list").ok().out().contains(legalFingerprint), "bound to its signed entry");
    }

    @Test
    void aFileThatIsNoCertificateIsRefusedAsTheCommandRefusesIt() throws Exception {
        Path home = documenter("not-a-certificate");
        Path notes = base.resolve("notes.txt");
        Files.writeString(notes, "not a certificate\n");
        SetupModel model = new SetupModel(home, new UnlockedKey());
        model.read();
        model.choose(Role.LEGAL, notes);
        assertNull(model.plan());
        Gawah.Result command = gawah.in(home, "keys", "import", "--role", "legal", notes.toString());
        assertTrue(command.stderr().contains(model.problem().message().render(Language.ENGLISH)),
                command.stderr() + " / " + model.problem().message().render(Language.ENGLISH));
        assertFalse(Files.exists(home.resolve("keys/legal")) && Files.list(home.resolve("keys/legal")).findAny().isPresent());
    }

    @Test
    void aCertificateCopiedInByHandStopsThePinAsItStopsTheCommand() throws Exception {
        Path home = documenter("hand-copied");
        Files.createDirectories(home.resolve("keys/protection"));
        Files.copy(strangerCert, home.resolve("keys/protection/" + strangerFingerprint + ".asc"));
        SetupModel model = new SetupModel(home, new UnlockedKey());
        model.read();
        model.choose(Role.LEGAL, legalCert);
        assertNull(model.plan(), "nothing to confirm");
        Gawah.Result command = gawah.in(home, "keys", "import", "--role", "legal", legalCert.toString());
        assertTrue(command.code() != 0);
        assertTrue(command.stderr().contains(model.problem().message().render(Language.ENGLISH)),
                command.stderr() + " / " + model.problem().message().render(Language.ENGLISH));
        assertFalse(Files.exists(pin(home, "legal")));
    }

    private static Path documenter(String name) {
        Path home = base.resolve(name);
        gawah.in(home, "init").ok();
        gawah.in(home, "keys", "generate", "--name", "Documenter D-14").ok();
        return home;
    }

    private static Path pin(Path home, String role) {
        return home.resolve("keys").resolve(role).resolve(legalFingerprint + ".asc");
    }
}
