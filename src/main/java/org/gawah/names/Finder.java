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
                if (known.contains("w:" + joined) || end == i + 1 && initialMatches(word, list.get(end))) {
                    found.add(new int[] {word.start(), list.get(end).end()});
                }
            }
        }
        for (int[] run : Phones.runs(folded, list)) {
            for (int first = run[0]; first <= run[1]; first++) {
                StringBuilder digits = new StringBuilder();
                for (int last = first; last <= run[1]; last++) {
                    digits.append(list.get(last).text());
                    String key = Keys.phone(digits.toString());
                    if (key != null && known.contains(key)) {
                        int start = list.get(first).start();
                        while (start > 0 && "+(".indexOf(folded.charAt(start - 1)) >= 0) {
                            start--; // "+93", "(0)700": the sign belongs to the number
                        }
                        found.add(new int[] {start, list.get(last).end()});
                    }
                }
            }
        }
        return merge(found, folding, original);
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
