package org.gawah.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.gawah.testsupport.Gawah.Result;
import org.gawah.testsupport.Homes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code --transcript-of} or {@code --translation-of} that names no earlier file is refused
 * before anything is asked or sealed: one error line naming the problem, exit code 2, the vault as
 * it was.
 */
class TranscriptReferencesAreCheckedTest {
    @TempDir
    static Path base;
    static Homes homes;
    static Path sound;
    static Path text;
    static String earlier;

    @BeforeAll
    static void setUp() throws Exception {
        homes = Homes.copied(base);
        sound = Files.write(base.resolve("interview.m4a"), new byte[100]);
        text = Files.writeString(base.resolve("transcript.txt"), "words");
        earlier = homes.record();
    }

    @Test
    void aReferenceBeforeAnyFileIsRefused() {
        refused("follows no file of its own", "record", "--from", "-", "--transcript-of", "1", "--attach", text.toString());
    }

    @Test
    void twoReferencesForOneFileAreRefused() {
        refused("follows no file of its own", "record", "--from", "-", "--attach", sound.toString(), "--attach",
                text.toString(), "--transcript-of", "1", "--translation-of", "1");
    }

    @Test
    void aFileNamedAfterOrItselfIsRefused() {
        refused("only a file named before it", "record", "--from", "-", "--attach", text.toString(), "--transcript-of", "2",
                "--attach", sound.toString());
        refused("of itself", "record", "--from", "-", "--attach", sound.toString(), "--attach", text.toString(),
                "--transcript-of", "2");
    }

    @Test
    void anUnknownOrAmbiguousNameIsRefused() throws Exception {
        refused("no file named recording.m4a", "record", "--from", "-", "--attach", sound.toString(), "--attach",
                text.toString(), "--transcript-of", "recording.m4a");
        Path other = Files.createDirectories(base.resolve("other")).resolve("interview.m4a");
        Files.write(other, new byte[10]);
        refused("more than one file before it is named interview.m4a", "record", "--from", "-", "--attach", sound.toString(),
                "--attach", other.toString(), "--attach", text.toString(), "--transcript-of", "interview.m4a");
    }

    @Test
    void anAttachmentIdIsRefusedForANewRecordAndOneNotInTheRecordForAnAddendum() {
        refused("a new record's transcripts and translations are of its own files", "record", "--from", "-", "--attach",
                text.toString(), "--transcript-of", "GWA-4T9K-2M8Q-7XRA-C3PD");
        refused("has no attachment GWA-4T9K-2M8Q-7XRA-C3PD", "attach", earlier, text.toString(), "--transcript-of",
                "GWA-4T9K-2M8Q-7XRA-C3PD");
    }

    private static void refused(String says, String... args) {
        String before = homes.gawah.in(homes.documenter, "list").ok().out();
        List<String> full = new ArrayList<>(List.of(args));
        Result result = homes.gawah.inWithInput(homes.documenter, Homes.sampleInput(), full.toArray(new String[0]));
        assertEquals(2, result.code(), result.stderr());
        List<String> errors = result.stderr().lines().filter(l -> l.startsWith("gawah: error: ")).toList();
        assertEquals(1, errors.size(), result.stderr());
        assertTrue(errors.get(0).contains(says), result.stderr());
        assertTrue(result.stderr().contains("gawah: hint: "), result.stderr());
        assertEquals(before, homes.gawah.in(homes.documenter, "list").ok().out(), "nothing sealed");
    }
}
