package org.gawah.custody;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.gawah.Language;
import org.junit.jupiter.api.Test;

/**
 * {@code gawah log} names each entry's action in words: every action a log can hold has its own
 * words in every language. Before the evidence records branch, {@code timestamped} and
 * {@code tsa_pinned} had none, and a log holding them threw instead of printing.
 */
class EveryActionHasWordsTest {
    @Test
    void everyActionHasItsOwnWordsInEveryLanguage() {
        for (Locale locale : Language.SUPPORTED) {
            Set<String> seen = new HashSet<>();
            for (Action action : Action.values()) {
                String words = action.words().render(locale);
                assertFalse(words.isBlank(), action + " in " + locale);
                assertNotEquals(action.words().key(), words, action + " in " + locale);
                assertFalse(!seen.add(words), action + " shares its words in " + locale + ": " + words);
            }
        }
    }
}
