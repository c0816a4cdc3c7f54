package org.gawah.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gawah.Language;
import org.gawah.testsupport.Homes;
import org.gawah.testsupport.Media;
import org.gawah.testsupport.Pty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gawah interview --attach}: the files are read before the first question, the review
 * lists them with what each could tell of the witness (a photo's GPS coordinates, its camera's
 * serial numbers and owner) before the documenter seals, and the record seals them with their
 * metadata. On a real pseudo-terminal, in English.
 */
class InterviewWarnsOfWhatAPhotoTellsTest {
    private static final Locale EN = Language.ENGLISH;
    private static final Pattern RECORD_ID = Pattern.compile("GWH(-[0-9A-Z]{4}){4}");

    @TempDir
    Path base;

    @Test
    void theReviewWarnsOfThePhotosCoordinatesAndSerialsBeforeItIsSealed() throws Exception {
        Homes homes = Homes.copied(base.resolve("homes"));
        Path photo = Media.photoWithGps(base, "photo.jpg");
        Path transcript = java.nio.file.Files.writeString(base.resolve("notes.txt"), "what the photo shows");
        try (Pty pty = Pty.start(Pty.gawah(List.of(), "interview", "--home", homes.documenter.toString(), "--lang", "en",
                        "--attach", photo.toString(), "--attach", transcript.toString(), "--translation-of", "photo.jpg"),
                Map.of("LANG", "C.UTF-8", "TERM", "xterm", "LINES", "60", "COLUMNS", "160"), base)) {
            pty.expect("Passphrase");
            pty.type(Homes.PASSPHRASE);
            answer(pty, "interview.q.purpose", "1");
            answer(pty, "interview.q.withdrawal", "1");
            answer(pty, "interview.q.recipients", "1");
            answer(pty, "interview.q.audio-video", "2");
            answer(pty, "interview.q.anonymity", "1");
            answer(pty, "interview.q.started-at", "");
            answer(pty, "interview.q.place", "Kabul");
            answer(pty, "interview.q.documenter", "");
            answer(pty, "interview.q.interpreter", "");
            answer(pty, "interview.q.interview-languages", "English");
            answer(pty, "interview.q.record-languages", "");
            answer(pty, "interview.q.pseudonym", "W-9");
            answer(pty, "interview.q.confidentiality", "");
            answer(pty, "interview.q.identity-name", "");
            answer(pty, "interview.q.vulnerability", ".");
            answer(pty, "interview.q.referrals", ".");
            answer(pty, "interview.q.connection", "1");
            answer(pty, "interview.q.reliability", "");
            answer(pty, "interview.q.account-language", "");
            answer(pty, "interview.q.account", "They came at night.");
            pty.type(".");
            answer(pty, "interview.q.notes", ".");
            answer(pty, "interview.q.events", "4");
            answer(pty, "interview.q.acknowledged", "1");
            answer(pty, "interview.q.ended-at", "");

            pty.expect(say("interview.review"));
            pty.expect(say("interview.review.files"));
            pty.expect(Said.of("attach.gps", "photo.jpg").render(EN).substring(0, 40));
            pty.expect(Said.of("attach.device", "photo.jpg").render(EN).substring(0, 40));
            pty.expect(say("interview.review.choose"));
            pty.type("1");
            String sealed = pty.expect(say("record.single-key").substring(0, 12));
            assertEquals(0, pty.exitCode(), pty.screen());
            Matcher id = RECORD_ID.matcher(sealed);
            assertTrue(id.find(), sealed);

            Path bag = base.resolve("week.zip");
            homes.gawah.in(homes.documenter, "submit", "--out", bag.toString()).ok();
            homes.gawah.in(homes.legal, "import", bag.toString()).ok();
            JsonNode attachments = new ObjectMapper().readTree(homes.gawah.in(homes.legal, "open", id.group()).ok().stdout())
                    .get("attachments");
            assertEquals(Media.LATITUDE, attachments.at("/0/metadata/gps/latitude").asDouble(), attachments.toString());
            assertEquals(Media.BODY_SERIAL, attachments.at("/0/metadata/serial_numbers/0").asText());
            assertEquals(attachments.at("/0/id").asText(), attachments.at("/1/translation_of").asText());
        }
    }

    private static void answer(Pty pty, String question, String typed) {
        pty.expect(say(question));
        pty.type(typed);
    }

    private static String say(String key) {
        return Said.of(key).render(EN);
    }
}
