package org.gawah.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gawah.Failure;
import org.gawah.testimony.Testimonies;
import org.gawah.testsupport.Gawah.Result;
import org.gawah.testsupport.GawahProcess;
import org.gawah.testsupport.Homes;
import org.gawah.testsupport.TestEngine;
import org.gawah.vault.VaultTamper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An attachment's file name can carry the witness's name, and a command line shows in {@code ps}
 * and the shell history: {@code record --attach-from LIST} (and {@code attach --files-from})
 * name the files in a list instead, read from a file or standard input. The lists are read before
 * any vault is: a record and an addendum made from them, their files related, run on both engines.
 */
class AttachmentNamesOffTheCommandLineTest {
    private static final String NAMED = "Mariam Rahimi at the Herat checkpoint.jpg";

    @TempDir
    static Path base;
    /** SQLite's homes. */
    static Homes homes;
    static Homes onPostgresql;
    static Path photo;
    static Path testimony;

    @BeforeAll
    static void homes() throws Exception {
        homes = new Homes(base.resolve("homes"));
        photo = Files.createDirectories(base.resolve("camera")).resolve(NAMED);
        Files.write(photo, "the photo's bytes".getBytes(StandardCharsets.US_ASCII));
        testimony = Files.write(base.resolve("testimony.json"), Homes.sampleInput());
    }

    /** A real gawah process: what every other process on the computer can read of its command line. */
    @Test
    void aRecordMadeFromAListHasNothingOfTheFileNameInItsArguments() throws Exception {
        Path list = Files.writeString(base.resolve("files.txt"), photo + "\n", StandardCharsets.UTF_8);
        Path logs = base.resolve("listed-run");
        Process record = GawahProcess.start(List.of(), homes.documenter, logs,
                "record", "--from", testimony.toString(), "--attach-from", list.toString(), "--self-readable");
        String arguments;
        try {
            arguments = commandLine(record);
            assertTrue(record.waitFor(2, TimeUnit.MINUTES));
        } finally {
            record.destroyForcibly();
        }
        assertEquals(0, record.exitValue(), Files.readString(logs.resolveSibling("listed-run.err")));
        assertTrue(arguments.contains("--attach-from"), arguments);
        for (String word : List.of("Mariam", "Rahimi", "Herat", "checkpoint", "camera")) {
            assertFalse(arguments.contains(word), word + " in " + arguments);
        }

        String id = Files.readString(logs.resolveSibling("listed-run.out")).strip();
        JsonNode attachments = Testimonies.read(homes.gawah.in(homes.documenter, "open", id).ok().stdout()).get("attachments");
        assertEquals(1, attachments.size());
        assertEquals(NAMED, attachments.get(0).get("file_name").asText());
        assertEquals("original", attachments.get(0).get("generation").asText());
    }

    @Test
    void aListOnStandardInputAndCopiesFromASecondListBesideThem() throws Exception {
        Path copy = Files.writeString(base.resolve("camera").resolve("received from W-7.pdf"), "%PDF-1.4 received");
        // Beside the files, naming them relative to itself; Windows line ends and stray spaces.
        Path copies = Files.writeString(copy.resolveSibling("copies.txt"), "\r\n  received from W-7.pdf  \r\n\r\n",
                StandardCharsets.UTF_8);
        String id = homes.gawah.inWithInput(homes.documenter, (photo + "\n").getBytes(StandardCharsets.UTF_8),
                "record", "--from", testimony.toString(), "--attach-from", "-", "--attach-copy-from", copies.toString(),
                "--self-readable").ok().out().strip();
        JsonNode attachments = Testimonies.read(homes.gawah.in(homes.documenter, "open", id).ok().stdout()).get("attachments");
        assertEquals(2, attachments.size());
        assertEquals(NAMED, attachments.get(0).get("file_name").asText());
        assertEquals("original", attachments.get(0).get("generation").asText());
        assertEquals("received from W-7.pdf", attachments.get(1).get("file_name").asText());
        assertEquals("copy", attachments.get(1).get("generation").asText());
    }

