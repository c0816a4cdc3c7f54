package org.gawah.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.gawah.Failure;
import org.gawah.testsupport.Bags;
import org.gawah.testsupport.Gawah;
import org.gawah.testsupport.Gawah.Result;
import org.gawah.testsupport.Homes;
import org.gawah.testsupport.Pty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text from outside that is made to drive a terminal or to lie on it, fed to every command that
 * shows it: certificates made for real whose user IDs carry ESC E, ESC[8m (conceal), OSC title
 * sequences, screen clears, bidi overrides and isolates, zero-width characters and a line
 * separator; testimony fields, attachment file names, a case title and an analyst's note with
 * bidi and invisible characters; a bag whose bag-info values carry escape sequences (resealed by
 * the documenter); values quoted in errors. Every command's stdout and stderr hold none of it
 * raw (each character it would obey or be fooled by is a visible escape), still show it (as
 * escapes), and put a fingerprint before the user ID it belongs to. Where being a terminal
 * matters, the same runs through a real pseudo-terminal.
 */
class UntrustedTextTest {
    /** Conceals what follows, then shows a fake fingerprint and a reversed, isolated name; retitles the window. */
    static final String DOCUMENTER_UID = "Documenter D-14\u001bE\u001b[8m 1111 2222 3333 4444\u001b[0m"
            + "\u001b]0;owned\u0007 \u202e41-D\u2066 r\u200be\u2028 <d14@example.org>";
    static final String LEGAL_UID = "تیم حقوقی \u202e\u001b[2J\u001b[3J\u001b[H Legal team \u200e1234\u200f\u009b8m";
    static final String RECEIVER_UID = "ICC OTP \u2067\u202ePTO\u2069 \u001b[8m\ufeff";
    static final String TITLE = "Detentions \u202eHerat\u2066 2025\u200b \u2067حبس\u2069";
    static final String NOTE = "Reliable \u202eelbailernu\u202c.\nسطر دوم \u2066\u200f\u2028 \u00ad";
    static final String PLACE = "Herat \u202eeruces ton\u202c \u2060";
    static final String ATTACHMENT = "scan\u202efdp.exe";

    @TempDir
    static Path base;
    static final Gawah gawah = new Gawah(Homes.PASSPHRASE);
    static Path documenter;
    static Path legal;
    static Path receiver;
    static PGPSecretKeyRing documenterKey;
    static PGPSecretKeyRing legalKey;
    static PGPSecretKeyRing receiverKey;
    static Result pinnedLegal;
    static Result pinnedDocumenter;
    static Result imported;
    static Result exported;
    static String recordId;
    static String caseId;
    static Path bag;
    static Path craftedBag;
    static Path evidence;
    static Path encrypted;

    @BeforeAll
    static void craft() throws Exception {
        documenterKey = CorpusKeys.make(DOCUMENTER_UID);
        legalKey = CorpusKeys.make(LEGAL_UID);
        receiverKey = CorpusKeys.make(RECEIVER_UID);
        documenter = base.resolve("documenter");
        legal = base.resolve("legal");
        receiver = base.resolve("receiver");
        HostileHomes.init(gawah, documenter, CorpusKeys.gawahKey(documenterKey));
        HostileHomes.init(gawah, legal, CorpusKeys.gawahKey(legalKey));
        HostileHomes.init(gawah, receiver, CorpusKeys.gawahKey(receiverKey));
        String legalCert = write("legal.asc", CorpusKeys.armoredCertificate(legalKey));
        String documenterCert = write("documenter.asc", CorpusKeys.armoredCertificate(documenterKey));
        String receiverCert = write("receiver.asc", CorpusKeys.armoredCertificate(receiverKey));
        pinnedLegal = gawah.in(documenter, "keys", "import", "--role", "legal", legalCert).ok();
        gawah.in(documenter, "keys", "import", "--role", "protection", legalCert).ok();
        pinnedDocumenter = gawah.in(legal, "keys", "import", "--role", "documenter", documenterCert).ok();
        gawah.in(receiver, "keys", "import", "--role", "custodian", legalCert).ok();

        Path scan = Files.write(base.resolve(ATTACHMENT), "MZ pretending to be a PDF".getBytes(StandardCharsets.US_ASCII));
        recordId = gawah.inWithInput(documenter, testimony(), "record", "--from", "-", "--attach", scan.toString())
                .ok().out().strip();
        bag = base.resolve("submission.zip");
        gawah.in(documenter, "submit", "--out", bag.toString()).ok();
        craftedBag = craftedBagInfo(bag);
        imported = gawah.in(legal, "import", bag.toString()).ok();
        caseId = gawah.caseCreate(legal, TITLE).ok().out().strip();
        String note = write("note.txt", NOTE);
        gawah.in(legal, "case", "add", caseId, recordId, "--note-file", note, "--tag", "rome:7(1)(e)").ok();
        evidence = base.resolve("package.zip");
        gawah.in(legal, "export", "--case", caseId, "--for", "icc", "--out", evidence.toString()).ok();
        encrypted = base.resolve("package.pgp");
        exported = gawah.in(legal, "export", "--case", caseId, "--for", "icc", "--out", encrypted.toString(),
                "--to", receiverCert).ok();
    }

    @Test
    void keysImportShowsTheFingerprintAndTheUserIdAsEscapes() {
        shownNotObeyed(pinnedLegal, "\\u202e\\u001b[2J\\u001b[3J\\u001b[H Legal team \\u200e1234\\u200f\\u009b8m");
        shownNotObeyed(pinnedDocumenter, "Documenter D-14\\u001bE\\u001b[8m 1111 2222 3333 4444\\u001b[0m\\u001b]0;owned\\u0007");
        assertTrue(pinnedDocumenter.stderr().indexOf(grouped(documenterKey)) > 0, pinnedDocumenter.stderr());
    }

    @Test
    void keysListAndDoctorShowCraftedUserIdsAfterTheirFingerprints() {
        for (Path home : List.of(documenter, legal, receiver)) {
            Result list = gawah.in(home, "keys", "list");
            shownNotObeyed(list.ok(), "\\u202e");
            Result doctor = gawah.in(home, "doctor");
            shownNotObeyed(doctor, "\\u202e");
        }
        Result list = gawah.in(documenter, "keys", "list");
        String legalLine = line(list.out(), "\\u202e\\u001b[2J");
        assertTrue(legalLine.indexOf(CorpusKeys.certificate(legalKey).fingerprint()) < legalLine.indexOf("Legal team"), legalLine);
        String doctorLine = line(gawah.in(documenter, "doctor").out(), "\\u202e\\u001b[2J");
        assertTrue(doctorLine.indexOf(grouped(legalKey)) < doctorLine.indexOf("Legal team"), doctorLine);
    }

    @Test
    void openShowsTheSignerAfterItsFingerprintAndTheContentAsEscapesOnAScreen() {
        Result opened = gawah.in(legal, "open", recordId);
        // Piped (as here), stdout is the content's exact signed bytes; its screen form is checked on the pty below.
        shownNotObeyed(new Result(opened.ok().code(), new byte[0], opened.stderr(), opened.command()), "Documenter D-14\\u001bE\\u001b[8m");
        String signer = line(opened.stderr(), "good signature");
        assertTrue(signer.indexOf(grouped(documenterKey)) < signer.indexOf("Documenter D-14"), signer);
        assertTrue(opened.out().contains(PLACE), "piped, the content keeps its exact signed bytes");
    }

    @Test
    void openAttachmentsWritesANameThatShowsItsRealType() throws IOException {
        Path dir = Files.createDirectories(base.resolve("opened-" + System.nanoTime()));
        Result opened = gawah.in(legal, "open", recordId, "--attachments", dir.toString());
        shownNotObeyed(new Result(opened.ok().code(), new byte[0], opened.stderr(), opened.command()), "scan\\u202efdp.exe");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("scan_fdp.exe"), files.map(f -> f.getFileName().toString()).toList());
        }
        assertTrue(opened.stderr().contains("written as scan_fdp.exe, a name that cannot hide its type"), opened.stderr());
    }

    @Test
    void listLogImportAndCasesShowNothingRaw() {
        shownNotObeyed(imported, "Documenter D-14\\u001bE");
        String importedLine = line(imported.stderr(), "imported bag");
        assertTrue(importedLine.indexOf(grouped(documenterKey)) < importedLine.indexOf("Documenter D-14"), importedLine);
        shownNotObeyed(gawah.in(legal, "list").ok());
        shownNotObeyed(gawah.in(legal, "log").ok());
        shownNotObeyed(gawah.in(legal, "case", "list").ok());
        Result shown = gawah.in(legal, "case", "show", caseId).ok();
        shownNotObeyed(shown, "Detentions \\u202eHerat\\u2066 2025\\u200b \\u2067حبس\\u2069",
                "Reliable \\u202eelbailernu\\u202c.", "سطر دوم \\u2066\\u200f\\u2028 \\u00ad");
        assertTrue(shown.out().contains("\u2068سطر دوم \\u2066\\u200f\\u2028 \\u00ad\u2069"),
                "a right-to-left line of the note is isolated: " + shown.out());
    }

    @Test
    void verifyingBagsAndPackagesShowsNothingRaw() {
        Result crafted = gawah.in(legal, "verify", craftedBag.toString());
        // The real bag, same id, was imported here: verify refuses this one as import would, and shows it all the same.
        assertEquals(Failure.BAD_DATA.exitCode(), crafted.code(), crafted.stderr());
        shownNotObeyed(crafted, "\\u001b]0;owned\\u0007\\u202eevil", "Documenter D-14\\u001bE");
        String signer = line(crafted.out(), "Documenter D-14\\u001bE");
        assertTrue(signer.indexOf(grouped(documenterKey)) < signer.indexOf("Documenter D-14"), signer);
        Result verifiedPackage = gawah.in(receiver, "verify", evidence.toString());
        shownNotObeyed(verifiedPackage.ok(), "\\u202e\\u001b[2J", "Documenter D-14\\u001bE");
        String custodian = line(verifiedPackage.out(), "\\u202e\\u001b[2J");
        assertTrue(custodian.indexOf(grouped(legalKey)) < custodian.indexOf("Legal team"), custodian);
        shownNotObeyed(exported, "ICC OTP \\u2067\\u202ePTO\\u2069 \\u001b[8m\\ufeff");
        Result decrypted = gawah.in(receiver, "verify", encrypted.toString());
        shownNotObeyed(decrypted.ok(), "\\u202e\\u001b[2J");
        String by = line(decrypted.stderr(), "decrypted in memory");
        assertTrue(by.indexOf(grouped(legalKey)) < by.indexOf("Legal team"), by);
    }

    /**
     * VERIFY.txt names every key by its user ID, which the key's owner chose: crafted ones are
     * written as escapes, so the file holds no control or bidi character a terminal would obey
     * (a clerk may cat it), and the steps stay Gawah's, byte for byte.
     */
    @Test
    void verifyTxtWritesCraftedUserIdsAsEscapes() throws IOException {
        String guide = Bags.read(evidence).entrySet().stream().filter(e -> e.getKey().endsWith("/VERIFY.txt")).findFirst()
                .orElseThrow().getValue().text();
        assertTrue(guide.contains("\\u202e\\u001b[2J\\u001b[3J\\u001b[H Legal team"), guide);
        assertTrue(guide.contains("Documenter D-14\\u001bE\\u001b[8m"), guide);
        assertEquals("", guide.codePoints().filter(c -> c < 0x20 && c != '\n' || c >= 0x7f && c < 0xa0
                || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2067 || c == 0x200e || c == 0x200f || c == 0x2028)
                .mapToObj(Integer::toHexString).collect(Collectors.joining(" ")), "raw control or bidi characters");
        String source = Files.readString(Path.of("src/main/resources/org/gawah/export/verify-guide.txt"));
        String marker = "\nHOW TO FOLLOW THE STEPS\n";
        assertEquals(source.substring(source.indexOf(marker)), guide.substring(guide.indexOf(marker)));
    }

    @Test
    void valuesQuotedInErrorsAreShownNotObeyed() {
        Result noRecord = gawah.in(legal, "open", "GWR-\u202e1\u001b[8m");
        assertEquals(Failure.NOT_FOUND.exitCode(), noRecord.code(), noRecord.stderr());
        shownNotObeyed(noRecord, "GWR-\\u202e1\\u001b[8m");
        Result language = gawah.run("list", "--lang", "\u001b]0;owned\u0007\u202e");
        assertEquals(Failure.USAGE.exitCode(), language.code());
        shownNotObeyed(language, "\\u001b]0;owned\\u0007\\u202e");
        Result role = gawah.in(legal, "keys", "import", "--role", "legal\u001b[8m", base.resolve("legal.asc").toString());
        assertEquals(Failure.USAGE.exitCode(), role.code());
        shownNotObeyed(role, "legal\\u001b[8m");
        Result missing = gawah.in(legal, "import", base.resolve("missing\u202epiz.exe").toString());
        assertFalse(missing.code() == 0);
        shownNotObeyed(missing, "missing\\u202epiz.exe");
        Result option = gawah.run("list", "--\u001b[8mhidden");
        assertEquals(Failure.USAGE.exitCode(), option.code());
        shownNotObeyed(option, "--\\u001b[8mhidden");
    }

    @Test
    void onARealTerminalNothingCraftedReachesTheScreenRaw() {
        List<List<String>> runs = List.of(
                List.of("keys", "list", "--home", documenter.toString()),
                List.of("doctor", "--home", legal.toString()),
                List.of("open", recordId, "--home", legal.toString(), "--passphrase-env", Gawah.PASSPHRASE_VAR),
                List.of("case", "show", caseId, "--home", legal.toString(), "--passphrase-env", Gawah.PASSPHRASE_VAR),
                List.of("verify", craftedBag.toString(), "--home", legal.toString()),
                List.of("--help"));
        for (List<String> run : runs) {
            List<String> args = new ArrayList<>(run);
            args.addAll(List.of("--lang", "en"));
            try (Pty pty = Pty.start(Pty.gawah(List.of(), args.toArray(new String[0])),
                    Map.of(Gawah.PASSPHRASE_VAR, Homes.PASSPHRASE, "TERM", "xterm"), base)) {
                String screen = pty.finalScreen();
                int code = pty.exitCode();
                // doctor finds what is wrong; verify refuses the crafted bag, whose id was imported with other bytes.
                assertTrue(code == 0 || run.get(0).equals("doctor") || (run.get(0).equals("verify") && code == 41),
                        run + " exited " + code + ":\n" + screen);
                assertNothingRaw(String.join(" ", run), screen);
                if (!run.get(0).equals("--help")) {
                    assertTrue(screen.contains("\\u202e"), "the crafted text is shown, as escapes: " + screen);
                }
                if (run.get(0).equals("open")) {
                    assertTrue(screen.contains("\"place\": \"Herat \\u202eeruces ton\\u202c \\u2060\""), screen);
                }
            }
        }
    }

    /** The run holds nothing a terminal would obey or be fooled by, and shows each of {@code escaped}. */
    private static void shownNotObeyed(Result result, String... escaped) {
        String all = result.out() + "\n" + result.stderr();
        assertNothingRaw(result.command(), all);
        for (String text : escaped) {
            assertTrue(all.contains(text), result.command() + " should show " + text + ":\n" + all);
        }
    }

    /**
     * Checked character by character, independently of the code under test: no C0 control but
     * line feed, tab and a carriage return before a line feed (a pty's line end); no DEL or C1
     * control; no bidi mark, embedding, override or isolate but a first-strong isolate closed on
     * its line; no zero-width space, word joiner, byte order mark, soft hyphen, line or paragraph
     * separator, private-use or tag character; a zero-width (non-)joiner only between two
     * characters beyond ASCII.
     */
    static void assertNothingRaw(String what, String text) {
        int[] c = text.codePoints().toArray();
        int open = 0;
        for (int i = 0; i < c.length; i++) {
            int p = c[i];
            boolean raw = (p < 0x20 && p != '\n' && p != '\t' && !(p == '\r' && i + 1 < c.length && c[i + 1] == '\n'))
                    || (p >= 0x7f && p <= 0x9f) || p == 0x061c || p == 0x200b || p == 0x200e || p == 0x200f
                    || (p >= 0x202a && p <= 0x202e) || p == 0x2066 || p == 0x2067 || p == 0x2028 || p == 0x2029
                    || p == 0x2060 || p == 0xfeff || p == 0x00ad || (p >= 0xe000 && p <= 0xf8ff) || (p >= 0xe0000 && p <= 0xe007f)
                    || ((p == 0x200c || p == 0x200d) && !(i > 0 && c[i - 1] > 0x7f && i + 1 < c.length && c[i + 1] > 0x7f));
            if (p == 0x2068) {
                open++;
            } else if (p == 0x2069) {
                raw |= open == 0;
                open = Math.max(0, open - 1);
            } else if (p == '\n') {
                raw |= open != 0;
                open = 0;
            }
            if (raw) {
                String around = new String(c, Math.max(0, i - 30), Math.min(c.length, i + 10) - Math.max(0, i - 30));
                throw new AssertionError(what + ": raw U+" + Integer.toHexString(p) + " at " + i + " in: " + escapeAll(around));
            }
        }
        assertEquals(0, open, what + ": an isolate left open at the end");
    }

    private static String escapeAll(String text) {
        return text.codePoints().mapToObj(p -> p < 0x20 || p > 0x7e ? String.format("\\u%04x", p) : Character.toString(p))
                .collect(Collectors.joining());
    }

    private static String line(String text, String containing) {
        return text.lines().filter(l -> l.contains(containing)).findFirst()
                .orElseThrow(() -> new AssertionError("no line with " + containing + " in:\n" + text));
    }

    private static String grouped(PGPSecretKeyRing ring) {
        String hex = CorpusKeys.certificate(ring).fingerprint();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 4) {
            out.append(i == 0 ? "" : i == hex.length() / 2 ? "  " : " ").append(hex, i, i + 4);
        }
        return out.toString();
    }

    /** The sample testimony with crafted place, pseudonym, names and notes (what Gawah's own checks let through). */
    private static byte[] testimony() throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode input = (ObjectNode) json.readTree(Homes.sampleInput());
        ObjectNode interview = (ObjectNode) input.get("interview");
        interview.put("place", PLACE);
        ((ObjectNode) ((ArrayNode) interview.get("present")).get(0)).put("name", "D\u202e41-D\u200b");
        ((ObjectNode) input.get("witness")).put("pseudonym", "W-\u20670193\u2069");
        input.put("documenter_notes", "Notes \u202esnur\u202c \u2028 \u200b");
        return json.writeValueAsBytes(input);
    }

    /** The submission bag with escape sequences in its bag-info values, resealed by the documenter. */
    private static Path craftedBagInfo(Path bag) throws IOException {
        Map<String, Bags.Item> items = Bags.read(bag);
        String info = Bags.root(items) + "/bag-info.txt";
        String text = items.get(info).text().lines().map(l -> l.startsWith("Source-Organization:")
                ? "Source-Organization: \u001b]0;owned\u0007\u202eevil\u001b[8m" : l.startsWith("Bagging-Date:")
                ? l + "\u202e\u200b" : l).collect(Collectors.joining("\n", "", "\n"));
        Bags.put(items, info, text);
        Bags.reseal(items, CorpusKeys.signingKey(documenterKey));
        Path crafted = base.resolve("crafted-bag-info.zip");
        Bags.write(crafted, items);
        return crafted;
    }

    private static String write(String name, String text) {
        try {
            return Files.writeString(base.resolve(name), text).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
