package org.gawah.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gawah.names.Finder;
import org.junit.jupiter.api.Test;

/**
 * What the window's export preview shows (each place a witness's name was found, in its words)
 * comes from the very search that masks the package: every text the redacted copy changed is
 * given back as sealed, with where the name was found, and masking those places is the
 * redacted copy's text, no more and no less.
 */
class RedactionSaysWhereItFoundTheNameTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyTextTheCopyChangedIsGivenWithWhereTheNameWas() throws Exception {
        JsonNode testimony = JSON.readTree("""
                {"schema": "gawah.testimony/1", "record_id": "GWH-7K3M-9QXA-2D4F-8ZZP",
                 "account": {"language": "prs", "text": "شاهد گفت: من مریم نمونه هستم. مریم‌جان را همه می‌شناسند."},
                 "documenter_notes": "Calm; no name given here.",
                 "events": [{"description": "They came for Maryam at night"}],
                 "attachments": [{"id": "GWA-7K3M-9QXA-2D4F-8ZZP", "file_name": "maryamhome.jpg"}]}
                """);
        Redaction.Masker names = new Redaction.Masker(List.of("مریم نمونه", "Maryam"), null);
        Redaction.Result result = Redaction.of("GWH-7K3M-9QXA-2D4F-8ZZP.testimony", "c".repeat(64), testimony, List.of(), names);
        JsonNode copy = JSON.readTree(result.bytes()).get("testimony");

        assertEquals(List.of("account.text", "events[0].description", "attachments[0].file_name"),
                result.matches().stream().map(Redaction.Match::path).toList());
        for (Redaction.Match match : result.matches()) {
            assertEquals(testimony.at(pointer(match.path())).asText(), match.text(), "the text as sealed");
            assertTrue(!match.spans().isEmpty(), match.path());
            assertEquals(copy.at(pointer(match.path())).asText(), masked(match), "the places found are what the copy withholds");
        }
        Redaction.Match account = result.matches().get(0);
        List<String> found = account.spans().stream().map(s -> account.text().substring(s.start(), s.end())).toList();
        assertEquals(List.of("مریم نمونه", "مریم‌جان"), found);
    }

    @Test
    void twoMaskersTogetherFindEachOnesNamesInTheTextAsItIs() {
        Redaction.Masker names = new Redaction.Masker("زرمینه", null).and(new Redaction.Masker("Ali Rezai", "+93 700 111 222"));
        String note = "زرمینه said Ali Rezai was there; call +93 700 111 222";
        List<Finder.Span> spans = names.find(note, false);
        List<String> found = spans.stream().map(s -> note.substring(s.start(), s.end())).toList();
        // Over-matching is the search's safe side: a span may take a word more than the name.
        assertEquals(3, found.size(), found.toString());
        assertTrue(found.get(0).contains("زرمینه") && found.get(1).contains("Ali Rezai")
                && found.get(2).contains("+93 700 111 222"), found.toString());
        assertEquals(names.mask(note), replace(note, spans));
    }

    private static String masked(Redaction.Match match) {
        return replace(match.text(), match.spans());
    }

    private static String replace(String text, List<Finder.Span> spans) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (Finder.Span span : spans) {
            out.append(text, at, span.start()).append(Redaction.MARK);
            at = span.end();
        }
        return out.append(text.substring(at)).toString();
    }

    /** "events[0].description" as a JSON pointer. */
    private static String pointer(String path) {
        return "/" + path.replaceAll("\\[(\\d+)]", ".$1").replace('.', '/');
    }
}
