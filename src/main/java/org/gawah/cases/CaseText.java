package org.gawah.cases;

import java.text.Normalizer;

import org.gawah.Failure;
import org.gawah.GawahException;

/**
 * The rules for the legal team's own text (case titles, analyst notes): no control characters
 * but tab and line breaks, no unpaired surrogates, NFC, not blank, bounded. The text itself is
 * never echoed in a message: it may name people.
 */
final class CaseText {
    private CaseText() {
    }

    static String check(String text, String what, int maxChars, boolean oneLine) {
        if (text == null || text.isBlank()) {
            throw new GawahException(Failure.USAGE, what + " is empty");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lineBreak = c == '\n' || c == '\r' || c == '\t';
            if (Character.isISOControl(c) && !(lineBreak && !oneLine)) {
                throw new GawahException(Failure.USAGE, what + " holds control character U+"
                        + String.format("%04X", (int) c) + " at position " + i
                        + (oneLine ? " (it must be one line)" : ""));
            }
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    throw new GawahException(Failure.USAGE, what + " holds an unpaired surrogate at position " + i);
                }
            }
        }
        String normalized = Normalizer.normalize(text.strip(), Normalizer.Form.NFC);
        if (normalized.length() > maxChars) {
            throw new GawahException(Failure.USAGE, what + " is longer than " + maxChars + " characters");
        }
        return normalized;
    }
}
