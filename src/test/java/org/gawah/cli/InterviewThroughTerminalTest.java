package org.gawah.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gawah.Language;
import org.gawah.testsupport.Homes;
import org.gawah.testsupport.Pty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A documenter at a real terminal: {@code gawah interview} on a pseudo-terminal, typed into key
 * by key, in English, Dari and Pashto, to a sealed record that the legal team opens. Afterwards
 * no file in the home or the temp folders holds a word that was typed.
 */
class InterviewThroughTerminalTest {
    private static final Pattern RECORD_ID = Pattern.compile("GWH(-[0-9A-Z]{4}){4}");

    @TempDir
    static Path base;
    static Homes homes;

    @BeforeAll
    static void homes() {
        homes = Homes.copied(base.resolve("homes"));
    }

    @Test
    void englishInterviewIsSealedAndOpensAsTyped() throws IOException {
        interviewAndOpen(Language.ENGLISH, Map.of(), "--lang", "en",
                "Cafe\u0301 near the bridge", "They took my brother at night.");
    }

    @Test
    void dariInterviewIsSealedAndOpensAsTyped() throws IOException {
        // "آ" typed decomposed (alef + madda above) must be stored composed (NFC).
        interviewAndOpen(Language.DARI, Map.of(), "--lang", "fa-AF",
                "هرات، ناحیهٔ سوم", "ا\u0653نها برادرم را شب بردند.");
    }

    @Test
    void pashtoChosenByTheLocaleIsSealedAndOpensAsTyped() throws IOException {
        interviewAndOpen(Language.PASHTO, Map.of("LANG", "ps_AF.UTF-8", "LC_ALL", ""), null, null,
                "کندهار، لومړۍ ناحیه", "زما ورور یې د شپې بوتلو.");
    }

