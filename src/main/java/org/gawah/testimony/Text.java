package org.gawah.testimony;

import java.util.Locale;
import com.fasterxml.jackson.databind.JsonNode;
import java.text.Normalizer;

/**
 * The rules every free-text value obeys: a JSON string, no control characters but tab and line
 * breaks (they hide text from reviewers and break terminals), no unpaired surrogates (not
 * encodable in UTF-8), NFC so the same words are the same bytes, not blank, within a size limit.
 */
final class Text {
    /** Limit for every free-text value but the account. */
    static final int LIMIT = 64 * 1024;

    private Text() {
    }

    /**
     * Checks one free-text value and returns it NFC-normalised. The value itself never appears in
     * a message; only where it is and what is wrong.
     */
    static String check(JsonNode v, String at, int maxBytes) {
        if (!v.isTextual()) {
            throw Input.refusal(at, Messages.of("field.must-be-string"));
        }
        String s = v.textValue();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                throw Input.refusal(at, Messages.of("field.control-character", String.format(Locale.ROOT, "%04X", (int) c), i));
            }
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    throw Input.refusal(at, Messages.of("field.unpaired-surrogate", i));
                }
            }
        }
        s = Normalizer.normalize(s, Normalizer.Form.NFC);
        if (s.isBlank()) {
            throw Input.refusal(at, Messages.of("field.blank"));
        }
        if (utf8Length(s) > maxBytes) {
            throw Input.refusal(at, Messages.of("field.too-long", maxBytes / 1024));
        }
        return s;
    }

    private static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