    @Test
    void attachTakesItsFilesFromAListToo() throws Exception {
        String earlier = homes.gawah.inWithInput(homes.documenter, Homes.sampleInput(), "record", "--from", "-",
                "--self-readable").ok().out().strip();
        Path list = Files.writeString(base.resolve("later.txt"), photo + "\n", StandardCharsets.UTF_8);
        String addendum = homes.gawah.in(homes.documenter, "attach", earlier, "--files-from", list.toString()).ok().out().strip();
        Path out = Files.createDirectories(base.resolve("opened-addendum"));
        homes.gawah.in(homes.documenter, "open", addendum, "--attachments", out.toString()).ok();
        assertArrayEquals(Files.readAllBytes(photo), Files.readAllBytes(out.resolve(NAMED)));

        Result none = homes.gawah.in(homes.documenter, "attach", earlier);
        assertEquals(Failure.USAGE.exitCode(), none.code(), none.stderr());
        assertTrue(none.stderr().contains("--files-from"), none.stderr());
    }

    static synchronized Homes homes(TestEngine engine) {
        if (engine == TestEngine.SQLITE) {
            return homes;
        }
        if (onPostgresql == null) {
            onPostgresql = engine.homes(base.resolve(engine.name()));
        }
        return onPostgresql;
    }

    /**
     * A transcript named in the list is related there, on the line after it, by the recording's
     * file name (which so stays off the command line too); a --translation-of typed after the list
     * relates the list's last file, and a number counts the lists' files with the others.
     */
    @ParameterizedTest
    @EnumSource(TestEngine.class)
    void transcriptsAndTranslationsAreRelatedInsideTheListOrAfterIt(TestEngine engine) throws Exception {
        Homes homes = homes(engine);
        Path folder = Files.createDirectories(base.resolve(engine + "-interview"));
        Files.writeString(folder.resolve("Mariam Rahimi interview.m4a"), "the recording's bytes");
        Files.writeString(folder.resolve("Mariam Rahimi transcript.txt"), "what she said, in Dari");
        Path english = Files.writeString(Files.createDirectories(base.resolve(engine + "-translation")).resolve("translation.txt"), "what she said, in English");
        Path list = Files.writeString(folder.resolve("files.txt"),
                "Mariam Rahimi interview.m4a\nMariam Rahimi transcript.txt\n--transcript-of Mariam Rahimi interview.m4a\n",
                StandardCharsets.UTF_8);
        String id = homes.gawah.in(homes.documenter, "record", "--from", testimony.toString(), "--attach-from",
                list.toString(), "--attach", english.toString(), "--translation-of", "2", "--self-readable").ok().out().strip();
        JsonNode attachments = Testimonies.read(homes.gawah.in(homes.documenter, "open", id).ok().stdout()).get("attachments");
        assertEquals(3, attachments.size());
        assertEquals("Mariam Rahimi transcript.txt", attachments.get(1).get("file_name").asText());
        assertEquals(attachments.get(0).get("id").asText(), attachments.get(1).get("transcript_of").asText());
        assertEquals("translation.txt", attachments.get(2).get("file_name").asText());
        assertEquals(attachments.get(1).get("id").asText(), attachments.get(2).get("translation_of").asText());

        // An addendum's list may name a file of the record it adds to, by its id (an addendum is not a testimony: plain JSON).
        String recording = attachments.get(0).get("id").asText();
        Path later = Files.writeString(folder.resolve("later.txt"), "Mariam Rahimi transcript.txt\n--translation-of " + recording + "\n");
        String addendum = homes.gawah.in(homes.documenter, "attach", id, "--files-from", later.toString()).ok().out().strip();
        JsonNode added = new ObjectMapper().readTree(homes.gawah.in(homes.documenter, "open", addendum).ok().stdout()).get("attachments");
        assertEquals(recording, added.get(0).get("translation_of").asText());
    }

