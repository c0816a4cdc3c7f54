package org.gawah.cases;

import java.util.Locale;
import java.text.Normalizer;

import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.Message;

/**
 * The rules for the legal team's own text (case titles, analyst notes): no control characters
 * but tab and line breaks, no unpaired surrogates, NFC, not blank, bounded. The text itself is
 * never echoed in a message: it may name people.
 */
final class CaseText {
    private CaseText() {
    }

    /** {@code what} names the text in messages ("the case title"). */
    static String check(String text, Message what, int maxChars, boolean oneLine) {
        if (text == null || text.isBlank()) {
            throw new GawahException(Failure.USAGE, Messages.of("text.empty", what));
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lineBreak = c == '\n' || c == '\r' || c == '\t';
            if (Character.isISOControl(c) && !(lineBreak && !oneLine)) {
                String code = String.format(Locale.ROOT, "%04X", (int) c);
                throw new GawahException(Failure.USAGE, oneLine ? Messages.of("text.control-character-one-line", what, code, i)
                        : Messages.of("text.control-character", what, code, i));
            }
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    throw new GawahException(Failure.USAGE, Messages.of("text.unpaired-surrogate", what, i));
                }
            }
        }
        String normalized = Normalizer.normalize(text.strip(), Normalizer.Form.NFC);
        if (normalized.length() > maxChars) {
            throw new GawahException(Failure.USAGE, Messages.of("text.too-long", what, maxChars));
        }
        return normalized;
    }
}
