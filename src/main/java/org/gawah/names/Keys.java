package org.gawah.names;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The keys of name rules {@value Folding#RULES}: strings that a piece of text and a person's
 * name both turn into when the text names the person (docs/format/testimony.md, "Name keys").
 * Four kinds, each a prefix:
 * <ul>
 * <li>{@code w:} folded letters of one or more words written together ({@code w:مریمنمونه} for
 * "مریم نمونه" and for "مریم‌نمونه");</li>
 * <li>{@code s:} the {@linkplain Spelling#skeleton skeleton} of one word;</li>
 * <li>{@code i:} an initial and a word: {@code i:z:w:testname}, {@code i:z:s:tstnmV};</li>
 * <li>{@code d:} a telephone number: its last nine digits (the national significant number of an
 * Afghan number, whatever prefix was written: +93, 0093, 0 or none), or all of them when it has
 * five to eight.</li>
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

    private static void contact(Set<String> keys, String folded) {
        List<Words.Word> words = Words.of(folded);
        if (!words.isEmpty()) {
            for (int start = 0; start + Math.min(WINDOW, words.size()) <= words.size(); start++) {
                StringBuilder joined = new StringBuilder();
                words.subList(start, start + Math.min(WINDOW, words.size())).forEach(w -> joined.append(w.text()));
                keys.add("w:" + joined);
            }
        }
        for (String digits : Phones.numbers(folded, words)) {
            String key = phone(digits);
            if (key != null) {
                keys.add(key);
            }
        }
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