    /** Each with a clear line and a usage or input exit code, and nothing stored. */
    @Test
    void aBadListIsRefusedBeforeAnythingIsStored() throws Exception {
        Path vault = homes.documenter.resolve("vault.db");
        int before = VaultTamper.count(vault, "records");
        int chunks = VaultTamper.count(vault, "attachment_chunks");
        Path empty = Files.writeString(base.resolve("empty.txt"), "\n  \n");
        Path missing = Files.writeString(base.resolve("missing.txt"), base.resolve("no-such-photo.jpg") + "\n");
        Path latin1 = Files.write(base.resolve("latin1.txt"), new byte[] {'p', (byte) 0xE9, '.', 'j', 'p', 'g', '\n'});
        Path nul = Files.writeString(base.resolve("nul.txt"), "a\u0000b.jpg\n");
        Path typo = Files.writeString(base.resolve("typo.txt"), photo + "\n--transcirpt-of 1\n");
        Path unrelated = Files.writeString(base.resolve("unrelated.txt"), photo + "\n--transcript-of 2\n");

        assertRefused(Failure.USAGE, "names no file", "--from", testimony.toString(), "--attach-from", empty.toString());
        assertRefused(Failure.MISSING_INPUT, "no-such-photo.jpg", "--from", testimony.toString(), "--attach-from", missing.toString());
        assertRefused(Failure.USAGE, "UTF-8", "--from", testimony.toString(), "--attach-copy-from", latin1.toString());
        assertRefused(Failure.USAGE, "line 1 of", "--from", testimony.toString(), "--attach-from", nul.toString());
        assertRefused(Failure.USAGE, "line 2 of", "--from", testimony.toString(), "--attach-from", typo.toString());
        assertRefused(Failure.USAGE, "of file 2", "--from", testimony.toString(), "--attach-from", unrelated.toString());
        assertRefused(Failure.USAGE, "standard input", "--from", "-", "--attach-from", "-");
        assertRefused(Failure.USAGE, "standard input", "--from", testimony.toString(), "--attach-from", "-",
                "--attach-copy-from", "-");
        assertRefused(Failure.MISSING_INPUT, "no such file", "--from", testimony.toString(), "--attach-from",
                base.resolve("no-such-list.txt").toString());
        assertEquals(before, VaultTamper.count(vault, "records"));
        assertEquals(chunks, VaultTamper.count(vault, "attachment_chunks"));
    }

    /** The interview reads its answers from standard input: its list must be a file. */
    @Test
    void anInterviewRefusesAListOnStandardInputBeforeItAsksAnything() {
        Result result = homes.gawah.inWithInput(homes.documenter, (photo + "\n").getBytes(StandardCharsets.UTF_8),
                "interview", "--attach-from", "-");
        assertEquals(Failure.USAGE.exitCode(), result.code(), result.stderr());
        assertTrue(result.stderr().startsWith("gawah: error: ") && result.stderr().contains("standard input"), result.stderr());
        assertEquals(0, result.stdout().length);
    }

    private static void assertRefused(Failure failure, String said, String... args) {
        String[] full = new String[args.length + 1];
        full[0] = "record";
        System.arraycopy(args, 0, full, 1, args.length);
        Result result = homes.gawah.inWithInput(homes.documenter, Homes.sampleInput(), full);
        assertEquals(failure.exitCode(), result.code(), String.join(" ", args) + ": " + result.stderr());
        assertTrue(result.stderr().startsWith("gawah: error: ") && result.stderr().contains(said), result.stderr());
    }

    /** The process's arguments as the system shows them to every process (Linux: /proc/PID/cmdline), once it runs Gawah. */
    private static String commandLine(Process process) throws Exception {
        Path cmdline = Path.of("/proc", String.valueOf(process.pid()), "cmdline");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            String arguments = new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).replace('\0', ' ');
            if (arguments.contains("org.gawah.cli.Main")) {
                return arguments;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("gawah never started");
    }
}
