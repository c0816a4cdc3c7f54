package org.gawah.names;

import java.util.LinkedHashSet;
import java.util.Set;

import com.ibm.icu.text.Transliterator;

/**
 * How a folded word sounds, roughly, whatever script it is written in: its Latin spelling and its
 * <em>skeleton</em>. Persian script leaves short vowels unwritten and a Latin spelling of a Dari
 * or Pashto name is one of many (Maryam, Mariam, Meryem; Mohammad, Muhammad), so two spellings
 * are compared by their consonants (docs/format/testimony.md, "Name keys"):
 * <ol>
 * <li>Latin spelling: Dari and Pashto letters by the table below, as Afghans spell names in Latin
 * letters (ض ذ ظ → z, ث ص → s, ع → a, ق → q, و → w, ی → y), then ICU's {@code Any-Latin;
 * Latin-ASCII; Lower} for every other script;</li>
 * <li>skeleton: kh, gh, sh, ch, zh, ph, th, dh, ck become one consonant each, q and c are k, x is
 * kh, v is w; doubled letters are written once; a vowel at the start is {@code V}; inside the
 * word vowels and y, w are dropped; a run of vowels, y, w or h at the end is one {@code V}.</li>
 * </ol>
 * So مریم, Maryam and Mariam are all {@code mrm}; زرمینه and Zarmina {@code zrmnV}; علی and Ali
 * {@code VlV}. Unrelated words share skeletons too (Mirwais and "Mrs" are {@code mrs}): the
 * matcher then withholds more than it must, which is the safe side.
 */
public final class Spelling {
    private static final String LETTERS = String.join(" ; ",
            "ا > a", "ب > b", "پ > p", "ت > t", "ټ > t", "ث > s", "ج > j", "چ > ch", "ح > h", "خ > kh", "څ > s",
            "ځ > z", "د > d", "ډ > d", "ذ > z", "ر > r", "ړ > r", "ز > z", "ژ > zh", "ږ > zh", "س > s", "ش > sh",
            "ښ > sh", "ص > s", "ض > z", "ط > t", "ظ > z", "ع > a", "غ > gh", "ف > f", "ق > q", "ک > k", "گ > g",
            "ل > l", "م > m", "ن > n", "ڼ > n", "و > w", "ه > h", "ی > y") + " ;\n:: Any-Latin ;\n:: Latin-ASCII ;\n:: Lower ;";
    private static final Transliterator LATIN = Transliterator.createFromRules("gawah-names-latin", LETTERS,
            Transliterator.FORWARD);

    private Spelling() {
    }

    /** The folded word in plain lower-case Latin letters (a to z only). */
    public static String latin(String folded) {
        String latin;
        synchronized (LATIN) {
            latin = LATIN.transliterate(folded);
        }
        StringBuilder out = new StringBuilder(latin.length());
        for (int i = 0; i < latin.length(); i++) {
            char c = latin.charAt(i);
            if (c >= 'a' && c <= 'z') {
                out.append(c);
            } else if (c == '\'' || c == 'ʿ' || c == 'ʾ' || c == '`' || c == '’') {
                out.append('a'); // an ayn or a glottal stop, written as an apostrophe: a vowel here
            }
        }
        return out.toString();
    }

    /** The skeleton of a folded word (see the class comment); empty for a word without letters. */
    public static String skeleton(String folded) {
        return skeletonOfLatin(latin(folded));
    }

    static String skeletonOfLatin(String latin) {
        String s = latin.replace("sh", "S").replace("ch", "C").replace("zh", "Z").replace("kh", "X")
                .replace("gh", "g").replace("ph", "f").replace("th", "t").replace("dh", "z").replace("ck", "k")
                .replace('q', 'k').replace('c', 'k').replace('x', 'X').replace('v', 'w');
        StringBuilder squeezed = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            if (squeezed.length() == 0 || squeezed.charAt(squeezed.length() - 1) != s.charAt(i)) {
                squeezed.append(s.charAt(i));
            }
        }
        if (squeezed.length() == 0) {
            return "";
        }
        int last = squeezed.length() - 1;
        while (last > 0 && "aeiouywh".indexOf(squeezed.charAt(last)) >= 0) {
            last--;
        }
        StringBuilder skeleton = new StringBuilder();
        char first = squeezed.charAt(0);
        skeleton.append(isVowel(first) ? 'V' : first);
        for (int i = 1; i <= last; i++) {
            char c = squeezed.charAt(i);
            if ("aeiouyw".indexOf(c) < 0) {
                skeleton.append(c);
            }
        }
        if (last < squeezed.length() - 1) {
            skeleton.append('V');
        }
        return skeleton.toString();
    }

    /**
     * The skeletons a name part is known by: its own, and with the final {@code V} added or taken
     * away (a silent final e, a final vowel one spelling writes and another leaves out), each only
     * when {@link #distinctive} enough to search for.
     */
    public static Set<String> skeletonsOfName(String folded) {
        Set<String> forms = new LinkedHashSet<>();
        String skeleton = skeleton(folded);
        if (distinctive(skeleton)) {
            forms.add(skeleton);
        }
        String other = skeleton.endsWith("V") ? skeleton.substring(0, skeleton.length() - 1) : skeleton + "V";
        if (skeleton.length() >= 3 && distinctive(other)) {
            forms.add(other);
        }
        return forms;
    }

    /**
     * Whether a skeleton says enough to search by: three symbols, or two consonants. "Vl" (all, ill,
     * eel, Ali without its end) would withhold half of an English page.
     */
    public static boolean distinctive(String skeleton) {
        long consonants = skeleton.chars().filter(c -> c != 'V').count();
        return skeleton.length() >= 3 && consonants >= 1 || consonants >= 2;
    }

    /** The sound a word starts with, as one letter: vowels are all 'a', q and c are 'k', v is 'w'. */
    public static String initial(String folded) {
        String latin = latin(folded);
        if (latin.isEmpty()) {
            return "";
        }
        char c = latin.charAt(0);
        if (isVowel(c)) {
            return "a";
        }
        return String.valueOf(c == 'q' || c == 'c' ? 'k' : c == 'v' ? 'w' : c == 'x' ? 'k' : c);
    }

    private static boolean isVowel(char c) {
        return "aeiou".indexOf(c) >= 0;
    }
}
