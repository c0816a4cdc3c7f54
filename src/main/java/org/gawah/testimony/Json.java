package org.gawah.testimony;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.CharArrayReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.Message;

/**
 * Strict JSON in, one fixed JSON layout out. Both directions are here so the layout the
 * signature covers is defined in one place (docs/format/testimony.md describes it).
 */
public final class Json {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .build();

    /** 2-space indent, "\n" line ends, "key": value, empty containers as [] and {}. */
    private static final DefaultPrettyPrinter LAYOUT = new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    private Json() {
    }

    /**
     * Parses {@code bytes} as one UTF-8 JSON value. {@code what} names the document in messages.
     * Jackson's own messages are not passed on, nor is the cause kept: they quote the input, and
     * the input is secret.
     */
    public static JsonNode parse(byte[] bytes, long maxBytes, Message what) {
        return read(bytes, maxBytes, what);
    }


    /** {@code what} names the document in messages. */
    private static JsonNode read(byte[] bytes, long maxBytes, Message what) {
        if (bytes.length > maxBytes) {
            throw refused(Messages.of("json.too-large", what, maxBytes >> 20));
        }
        char[] chars = decodeUtf8(bytes, what);
        try {
            JsonNode node = MAPPER.readTree(new CharArrayReader(chars));
            if (node == null || node.isMissingNode()) {
                throw refused(Messages.of("json.empty", what));
            }
            return node;
        } catch (JsonProcessingException e) {
            throw refused(invalid(what, describe(e), e.getLocation()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    /** Writes {@code node} in the fixed layout, ending with a newline. */
    public static byte[] write(JsonNode node) {
        WipingBuffer out = new WipingBuffer();
        try (JsonGenerator gen = MAPPER.createGenerator(out)) {
            gen.setPrettyPrinter(LAYOUT.createInstance()); // it keeps state: one per use
            MAPPER.writeTree(gen, node);
            gen.flush();
            out.write('\n');
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            out.wipe();
        }
    }

    static GawahException refused(Message message) {
        return refused(message, null);
    }

    /** A refusal with what to do about it; null for the general hint (the format's documentation). */
    static GawahException refused(Message message, Message hint) {
        return new GawahException(Failure.INVALID_TESTIMONY, message, hint != null ? hint : Messages.of("json.hint"));
    }

    /** Java's decoder, unlike Jackson's, refuses overlong forms and encoded surrogates. */
    private static char[] decodeUtf8(byte[] bytes, Message what) {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            char[] result = Arrays.copyOfRange(chars.array(), chars.position(), chars.limit());
            Arrays.fill(chars.array(), '\0');
            return result;
        } catch (CharacterCodingException e) {
            throw refused(Messages.of("json.not-utf8", what));
        }
    }

    /** A safe summary of what Jackson found, or null: only the kinds whose wording carries no input. */
    private static Message describe(JsonProcessingException e) {
        String original = String.valueOf(e.getOriginalMessage());
        if (original.startsWith("Duplicate field")) {
            return Messages.of("json.duplicate-key");
        }
        if (original.startsWith("Trailing token")) {
            return Messages.of("json.trailing-data");
        }
        if (original.contains("end-of-input")) {
            return Messages.of("json.ends-early");
        }
        if (original.startsWith("Unexpected character") || original.startsWith("Unrecognized token")) {
            return Messages.of("json.unexpected-character");
        }
        return null;
    }

    /** Not valid JSON, with what Jackson found ({@code kind}, may be null) and where, if known. */
    private static Message invalid(Message what, Message kind, JsonLocation where) {
        if (where == null || where.getLineNr() < 1) {
            return kind == null ? Messages.of("json.invalid", what) : Messages.of("json.invalid-because", what, kind);
        }
        return kind == null ? Messages.of("json.invalid-at", what, where.getLineNr(), where.getColumnNr())
                : Messages.of("json.invalid-because-at", what, kind, where.getLineNr(), where.getColumnNr());
    }

    /** A byte buffer whose internal array can be zeroed once the result has been copied out. */
    private static final class WipingBuffer extends ByteArrayOutputStream {
        WipingBuffer() {
            super(64 * 1024);
        }

        void wipe() {
            Arrays.fill(buf, (byte) 0);
        }
    }
}
