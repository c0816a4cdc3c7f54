package org.gawah.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.gawah.Language;
import org.gawah.testsupport.Homes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The welcome page's model over real homes made by the real commands (no display needed): each
 * line's mark, what it says, how to fix what is missing, and what to do next, from no home at
 * all to a legal team's workstation; a keyring file altered on disk is a problem it names.
 * Reading changes nothing in the home.
 */
class WelcomeSaysWhatTheHomeLacksTest {
    @TempDir
    static Path base;

    private static Homes homes;

    @BeforeAll
    static void makeHomes() {
        homes = new Homes(base.resolve("homes"));
    }

    @Test
    void noHomeAtAll() {
        WelcomeModel model = read(base.resolve("nothing-here"));
        assertEquals(Map.of("home", WelcomeModel.Mark.MISSING), marks(model));
        WelcomeModel.Line home = model.lines().get(0);
        assertEquals("In a terminal: \u200Egawah init --home " + base.resolve("nothing-here") + "\u200E",
                home.fix().render(Language.ENGLISH));
        assertEquals(Messages.of("welcome.next.setup").render(Language.ENGLISH), model.next().render(Language.ENGLISH));
        assertFalse(Files.exists(base.resolve("nothing-here")), "reading made nothing");
    }

    @Test
    void aFolderWithASpaceIsQuotedInTheCommandToType() {
        WelcomeModel model = read(base.resolve("my files/gawah"));
        assertTrue(model.lines().get(0).fix().render(Language.ENGLISH)
                .contains("gawah init --home \"" + base.resolve("my files/gawah") + "\""));
    }

    @Test
    void aHomeWithoutAKeyOrTeam() {
        Path fresh = base.resolve("fresh");
        homes.gawah.in(fresh, "init").ok();
        WelcomeModel model = read(fresh);
        Map<String, WelcomeModel.Mark> expected = new LinkedHashMap<>();
        expected.put("home", WelcomeModel.Mark.READY);
        expected.put("key", WelcomeModel.Mark.MISSING);
        expected.put("legal", WelcomeModel.Mark.MISSING);
        expected.put("protection", WelcomeModel.Mark.WARNING);
        assertEquals(expected, marks(model));
        assertEquals("In a terminal: \u200Egawah keys generate --name \"YOUR WORK NAME\"\u200E",
                model.lines().get(1).fix().render(Language.ENGLISH));
        assertEquals(Messages.of("welcome.next.setup").render(Language.DARI), model.next().render(Language.DARI));
    }

    @Test
    void aDocumentersHomeReadyToSealWithOneLegalKeyWarned() {
        WelcomeModel model = read(homes.documenter);
        Map<String, WelcomeModel.Mark> expected = new LinkedHashMap<>();
        expected.put("home", WelcomeModel.Mark.READY);
        expected.put("key", WelcomeModel.Mark.READY);
        expected.put("legal", WelcomeModel.Mark.WARNING);
        expected.put("protection", WelcomeModel.Mark.READY);
        assertEquals(expected, marks(model));
        assertEquals("Protection officers' keys pinned: 1", model.lines().get(3).words().render(Language.ENGLISH));
        assertNull(model.lines().get(3).fix());
        assertTrue(model.next().render(Language.PASHTO).contains("gawah interview"));
    }

    @Test
    void aLegalTeamsWorkstationNeedsNoLegalKeyToSealTo() {
        WelcomeModel model = read(homes.legal);
        Map<String, WelcomeModel.Mark> expected = new LinkedHashMap<>();
        expected.put("home", WelcomeModel.Mark.READY);
        expected.put("key", WelcomeModel.Mark.READY);
        expected.put("documenters", WelcomeModel.Mark.READY);
        assertEquals(expected, marks(model));
        assertEquals("Documenters' keys pinned (a legal team's computer): 1", model.lines().get(2).words().render(Language.ENGLISH));
    }

    @Test
    void aPinAlteredOnDiskIsAProblemNamed() throws IOException {
        Path altered = base.resolve("altered");
        Homes.copy(homes.documenter, altered);
        Path legal;
        try (Stream<Path> files = Files.list(altered.resolve("keys/legal"))) {
            legal = files.filter(f -> f.toString().endsWith(".asc")).findFirst().orElseThrow();
        }
        // Another certificate under the legal key's name: the pin no longer matches.
        Path documenterCert = base.resolve("documenter.asc");
        homes.gawah.in(homes.documenter, "keys", "export", "--out", documenterCert.toString());
        Files.copy(documenterCert, legal, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        WelcomeModel model = read(altered);
        assertEquals(Map.of("home", WelcomeModel.Mark.READY, "problem", WelcomeModel.Mark.MISSING), marks(model));
        String problem = model.lines().get(1).words().render(Language.ENGLISH);
        assertTrue(problem.startsWith("The home cannot be read: "), problem);
        assertTrue(problem.contains(legal.getFileName().toString().replace(".asc", "")), problem);
    }

    @Test
    void lockForgetsWhatWasRead() {
        WelcomeModel model = read(homes.documenter);
        model.wipe();
        assertFalse(model.checked());
        assertEquals(List.of(), model.lines());
        assertNull(model.next());
    }

    private static WelcomeModel read(Path home) {
        WelcomeModel model = new WelcomeModel(home);
        assertFalse(model.checked());
        model.show(model.read());
        assertTrue(model.checked());
        return model;
    }

    private static Map<String, WelcomeModel.Mark> marks(WelcomeModel model) {
        Map<String, WelcomeModel.Mark> marks = new LinkedHashMap<>();
        for (WelcomeModel.Line line : model.lines()) {
            marks.put(line.name(), line.mark());
        }
        return marks;
    }
}
