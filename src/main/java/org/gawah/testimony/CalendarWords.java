package org.gawah.testimony;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gawah.names.Folding;

/**
 * The words a typed date may hold (calendar-words.tsv): month names, the calendar words written
 * after a date (SH, ه.ش, لمریز, AH, CE), and words that say nothing more (ماه, سال, of). Also
 * how a typed date is cut into numbers and words.
 */
final class CalendarWords {
    private static final String RESOURCE = "calendar-words.tsv";

    enum Kind { MONTH, CALENDAR, SKIP }

    /** What a word means: a month of a calendar, a calendar, or nothing. */
    record Word(Kind kind, DateCalendar calendar, int month) {
    }

    /** A run of digits (as ASCII digits) or of letters (folded). */
    record Token(boolean number, String text) {
    }

    /** A word of the list found in a typed date, and how many tokens it spans. */
    record Match(Word word, int length) {
    }

    private static final Map<List<String>, Word> WORDS = new HashMap<>();
    private static final int LONGEST = load();

    private CalendarWords() {
    }

    /**
     * Cuts {@code text} into numbers (any script's decimal digits, written as ASCII) and words,
     * folded by the one normalisation ({@link Folding#foldListWord}: marks, tatweel, zero-width
     * joiners and apostrophes are dropped without separating, so ربیع‌الاول is one word and
     * Sha'ban is shaban); everything else separates them.
     */
    static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        String folded = Folding.foldListWord(text);
        int i = 0;
        while (i < folded.length()) {
            int c = folded.codePointAt(i);
            boolean number = c >= '0' && c <= '9';
            if (!number && !Character.isLetter(c)) {
                i += Character.charCount(c);
                continue;
            }
            int start = i;
            while (i < folded.length()) {
                int next = folded.codePointAt(i);
                if (number ? next < '0' || next > '9' : !Character.isLetter(next)) {
                    break;
                }
                i += Character.charCount(next);
            }
            tokens.add(new Token(number, folded.substring(start, i)));
        }
        return tokens;
    }

    /** The longest word of the list that starts at {@code tokens[at]}, or null. */
    static Match match(List<Token> tokens, int at) {
        for (int length = Math.min(LONGEST, tokens.size() - at); length > 0; length--) {
            List<String> words = new ArrayList<>(length);
            for (Token token : tokens.subList(at, at + length)) {
                if (token.number()) {
                    break;
                }
                words.add(token.text());
            }
            Word word = words.size() == length ? WORDS.get(words) : null;
            if (word != null) {
                return new Match(word, length);
            }
        }
        return null;
    }

    private static int load() {
        int longest = 1;
        try (InputStream in = CalendarWords.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource missing: " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                Kind kind = Kind.valueOf(columns[0].toUpperCase(java.util.Locale.ROOT));
                Word word = new Word(kind, DateCalendar.byId(columns[1]),
                        columns[2].equals("-") ? 0 : Integer.parseInt(columns[2]));
                for (String spelling : columns[3].split("\\|")) {
                    List<String> words = tokens(spelling.strip()).stream().map(Token::text).toList();
                    longest = Math.max(longest, words.size());
                    add(words, word, line);
                    if (words.size() > 1) {
                        add(List.of(String.join("", words)), word, line);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return longest;
    }

    private static void add(List<String> words, Word word, String line) {
        Word before = WORDS.putIfAbsent(words, word);
        if (before != null && !before.equals(word)) {
            throw new IllegalStateException(RESOURCE + ": " + words + " means two things, in: " + line); // a bug in the list
        }
    }
}
