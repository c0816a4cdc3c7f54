package org.gawah.names;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds a person in text by their {@link Keys}: every window of up to {@value Keys#WINDOW} words
 * of the folded text is turned into keys the way the name was, and looked up. One word is also
 * looked up without the suffixes and prefixes Dari and Pashto attach to a name (مریم‌جان,
 * مریمها, ومریم; Zarmina's, Zarminajan). In a file name, any part of a word is looked up too
 * ("zarminahome.jpg"). Over-matching is the safe side: it withholds a word that was not the name.
 */
public final class Finder {
    private static final String[] SUFFIXES = {"هایی", "های", "ها", "گان", "یان", "ان", "جان", "شان", "تان", "مان",
        "ام", "ات", "اش", "ای", "یی", "یم", "ید", "ند", "را", "ته", "ی", "ه", "و", "jaan", "jan", "jon", "ji", "es", "s"};
    private static final String[] PREFIXES = {"و", "ب", "د"};

    /** Where a match lies in the original text. */
    public record Span(int start, int end) {
    }

    private final KnownKeys known;
    private final Map<String, Boolean> words = new HashMap<>();
    /** Transliteration is the costly step: each word's skeleton and initial once. */
    private final Map<String, String> skeletons = new HashMap<>();
    private final Map<String, String> initials = new HashMap<>();
    private final Map<String, String> latins = new HashMap<>();
    /** The longest skeleton a name written in pieces is looked up by. */
    static final int LONGEST_SPLIT = 14;

    public Finder(KnownKeys known) {
        this.known = known;
    }

    /** The original text with every match replaced by {@code mark}. */
    public String mask(String original, String mark, boolean fileName) {
        List<Span> spans = find(original, fileName);
        if (spans.isEmpty()) {
            return original;
        }
        StringBuilder out = new StringBuilder(original.length());
        int at = 0;
        for (Span span : spans) {
            out.append(original, at, span.start()).append(mark);
            at = span.end();
        }
        return out.append(original, at, original.length()).toString();
    }

    /** Matches in the original text, in order, overlapping ones and ones only spaces apart merged. */
    public List<Span> find(String original, boolean fileName) {
        if (known.isEmpty()) {
            return List.of();
        }
        Folding folding = Folding.of(original);
        String folded = folding.text();
        List<Words.Word> list = Words.of(folded);
        List<int[]> found = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Words.Word word = list.get(i);
            if (!word.digits() && (wordMatches(word.text()) || fileName && partMatches(word.text()))) {
                found.add(new int[] {word.start(), word.end()});
            }
            StringBuilder joined = new StringBuilder(word.text());
            for (int end = i + 1; end < Math.min(list.size(), i + Keys.WINDOW); end++) {
                joined.append(list.get(end).text());
                List<Words.Word> window = list.subList(i, end + 1);
                if (joinedMatches(window, joined) || end == i + 1 && initialMatches(word, list.get(end))
                        || splitMatches(window)) {
                    found.add(new int[] {word.start(), list.get(end).end()});
                }
            }
        }
        phones(folded, list, found);
        return merge(found, folding, original);
    }

    /**
     * Words written together, as a {@code w:} key. Digits alone are a telephone number (looked up
     * by {@link #phones}); words with digits are looked up only where the {@code m:} marker of
     * their shape says a contact has that shape, since such a key is hashed slowly.
     */
    private boolean joinedMatches(List<Words.Word> window, CharSequence joined) {
        boolean digits = false;
        boolean letters = false;
        for (Words.Word word : window) {
            digits |= word.digits();
            letters |= !word.digits();
        }
        if (!letters) {
            return false;
        }
        return (!digits || known.mayContain("m:" + Keys.shape(window))) && known.contains("w:" + joined);
    }

    /**
     * Telephone numbers: in each run of digit groups, the digits up to each group, looked up as
     * the contact's were keyed ({@link Keys}): the last nine once there are nine or more (the run
     * from its first group is then withheld: a country code or a leading 0 is part of the number),
     * else each stretch of five to eight. A length is looked up only where its {@code n:} marker
     * says a contact has a number of that length: each lookup of digits is a slow hash.
     */
    private void phones(String folded, List<Words.Word> list, List<int[]> found) {
        boolean long9 = known.mayContain(Keys.marker(9));
        for (int[] run : Phones.runs(folded, list)) {
            for (int last = run[0]; last <= run[1]; last++) {
                String digits = "";
                for (int first = last; first >= run[0]; first--) {
                    digits = list.get(first).text() + digits;
                    if (digits.length() >= 9) {
                        if (long9 && known.contains(Keys.phone(digits))) {
                            found.add(new int[] {numberStart(folded, list.get(run[0]).start()), list.get(last).end()});
                        }
                        break;
                    }
                    if (digits.length() >= 5 && known.mayContain(Keys.marker(digits.length()))
                            && known.contains(Keys.phone(digits))) {
                        found.add(new int[] {numberStart(folded, list.get(first).start()), list.get(last).end()});
                    }
                }
            }
        }
    }

    /** "+93", "(0)700": the sign before a number belongs to it. */
    private static int numberStart(String folded, int start) {
        while (start > 0 && "+(".indexOf(folded.charAt(start - 1)) >= 0) {
            start--;
        }
        return start;
    }

    private boolean wordMatches(String word) {
        return words.computeIfAbsent(word, w -> {
            for (String stem : stems(w)) {
                if (known.contains("w:" + stem) || known.contains("s:" + skeleton(stem))) {
                    return true;
                }
            }
            return false;
        });
    }

    /**
     * A name written in pieces ("Zar mina", "Zar-mina", "زر مینه"): the words of the window read as
     * one, compared by its skeleton as one word is, the last with its suffixes taken off (its
     * {@code w:} form is looked up above). Only a window that starts and ends with a word of two
     * letters or more ("Tes-t-nam" is one), and whose
     * skeleton is no longer than a name part's can be ({@value #LONGEST_SPLIT} symbols): past that
     * it is a phrase, not a name cut in two, and looking it up would only cost time.
     */
    private boolean splitMatches(List<Words.Word> window) {
        StringBuilder latin = new StringBuilder();
        StringBuilder folded = new StringBuilder();
        for (int k = 0; k < window.size() - 1; k++) {
            Words.Word part = window.get(k);
            if (part.digits() || k == 0 && part.text().codePointCount(0, part.text().length()) < 2) {
                return false;
            }
            latin.append(latin(part.text()));
            folded.append(part.text());
        }
        Words.Word last = window.get(window.size() - 1);
        if (last.digits() || last.text().codePointCount(0, last.text().length()) < 2) {
            return false;
        }
        for (String stem : stems(last.text())) {
            String skeleton = Spelling.skeletonOfLatin(latin + latin(stem));
            if (skeleton.length() <= LONGEST_SPLIT && (known.contains("s:" + skeleton)
                    || !stem.equals(last.text()) && known.contains("w:" + folded + stem))) {
                return true;
            }
        }
        return false;
    }

    /** Any part of the word of three letters or more (file names run words together). */
    private boolean partMatches(String word) {
        int[] points = word.codePoints().toArray();
        for (int from = 0; from < points.length; from++) {
            for (int to = from + 3; to <= points.length; to++) {
                String part = new String(points, from, to - from);
                if (known.contains("w:" + part) || known.contains("s:" + Spelling.skeleton(part))) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean initialMatches(Words.Word a, Words.Word b) {
        return initialAndWord(a, b) || initialAndWord(b, a);
    }

    private boolean initialAndWord(Words.Word initial, Words.Word word) {
        if (initial.digits() || word.digits() || initial.text().codePointCount(0, initial.text().length()) != 1) {
            return false;
        }
        String letter = initials.computeIfAbsent(initial.text(), Spelling::initial);
        return !letter.isEmpty() && (known.contains("i:" + letter + ":w:" + word.text())
                || known.contains("i:" + letter + ":s:" + skeleton(word.text())));
    }

    private String skeleton(String word) {
        return skeletons.computeIfAbsent(word, Spelling::skeleton);
    }

    private String latin(String word) {
        return latins.computeIfAbsent(word, Spelling::latin);
    }

    /** The word and what is left of it without one prefix and up to two suffixes, of two letters or more. */
    static List<String> stems(String word) {
        List<String> stems = new ArrayList<>();
        stems.add(word);
        List<String> unprefixed = new ArrayList<>(List.of(word));
        for (String prefix : PREFIXES) {
            if (word.startsWith(prefix) && word.length() - prefix.length() >= 2) {
                unprefixed.add(word.substring(prefix.length()));
            }
        }
        for (String base : unprefixed) {
            if (!stems.contains(base)) {
                stems.add(base);
            }
            for (String suffix : SUFFIXES) {
                if (base.endsWith(suffix) && base.length() - suffix.length() >= 2) {
                    String once = base.substring(0, base.length() - suffix.length());
                    stems.add(once);
                    for (String second : SUFFIXES) {
                        if (once.endsWith(second) && once.length() - second.length() >= 2) {
                            stems.add(once.substring(0, once.length() - second.length()));
                        }
                    }
                }
            }
        }
        return stems;
    }

    private static List<Span> merge(List<int[]> found, Folding folding, String original) {
        found.sort((x, y) -> x[0] != y[0] ? Integer.compare(x[0], y[0]) : Integer.compare(y[1], x[1]));
        List<Span> spans = new ArrayList<>();
        for (int[] f : found) {
            int start = folding.originalStart(f[0]);
            int end = folding.originalEnd(f[1]);
            if (!spans.isEmpty()) {
                Span last = spans.get(spans.size() - 1);
                if (start <= last.end() || original.substring(last.end(), start).isBlank()) {
                    spans.set(spans.size() - 1, new Span(last.start(), Math.max(last.end(), end)));
                    continue;
                }
            }
            spans.add(new Span(start, end));
        }
        return spans;
    }
}
