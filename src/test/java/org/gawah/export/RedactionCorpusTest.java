package org.gawah.export;

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

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.text.Normalizer2;
import org.gawah.names.Folding;
import org.gawah.testsupport.CaseFixture;
import org.gawah.testsupport.Gawah;
import org.gawah.testsupport.Homes;
import org.gawah.testsupport.Photos;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The redaction corpus: three witnesses (a Dari, a Pashto and a Latin name, with contacts), each
 * named in every string field of the testimony in the spellings an auditor would try, in
 * attachments' file names, and in the case title; attachments of each kind. Exported for the ICC
 * without identities, in both setups (the legal team's key opens the identity envelope; a
 * separate protection officer holds it), and every package searched byte for byte after the
 * redaction's own normalisation and again after the test's own (ICU NFKC_Casefold and a letter
 * table written here): the zip as written (its entry names and central directory), and every
 * file in it uncompressed.
 */
class RedactionCorpusTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One witness: the identity as sealed, and the spellings the testimony uses, one a field. */
    record Witness(String name, List<String> otherNames, String contact, List<String> written, List<String> contacts,
                   List<String> needles) {
    }

    static final Witness DARI = new Witness("زرمینه تستنام", List.of("Zarmina Testnam"), "+93 700 123 456",
            List.of("زرمـینه", "زر\u200Cمینه", "زرمينه", "\uFEAF\uFEAE\uFEE3\uFEF4\uFEE8\uFEEA", "زرمینهتستنام",
                    "ZARMINA", "Zarmeena", "Z. Testnam", "زرمینه‌جان", "تستنام", "\u2067زرمینه\u2069", "Zar mina",
                    "Zar-mina", "زرمینہ", "ز\u0670رمینه"),
            List.of("0700-123-456", "۰۷۰۰ ۱۲۳ ۴۵۶", "0093700123456"),
            List.of("زرمینه", "تستنام", "zarmina", "zarmeena", "testnam", "700123456"));
    static final Witness PASHTO = new Witness("ګلالۍ زرغونه", List.of("Gul"), "0799 111 222",
            List.of("گلالی", "ګلالۍ\u200F", "Gulalai", "Zarghuna", "ZARGHOONA", "زرغونې", "گل", "Gul"),
            List.of("٠٧٩٩١١١٢٢٢", "+93 799 111 222"),
            List.of("گلالی", "زرغونه", "gulalai", "zarghuna", "zarghoona", "799111222"));
    static final Witness LATIN = new Witness("Ahmad Karimi", List.of(), "ahmad.k@example.org, +93 (0) 788 555 000",
            List.of("احمد کریمی", "أحمد", "A. Karimi", "AHMAD", "AhmadKarimi", "Karimee", "كريمي", "Kari mi", "کری-می"),
            List.of("0788555000", "ahmad.k@example.org"),
            List.of("احمد", "کریمی", "ahmad", "karimi", "karimee", "788555000", "example.org"));

    @TempDir
    static Path base;
    static Setup sameKey;
    static Setup separateOfficer;

    /** A documenter, a legal team, and the case of the three witnesses, exported for the ICC. */
    record Setup(Path documenter, Path legal, String caseId, List<String> records, Path icc) {
    }

    @BeforeAll
    static void exportBothSetups() throws IOException {
        Gawah gawah = new Gawah(Homes.PASSPHRASE);
        sameKey = setup(gawah, base.resolve("same"), false);
        separateOfficer = setup(gawah, base.resolve("separate"), true);
    }

    @Test
    void noSpellingOfAnyNameOrContactIsInAnyByteOfEitherPackage() throws IOException {
        for (Setup setup : List.of(sameKey, separateOfficer)) {
            List<String> searched = searchable(setup.icc());
            List<String> ownSearched = searchable(setup.icc(), RedactionCorpusTest::ownFold);
            assertTrue(searched.stream().anyMatch(t -> t.contains("herat")) && searched.stream().anyMatch(t -> t.contains("هرات")),
                    "the search sees the package's words");
            for (Witness witness : List.of(DARI, PASHTO, LATIN)) {
                List<String> needles = new ArrayList<>(witness.needles());
                needles.addAll(witness.written());
                needles.addAll(witness.contacts());
                for (String needle : needles) {
                    String folded = digitsJoined(Folding.fold(needle));
                    for (String text : searched) {
                        assertFalse(text.contains(folded), needle + " (" + folded + ") is in " + setup.icc() + ": "
                                + around(text, folded));
                    }
                }
                // Every needle again, the package and the needle folded by a normalisation of the test's own, which
                // shares no code with the matcher's: a gap in Folding (a letter variant, a mark, a digit script it
                // misses) would leave the name in the package in a form this one still finds.
                for (String needle : needles) {
                    String folded = digitsJoined(ownFold(needle));
                    for (String text : ownSearched) {
                        assertFalse(text.contains(folded), needle + " (" + folded + ", folded apart) is in "
                                + setup.icc() + ": " + around(text, folded));
                    }
                }
            }
        }
    }

    @Test
    void eachTestimonyGoesRedactedWithWhatWasSearchedAndWhatWasNot() throws IOException {
        for (Setup setup : List.of(sameKey, separateOfficer)) {
            Map<String, byte[]> files = CaseFixture.files(setup.icc());
            for (String record : setup.records()) {
                assertFalse(files.containsKey("data/" + record + "/testimony.json"), record);
                String redacted = new String(files.get("data/" + record + "/testimony-redacted.json"), StandardCharsets.UTF_8);
                for (String path : List.of("account.text (name)", "documenter_notes (name)", "interview.place (name)",
                        "witness.vulnerability[0] (name)", "witness.earlier_interviews[0].note (name)", "source.note (name)",
                        "events[0].place (name)", "events[0].consequences (name)", "acknowledgement.reason_if_not (name)")) {
                    assertTrue(redacted.contains("\"" + path + "\""), record + " " + path + ": " + redacted);
                }
                assertTrue(redacted.contains("Herat"), "what does not name the witness stays: " + redacted);
            }
            String report = Files.readString(Path.of(setup.icc() + ".report.txt"));
            String with = setup == sameKey ? "searched with the identity envelope" : "searched with the name keys sealed in the testimony";
            for (String record : setup.records()) {
                assertTrue(report.contains(record + ": " + with), report);
            }
            assertTrue(report.contains("it can hold text that names the witness"), "text and PDF stay out: " + report);
            assertEquals(2, report.lines().filter(l -> l.contains("it can hold text that names the witness")).count(), report);
            assertTrue(report.contains("it carries GPS coordinates (where it was taken): withheld with the file; to send it with its location, export again with --with-location"), report);
            assertTrue(report.contains("what the picture shows is not searched"), report);
            assertTrue(report.contains("sound and moving pictures are not searched"), report);
            assertTrue(report.contains("the case title named a witness"), report);
            String index = new String(files.get("metadata/index.csv"), StandardCharsets.UTF_8);
            assertTrue(index.lines().filter(l -> l.contains(",attachment,")).allMatch(l -> l.matches(".*,(GWA-[0-9A-Z-]+\\.[a-z0-9]+),.*")),
                    "neutral file names: " + index);
        }
    }

    @Test
    void reviewedAttachmentsGoAndReviewedAllMustNameTheCase() throws IOException {
        Gawah gawah = new Gawah(Homes.PASSPHRASE);
        Setup setup = sameKey;
        Path out = base.resolve("reviewed-all.zip");
        Gawah.Result wrong = gawah.in(setup.legal(), "export", "--case", setup.caseId(), "--for", "icc", "--reviewed-all",
                "GWC-0000-0000-0000-0000", "--out", out.toString());
        assertEquals(2, wrong.code(), wrong.stderr());
        assertTrue(wrong.stderr().contains("--reviewed-all must repeat the case id " + setup.caseId()), wrong.stderr());
        assertFalse(Files.exists(out));
        gawah.in(setup.legal(), "export", "--case", setup.caseId(), "--for", "icc", "--reviewed-all", setup.caseId(),
                "--out", out.toString()).ok();
        String report = Files.readString(Path.of(out + ".report.txt"));
        assertFalse(report.contains("it can hold text that names the witness"), report);
        assertTrue(report.contains("exported because --reviewed"), report);
        // Reviewed never stops the search: the testimonies still go redacted.
        for (String record : setup.records()) {
            assertTrue(CaseFixture.files(out).containsKey("data/" + record + "/testimony-redacted.json"));
        }
        Path list = base.resolve("reviewed.txt");
        Files.writeString(list, "# read by the legal team\nnot-an-id\n");
        Gawah.Result bad = gawah.in(setup.legal(), "export", "--case", setup.caseId(), "--for", "icc", "--reviewed-from",
                list.toString(), "--out", base.resolve("bad.zip").toString());
        assertEquals(2, bad.code(), bad.stderr());
        assertTrue(bad.stderr().contains("line 2: not-an-id is not a record id"), bad.stderr());
    }

    private static Setup setup(Gawah gawah, Path dir, boolean separateOfficer) throws IOException {
        Path documenter = dir.resolve("documenter");
        Path legal = dir.resolve("legal");
        Path protection = dir.resolve("protection");
        for (Path home : separateOfficer ? List.of(documenter, legal, protection) : List.of(documenter, legal)) {
            gawah.in(home, "init").ok();
            gawah.in(home, "keys", "generate", "--name", home.getFileName().toString()).ok();
            gawah.in(home, "keys", "export", "--out", dir.resolve(home.getFileName() + ".asc").toString()).ok();
        }
        gawah.in(documenter, "keys", "import", "--role", "legal", dir.resolve("legal.asc").toString()).ok();
        gawah.in(documenter, "keys", "import", "--role", "protection",
                dir.resolve((separateOfficer ? "protection" : "legal") + ".asc").toString()).ok();
        gawah.in(legal, "keys", "import", "--role", "documenter", dir.resolve("documenter.asc").toString()).ok();
        List<String> records = new ArrayList<>();
        records.add(record(gawah, documenter, dir, DARI, true));
        records.add(record(gawah, documenter, dir, PASHTO, false));
        records.add(record(gawah, documenter, dir, LATIN, false));
        Path bag = dir.resolve("bag.zip");
        gawah.in(documenter, "submit", "--out", bag.toString()).ok();
        gawah.in(legal, "import", bag.toString()).ok();
        String caseId = gawah.caseCreate(legal, "Detentions of Zarmina, Gulalai and Ahmad").ok().out().strip();
        List<String> add = new ArrayList<>(List.of("case", "add", caseId));
        add.addAll(records);
        gawah.in(legal, add.toArray(new String[0])).ok();
        Path icc = dir.resolve("icc.zip");
        gawah.in(legal, "export", "--case", caseId, "--for", "icc", "--out", icc.toString()).ok();
        return new Setup(documenter, legal, caseId, records, icc);
    }

    /** A record naming the witness in every string field, a different spelling in each, with attachments. */
    private static String record(Gawah gawah, Path documenter, Path dir, Witness w, boolean attachments) throws IOException {
        ObjectNode input = (ObjectNode) JSON.readTree(Homes.sampleInput());
        List<String> s = w.written();
        List<String> c = w.contacts();
        ObjectNode identity = input.putObject("identity").put("name", w.name()).put("contact", w.contact());
        ArrayNode others = identity.putArray("other_names");
        w.otherNames().forEach(others::add);
        ((ObjectNode) input.get("interview")).put("place", "Herat, at the house of " + s.get(0 % s.size()));
        input.putObject("acknowledgement").put("witness_acknowledged", false).put("reason_if_not", s.get(1 % s.size()) + " had to leave");
        ObjectNode witness = (ObjectNode) input.get("witness");
        witness.putArray("vulnerability").add("mother of " + s.get(2 % s.size()) + "'s children");
        ((ObjectNode) witness.get("earlier_interviews").get(0)).put("note", "called " + c.get(0) + " to ask " + s.get(3 % s.size()));
        ((ObjectNode) input.get("source")).put("note", "Herat; " + s.get(4 % s.size()) + " saw it herself");
        ((ObjectNode) input.get("account")).put("text", String.join(" و ", s) + "\nشماره: " + String.join(" / ", c));
        input.put("documenter_notes", "Herat. Spoke to " + s.get(5 % s.size()) + "; reach on " + c.get(c.size() - 1));
        ObjectNode event = (ObjectNode) input.get("events").get(0);
        event.put("place", "هرات، کوچهٔ " + s.get(6 % s.size()));
        event.put("consequences", s.get(7 % s.size()) + " was beaten");
        if (attachments) {
            ((ObjectNode) input.get("consent")).put("audio_video", true);
        }
        byte[] bytes = JSON.writeValueAsString(input).getBytes(StandardCharsets.UTF_8);
        List<String> args = new ArrayList<>(List.of("record", "--from", "-"));
        if (attachments) {
            Path folder = Files.createDirectories(dir.resolve("files"));
            args.addAll(List.of("--attach", write(folder.resolve("notes about zarminahome.txt"), "نام او زرمینه است".getBytes(StandardCharsets.UTF_8)),
                    "--attach", write(folder.resolve("زرمینه statement.pdf"), "%PDF-1.4\n% Zarmina\n".getBytes(StandardCharsets.US_ASCII)),
                    "--attach", write(folder.resolve("Zarmina_portrait.jpg"), Photos.jpeg(1)),
                    "--attach", write(folder.resolve("ZarminaTestnamHome.jpg"), Photos.withGps(Photos.jpeg(2), 34, 62)),
                    "--attach", write(folder.resolve("voice of زرمینه.wav"), new byte[4000])));
        }
        return gawah.inWithInput(documenter, bytes, args.toArray(new String[0])).ok().out().strip();
    }

    /** The zip as written, every entry's name and every file uncompressed: decoded, folded, digits joined. */
    static List<String> searchable(Path zip) throws IOException {
        return searchable(zip, Folding::fold);
    }

    static List<String> searchable(Path zip, java.util.function.UnaryOperator<String> fold) throws IOException {
        List<String> texts = new ArrayList<>();
        texts.add(digitsJoined(fold.apply(new String(Files.readAllBytes(zip), StandardCharsets.UTF_8))));
        for (Map.Entry<String, byte[]> file : CaseFixture.files(zip).entrySet()) {
            texts.add(digitsJoined(fold.apply(file.getKey())));
            texts.add(digitsJoined(fold.apply(new String(file.getValue(), StandardCharsets.UTF_8))));
        }
        return texts;
    }

    /**
     * The test's own folding, written apart from {@link Folding} so that the corpus does not check
     * the matcher against itself: ICU's NFKC_Casefold (compatibility forms, case, and every default
     * ignorable code point: joiners, bidi marks), then canonical decomposition with every mark
     * dropped (harakat, hamza and madda above and below), tatweel and hamza dropped, the letter
     * variants by the table below, and every decimal digit as ASCII.
     */
    static String ownFold(String text) {
        String decomposed = Normalizer2.getNFDInstance().normalize(Normalizer2.getNFKCCasefoldInstance().normalize(text));
        StringBuilder out = new StringBuilder(decomposed.length());
        decomposed.codePoints().forEach(c -> {
            if (UCharacter.getType(c) == UCharacterCategory.NON_SPACING_MARK || c == 'ـ' || c == 'ء' || c == 'ٴ') {
                return;
            }
            int digit = UCharacter.digit(c, 10);
            if (digit >= 0) {
                out.append((char) ('0' + digit));
                return;
            }
            out.appendCodePoint(VARIANTS.getOrDefault(c, c));
        });
        return out.toString();
    }

    /** Letter variants, written out by hand: each to the letter Dari spelling uses. */
    private static final Map<Integer, Integer> VARIANTS = variants("ي ى ې ۍ ێ ے", 'ی', "ك ڪ", 'ک', "ګ", 'گ',
            "ة ە ھ ہ ۃ", 'ه', "ٱ", 'ا', "ۆ ۇ ۈ ۋ", 'و');

    private static Map<Integer, Integer> variants(Object... pairs) {
        Map<Integer, Integer> map = new java.util.HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            int letter = (Character) pairs[i + 1];
            ((String) pairs[i]).codePoints().filter(c -> c != ' ').forEach(c -> map.put(c, letter));
        }
        return map;
    }

    /** "0700-123 456" and "0700123456" alike: separators between digits taken out. */
    private static String digitsJoined(String folded) {
        return folded.replaceAll("(?<=[0-9])[ \\-./()+\u00A0]{1,3}(?=[0-9])", "");
    }

    private static String around(String text, String needle) {
        int at = text.indexOf(needle);
        return text.substring(Math.max(0, at - 60), Math.min(text.length(), at + needle.length() + 60));
    }

    private static String write(Path file, byte[] bytes) {
        try {
            return Files.write(file, bytes).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
