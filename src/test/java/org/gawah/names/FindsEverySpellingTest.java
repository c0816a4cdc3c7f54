package org.gawah.names;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.SecureRandom;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Each class of spelling that leaked a name through the old matcher, found now, the same way
 * from the name in the clear and from its keyed hashes alone.
 */
class FindsEverySpellingTest {
    private static final String M = "[x]";

    private static Finder[] finders(List<String> spellings, String contact) {
        Set<String> keys = Keys.ofPerson(spellings, contact);
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        byte[] list = KnownKeys.Hashed.list(secret, keys, new SecureRandom());
        return new Finder[] {new Finder(KnownKeys.plain(keys)), new Finder(KnownKeys.hashed(secret, list))};
    }

    private static void masks(Finder[] finders, String expected, String text) {
        for (Finder finder : finders) {
            assertEquals(expected, finder.mask(text, M, false), text);
        }
    }

    @Test
    void zeroWidthAndBidiMarksInsideTheNameAreNoDisguise() {
        Finder[] f = finders(List.of("مریم نمونه"), null);
        masks(f, "[x] گفت", "مر\u200Cیم گفت");
        masks(f, "[x] گفت", "مری\u200Dم گفت");
        masks(f, "[x] گفت", "مر\u200Fیم گفت");
        masks(f, "[x] گفت", "\u2067مریم\u2069 گفت");
        masks(f, "[x] گفت", "مـــریم گفت");
        masks(f, "خانه [x] است", "خانه مَریَمِ است");
    }

    @Test
    void arabicLetterFormsAndPresentationFormsAreTheSameLetters() {
        masks(finders(List.of("مریم نمونه"), null), "[x] آمد", "مريم آمد");
        masks(finders(List.of("مریم نمونه"), null), "[x] آمد", "\uFEE3\uFEAE\uFBFF\uFEE2 آمد");
        Finder[] ahmad = finders(List.of("احمد کریمی"), null);
        masks(ahmad, "[x] و [x]", "أحمد و إحمد");
        masks(ahmad, "[x]", "آحمد");
        masks(ahmad, "[x] رفت", "ٱحمد كريمي رفت");
        masks(finders(List.of("فاطمة"), null), "[x] آمد", "فاطمه آمد");
    }

    @Test
    void namesWrittenTogetherOrWithSuffixesAreFound() {
        Finder[] f = finders(List.of("مریم نمونه"), null);
        masks(f, "[x] گفت", "مریمنمونه گفت");
        masks(f, "[x] گفت", "نمونهمریم گفت");
        masks(f, "[x] آمد", "مریم‌جان آمد");
        masks(f, "با [x]", "با مریم‌ها");
        masks(f, "خانه‌ی ما", "خانه‌ی ما");
    }

    @Test
    void latinSpellingsOfADariNameAndTheOtherWayRound() {
        Finder[] dari = finders(List.of("زرمینه تستنام"), null);
        masks(dari, "I met [x] today", "I met Zarmina Testname today");
        masks(dari, "I met [x] today", "I met ZARMINA today");
        masks(dari, "I met [x] today", "I met zarmeena today");
        masks(dari, "I met [x]", "I met Z. Testname");
        masks(dari, "letters from [x].", "letters from ZarminaTestname.");
        Finder[] latin = finders(List.of("Maryam Rezai"), null);
        masks(latin, "[x] گفت", "مریم رضایی گفت");
        masks(latin, "[x] گفت", "مريم گفت");
        masks(latin, "[x] said", "Mariam said");
        masks(latin, "[x] said", "M. Rezaee said");
        masks(latin, "Alice met her", "Alice met her");
        Finder[] ali = finders(List.of("علی"), null);
        masks(ali, "[x] came, and all of us ate", "Ali came, and all of us ate");
    }

    /** A name cut by a space, a hyphen or a dot, in the other script than the identity's, is still the name. */
    @Test
    void aNameWrittenInPiecesIsFoundInEitherScript() {
        Finder[] dari = finders(List.of("زرمینه تستنام"), null);
        for (String written : List.of("Zar mina", "Zar-mina", "ZAR MINA", "Zar mee na", "Zar.mina", "Zar minajan",
                "Test nam", "Tes-t-nam", "زر مینه", "زر-مینه", "زر مینه‌جان", "تست نام")) {
            masks(dari, "I met [x] today", "I met " + written + " today");
        }
        Finder[] latin = finders(List.of("Zarmina Testnam"), null);
        for (String written : List.of("زر مینه", "زر-مینه", "Zar mina", "تست نام")) {
            masks(latin, "[x] گفت", written + " گفت");
        }
        masks(finders(List.of("ګلالۍ زرغونه"), null), "[x] said", "Gula lai said");
        masks(finders(List.of("Maryam Rezai"), null), "[x] گفت", "مر یم گفت");
        masks(dari, "She met her at the market in the morning", "She met her at the market in the morning");
    }

    @Test
    void namePartsOfTwoLettersAreSearchedFor() {
        masks(finders(List.of("گل احمد"), null), "[x] رفت", "گل احمد رفت");
        masks(finders(List.of("گل احمد"), null), "[x] went", "Gul went");
        masks(finders(List.of("Li Wen"), null), "[x] came", "Li came");
    }

    @Test
    void pashtoLettersAndSpellings() {
        Finder[] f = finders(List.of("ګلالۍ زرغونه"), null);
        masks(f, "[x] وویل", "گلالی وویل");
        masks(f, "[x] said", "Gulalai said");
        masks(f, "[x] said", "Zarghuna said");
    }

    @Test
    void theContactInAnyWrittenForm() {
        Finder[] f = finders(List.of("مریم"), "+93 700 123 456");
        for (String written : List.of("0700123456", "0700 123 456", "+93700123456", "0093 700-123-456",
                "۰۷۰۰۱۲۳۴۵۶", "٠٧٠٠ ١٢٣ ٤٥٦", "700.123.456", "(0)700 123456")) {
            masks(f, "call [x] now", "call " + written + " now");
        }
        masks(f, "call [x] 12 times", "call 0700 123 456 12 times");
        masks(f, "year 2025 08 15", "year 2025 08 15");
        Finder[] email = finders(List.of("مریم"), "maryam.n@example.org");
        masks(email, "write to [x]", "write to maryam.n@example.org");
    }
}
