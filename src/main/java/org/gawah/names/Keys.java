package org.gawah.names;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The keys of name rules {@value Folding#RULES}: strings that a piece of text and a person's
 * name both turn into when the text names the person (docs/format/testimony.md, "Name keys").
 * Each kind has a prefix:
 * <ul>
 * <li>{@code w:} folded letters of one or more words written together ({@code w:مریمنمونه} for
 * "مریم نمونه" and for "مریم‌نمونه"), and the contact's words in fours, letters and digits;</li>
 * <li>{@code s:} the {@linkplain Spelling#skeleton skeleton} of one word;</li>
 * <li>{@code i:} an initial and a word: {@code i:z:w:testname}, {@code i:z:s:tstnmV};</li>
 * <li>{@code d:} a telephone number: its last nine digits (the national significant number of an
 * Afghan number, whatever prefix was written: +93, 0093, 0 or none), or all of them when it has
 * five to eight;</li>
 * <li>{@code n:} and {@code m:} markers, which hold no digit: {@code n:#########} says a {@code d:}
 * key of that many digits exists, {@code m:} a {@code w:} key of the contact's words with each
 * run of digits written {@code #}. A matcher looks up a key with digits (hashed slowly, see
 * {@link KnownKeys.Hashed}) only where a marker says it may be one.</li>
 * </ul>
 */
public final class Keys {
    /** The most words a text window joins: a contact of up to four words matches whole. */
    public static final int WINDOW = 4;

    private Keys() {
    }

    /** Every key of a person: each spelling of the name (the name, its other spellings) and the contact. */
    public static Set<String> ofPerson(List<String> spellings, String contact) {
        Set<String> keys = new LinkedHashSet<>();
        for (String spelling : spellings) {
            if (spelling != null) {
                name(keys, letterWords(Folding.fold(spelling)));
            }
        }
        if (contact != null) {
            contact(keys, Folding.fold(contact));
        }
        return keys;
    }

    private static void name(Set<String> keys, List<String> words) {
        List<String> parts = words.stream().filter(w -> w.codePointCount(0, w.length()) >= 2).toList();
        for (String part : parts) {
            word(keys, part);
        }
        // Written without the space: every run of parts in order, every pair in either order.
        for (int start = 0; start < parts.size(); start++) {
            for (int end = start + 2; end <= parts.size(); end++) {
                together(keys, parts.subList(start, end));
            }
            for (int other = 0; other < parts.size(); other++) {
                if (other != start) {
                    together(keys, List.of(parts.get(other), parts.get(start)));
                }
            }
        }
        // An initial and another part: "Z. Testname", "Testname Z".
        for (String initialOf : words) {
            String initial = Spelling.initial(initialOf);
            for (String part : parts) {
                if (!initial.isEmpty() && !part.equals(initialOf)) {
                    keys.add("i:" + initial + ":w:" + part);
                    Spelling.skeletonsOfName(part).forEach(s -> keys.add("i:" + initial + ":s:" + s));
                }
            }
        }
    }

    private static void word(Set<String> keys, String folded) {
        keys.add("w:" + folded);
        Spelling.skeletonsOfName(folded).forEach(s -> keys.add("s:" + s));
    }

    /**
     * Parts written as one word. Its skeleton is the parts' skeletons joined, without the vowels
     * where they meet (inside a word they are dropped): زرمینه + تستنام → zrmn + tstnm.
     */
    private static void together(Set<String> keys, List<String> parts) {
        keys.add("w:" + String.join("", parts));
        StringBuilder skeleton = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            String one = Spelling.skeleton(parts.get(i));
            if (i > 0 && one.startsWith("V")) {
                one = one.substring(1);
            }
            if (i < parts.size() - 1 && one.endsWith("V")) {
                one = one.substring(0, one.length() - 1);
            }
            skeleton.append(one);
        }
        String joined = skeleton.toString();
        for (String form : List.of(joined, joined.endsWith("V") ? joined.substring(0, joined.length() - 1) : joined + "V")) {
            if (Spelling.distinctive(form)) {
                keys.add("s:" + form);
            }
        }
    }

    /**
     * The contact's words in fours ({@code w:}, with an {@code m:} marker when they hold digits; a
     * window of digits alone is a telephone number, keyed by {@code d:}), and its telephone
     * numbers: in each run of digit groups, the last nine digits of the run up to each group
     * where it has nine or more, or the whole run when it has five to eight. Never a shorter
     * stretch of a longer number: its few digits would be quick to guess whatever the hash.
     */
    private static void contact(Set<String> keys, String folded) {
        List<Words.Word> words = Words.of(folded);
        if (!words.isEmpty()) {
            for (int start = 0; start + Math.min(WINDOW, words.size()) <= words.size(); start++) {
                List<Words.Word> window = words.subList(start, start + Math.min(WINDOW, words.size()));
                if (window.stream().allMatch(Words.Word::digits)) {
                    continue;
                }
                StringBuilder joined = new StringBuilder();
                window.forEach(w -> joined.append(w.text()));
                keys.add("w:" + joined);
                if (window.stream().anyMatch(Words.Word::digits)) {
                    keys.add("m:" + shape(window));
                }
            }
        }
        for (int[] run : Phones.runs(folded, words)) {
            StringBuilder digits = new StringBuilder();
            for (int k = run[0]; k <= run[1]; k++) {
                digits.append(words.get(k).text());
                if (digits.length() >= 9) {
                    keys.add(phone(digits.toString()));
                    keys.add(marker(9));
                }
            }
            if (digits.length() >= 5 && digits.length() < 9) {
                keys.add(phone(digits.toString()));
                keys.add(marker(digits.length()));
            }
        }
    }

    /** The words joined, each run of digits written {@code #}: the {@code m:} marker of a window. */
    static String shape(List<Words.Word> window) {
        StringBuilder shape = new StringBuilder();
        for (Words.Word word : window) {
            shape.append(word.digits() ? "#" : word.text());
        }
        return shape.toString();
    }

    /** The {@code n:} marker of telephone keys of {@code length} digits (nine: the last nine of a longer number). */
    static String marker(int length) {
        return "n:" + "#".repeat(length);
    }

    /** The key of a run of digits, or null when it is too short to be a telephone number. */
    static String phone(String digits) {
        if (digits.length() >= 9) {
            return "d:" + digits.substring(digits.length() - 9);
        }
        return digits.length() >= 5 ? "d:" + digits : null;
    }

    static List<String> letterWords(String folded) {
        List<String> words = new ArrayList<>();
        for (Words.Word word : Words.of(folded)) {
            if (!word.digits()) {
                words.add(word.text());
            }
        }
        return words;
    }
}
