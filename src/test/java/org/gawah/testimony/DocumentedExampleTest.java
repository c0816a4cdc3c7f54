package org.gawah.testimony;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The example in docs/format/testimony.md is exactly what the code writes, byte for byte. */
class DocumentedExampleTest {
    private static final Path SPEC = Path.of("docs/format/testimony.md");

    @Test
    void specExampleIsWhatBuildWrites() throws IOException {
        List<String> blocks = jsonBlocks(Files.readString(SPEC, StandardCharsets.UTF_8));
        String testimony = blocks.get(0);
        String identity = blocks.get(1);
        assertTrue(testimony.contains("\u200c"), "the example keeps a ZWNJ");
        assertTrue(testimony.contains("ښ"), "the example has Pashto");

        // The input is the testimony without what gawah sets, plus the identity.
        ObjectNode input = (ObjectNode) Testimonies.read(testimony.getBytes(StandardCharsets.UTF_8));
        String recordId = input.remove("record_id").asText();
        Instant recordedAt = Instant.parse(input.remove("recorded_at").asText());
        input.remove("attachments");
        ObjectNode id = (ObjectNode) Fixtures.MAPPER.readTree(identity);
        id.remove(List.of("schema", "record_id"));
        input.set("identity", id);

        SealableTestimony built = Testimonies.build(input, recordId, recordedAt);
        assertEquals(testimony, new String(built.testimony(), StandardCharsets.UTF_8));
        assertEquals(identity, new String(built.identity(), StandardCharsets.UTF_8));
    }

    private static List<String> jsonBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        for (int start = markdown.indexOf("```json\n"); start >= 0; start = markdown.indexOf("```json\n", start)) {
            start += "```json\n".length();
            int end = markdown.indexOf("```", start);
            blocks.add(markdown.substring(start, end));
            start = end + 3;
        }
        return blocks;
    }
}
