package org.gawah.bag;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.gawah.Failure;
import org.gawah.testsupport.Gawah;
import org.gawah.testsupport.Gawah.Result;
import org.gawah.testsupport.Homes;
import org.gawah.testsupport.ImportWithoutOpening;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A legal vault whose bags came in before version 7 (its custody log lays imports out the old
 * way: every attachment's entry after all records', no entry for the bag's log head) keeps
 * working: its records are listed and opened with their attachments, as their documenter's log
 * lists them; later bags are judged against the heads its received logs hold.
 */
class VaultsImportedBeforeVersion7Test {
    @Test
    void oldImportsStillServeListOpenAndTheJudgementOfLaterBags(@TempDir Path base) throws Exception {
        Homes homes = Homes.copied(base);
        Gawah gawah = homes.gawah;
        String first = homes.record();
        Path older = base.resolve("older.zip");
        gawah.in(homes.documenter, "submit", "--out", older.toString()).ok();
        byte[] photo = new byte[120_000];
        new java.util.Random(5).nextBytes(photo);
        Path photoFile = Files.write(base.resolve("photo.jpg"), photo);
        String second = gawah.inWithInput(homes.documenter, Homes.sampleInput(), "record", "--from", "-", "--attach",
                photoFile.toString()).ok().out().strip();
        String third = homes.record();
        Path bag = base.resolve("bag.zip");
        gawah.in(homes.documenter, "submit", "--out", bag.toString()).ok();
        ImportWithoutOpening.asBeforeVersion7(homes.legal, bag);

        String list = gawah.in(homes.legal, "list").ok().out();
        assertTrue(list.contains(first) && list.contains(third), list);
        assertTrue(list.lines().filter(l -> l.startsWith(second)).findFirst().orElseThrow().contains(" 1 ("), list);
        Path files = Files.createDirectory(base.resolve("files"));
        gawah.in(homes.legal, "open", second, "--out", base.resolve("second.json").toString(), "--attachments",
                files.toString()).ok();
        assertArrayEquals(photo, Files.readAllBytes(files.resolve("photo.jpg")));
        gawah.in(homes.legal, "verify", "--vault", "--no-entry").ok();

        Result replay = gawah.in(homes.legal, "import", older.toString());
        assertEquals(Failure.BAD_DATA.exitCode(), replay.code(), replay.stderr());
        assertTrue(replay.stderr().contains("replayed"), replay.stderr());
        assertTrue(gawah.in(homes.legal, "import", bag.toString()).ok().stderr().contains("already imported"));
        String fourth = homes.record();
        Path newer = base.resolve("newer.zip");
        gawah.in(homes.documenter, "submit", "--since", "--out", newer.toString()).ok();
        gawah.in(homes.legal, "import", newer.toString()).ok();
        assertTrue(gawah.in(homes.legal, "list").ok().out().contains(fourth));
        gawah.in(homes.legal, "verify", "--vault", "--no-entry").ok();
    }
}