    private void interviewAndOpen(Locale language, Map<String, String> locale, String flag, String flagValue,
                                  String place, String accountLine) throws IOException {
        String marker = "Qz" + HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
        Path run = Files.createDirectories(base.resolve("run-" + language.toLanguageTag()));
        Path tmp = Files.createDirectories(run.resolve("tmp"));
        Path userHome = Files.createDirectories(run.resolve("user"));
        FileTime started = FileTime.from(java.time.Instant.now().minusSeconds(1));
        List<String> args = new ArrayList<>(List.of("interview", "--home", homes.documenter.toString()));
        if (flag != null) {
            args.addAll(List.of(flag, flagValue));
        }
        Map<String, String> env = new java.util.HashMap<>(Map.of("TMPDIR", tmp.toString(), "HOME", userHome.toString(),
                "LC_ALL", "", "LC_MESSAGES", "", "LANG", "C.UTF-8", "TERM", "xterm", "LINES", "500"));
        env.putAll(locale);
        String secondLine = marker + " " + accountLine;
        String realName = "Nadia " + marker + "-name";
        try (Pty pty = Pty.start(Pty.gawah(List.of("-Djava.io.tmpdir=" + tmp), args.toArray(new String[0])), env, run)) {
            pty.expect(say(language, "interview.welcome"));
            pty.expect(say(language, "passphrase.prompt.key").split("\\{0}")[0].strip());
            pty.type(Homes.PASSPHRASE);
            answer(pty, language, "interview.q.purpose", "1");
            answer(pty, language, "interview.q.withdrawal", "1");
            answer(pty, language, "interview.q.recipients", "1 ۲");
            answer(pty, language, "interview.q.audio-video", "2");
            answer(pty, language, "interview.q.anonymity", "1");
            answer(pty, language, "interview.q.started-at", "");
            answer(pty, language, "interview.q.place", place + " " + marker);
            answer(pty, language, "interview.q.documenter", "");
            answer(pty, language, "interview.q.interpreter", "");
            answer(pty, language, "interview.q.interview-languages", "");
            answer(pty, language, "interview.q.record-languages", "");
            // "<" returns to the question seen before, whichever step it belongs to, then forward
            // again keeping the answers.
            answer(pty, language, "interview.q.pseudonym", "<");
            answer(pty, language, "interview.q.record-languages", "<");
            answer(pty, language, "interview.q.interview-languages", "");
            answer(pty, language, "interview.q.record-languages", "");
            answer(pty, language, "interview.q.pseudonym", "W-0193");
            answer(pty, language, "interview.q.confidentiality", "");
            answer(pty, language, "interview.q.identity-name", realName);
            answer(pty, language, "interview.q.identity-other-names", "Nadiajan " + marker);
            pty.type(".");
            answer(pty, language, "interview.q.identity-contact", "");
            answer(pty, language, "interview.q.vulnerability", ".");
            answer(pty, language, "interview.q.referrals", "psychosocial support " + marker);
            pty.type(".");
            answer(pty, language, "interview.q.connection", "1");
            answer(pty, language, "interview.q.reliability", "");
            answer(pty, language, "interview.q.account-language", "");
            pty.expect(say(language, "interview.q.account"));
            pty.type(accountLine);
            pty.type(secondLine);
            pty.type(".");
            answer(pty, language, "interview.q.notes", ".");
            answer(pty, language, "interview.q.events", "1");
            answer(pty, language, "interview.q.event-act", "arbitrary detention " + marker);
            answer(pty, language, "interview.q.event-precision", "2");
            answer(pty, language, "interview.q.event-estimate", "2025-03");
            answer(pty, language, "interview.q.event-place", "");
            answer(pty, language, "interview.q.events", "4");
            answer(pty, language, "interview.q.acknowledged", "1");
            answer(pty, language, "interview.q.ended-at", "");
            answer(pty, language, "interview.review.choose", "1");
            String sealed = pty.expect(say(language, "record.single-key").substring(0, 12));
            assertEquals(0, pty.exitCode(), pty.screen());
            Matcher id = RECORD_ID.matcher(sealed);
            assertTrue(id.find(), sealed);
            InterviewEndClearsTheScreenTest.assertClearedAfter(pty.screen(), marker, id.group());

            Path bag = run.resolve("week.zip");
            homes.gawah.in(homes.documenter, "submit", "--out", bag.toString()).ok();
            homes.gawah.in(homes.legal, "import", bag.toString()).ok();
            JsonNode testimony = new ObjectMapper().readTree(homes.gawah.in(homes.legal, "open", id.group()).ok().stdout());
            String expectedAccount = Normalizer.normalize(accountLine + "\n" + secondLine, Normalizer.Form.NFC);
            assertEquals(expectedAccount, testimony.at("/account/text").asText());
            assertEquals(Normalizer.normalize(place + " " + marker, Normalizer.Form.NFC), testimony.at("/interview/place").asText());
            assertEquals("W-0193", testimony.at("/witness/pseudonym").asText());
            assertEquals("[\"legal_team\",\"icc\"]", testimony.at("/consent/recipients").toString());
            assertTrue(testimony.at("/consent/anonymity").asBoolean());
            assertFalse(testimony.at("/consent/audio_video").asBoolean());
            assertEquals("psychosocial support " + marker, testimony.at("/witness/referrals_offered/0").asText());
            assertTrue(testimony.at("/witness/vulnerability").isMissingNode(), testimony.toString());
            assertEquals("estimate", testimony.at("/events/0/date/precision").asText());
            assertEquals("Documenter D-14", testimony.at("/interview/present/0/name").asText());
            String identity = homes.gawah.in(homes.legal, "open", id.group(), "--identity").ok().out();
            assertTrue(identity.contains(realName), identity);
            assertTrue(identity.contains("\"other_names\": [\n    \"Nadiajan " + marker + "\"\n  ]"), identity);
        }
        assertNoFileHolds(marker, started, homes.documenter, tmp, userHome, Path.of(System.getProperty("java.io.tmpdir")));
    }

    private static void answer(Pty pty, Locale language, String question, String typed) {
        pty.expect(say(language, question));
        pty.type(typed);
    }

    static String say(Locale language, String key) {
        return Said.of(key).render(language);
    }

    /** No file under these folders changed since {@code since} holds {@code marker} in UTF-8 (or UTF-16). */
    static void assertNoFileHolds(String marker, FileTime since, Path... folders) throws IOException {
        List<byte[]> needles = List.of(marker.getBytes(StandardCharsets.UTF_8), marker.getBytes(StandardCharsets.UTF_16LE),
                marker.getBytes(StandardCharsets.UTF_16BE));
        int checked = 0;
        for (Path folder : folders) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.filter(Files::isRegularFile).filter(Files::isReadable).toList()) {
                    byte[] content;
                    try {
                        if (Files.getLastModifiedTime(file).compareTo(since) < 0 || Files.size(file) > (256 << 20)) {
                            continue;
                        }
                        content = Files.readAllBytes(file);
                    } catch (IOException e) {
                        continue; // Another process's temp file, gone since the listing.
                    }
                    checked++;
                    for (byte[] needle : needles) {
                        assertFalse(indexOf(content, needle) >= 0, file + " holds typed text");
                    }
                }
            } catch (java.io.UncheckedIOException e) {
                // A file vanished while walking (another test's temp file): nothing to check there.
            }
        }
        assertTrue(checked > 0, "no file was written at all: the check checked nothing");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
