package org.gawah.interview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.gawah.Message;
import org.junit.jupiter.api.Test;

/**
 * The interview refuses, as it is typed (in the terminal and in the window alike, which both ask
 * the model), a pseudonym in which the export's matcher finds the witness: the name in another
 * spelling (Arabic yeh, a joiner for the space, Latin letters), an other spelling, or the contact;
 * whichever of the two is typed second.
 */
class PseudonymNeverNamesTheWitnessTest {
    private static final String REFUSAL = "interview.pseudonym-is-name";

    @Test
    void aPseudonymInAnotherSpellingOfTheNameIsRefused() {
        for (String typed : List.of("زرمينه تستنام", "زرمینه\u200Cتستنام", "Zarmina Testnam", "ZARMEENA")) {
            assertRefused(TypedAnswers.pseudonym(typed, "زرمینه تستنام", null, null), typed);
        }
        assertTaken("W-0193", TypedAnswers.pseudonym("W-0193", "زرمینه تستنام", null, null));
    }

    @Test
    void aNameOrSpellingOrContactTypedAfterThePseudonymIsRefusedWhenThePseudonymHoldsIt() {
        assertRefused(TypedAnswers.identityName("زرمینه تستنام", "Zarmina", null, null), "the name");
        assertTaken("مریم نمونه", TypedAnswers.identityName("مریم نمونه", "Zarmina", null, null));
        // Miriam is Mariam by its consonants: refused.
        assertRefused(TypedAnswers.otherNames("Mariam", "Miriam", "نادیه", null), "Mariam");
        assertTaken("Nadiya", TypedAnswers.otherNames("Nadiya", "Miriam", "نادیه", null));
        assertRefused(TypedAnswers.contact("+93 700 123 456", "W-0700123456", "نادیه", null), "the contact");
        assertTaken("through the partner organisation",
                TypedAnswers.contact("through the partner organisation", "W-0700123456", "نادیه", null));
    }

    private static void assertRefused(TypedAnswers.Checked checked, String what) {
        assertEquals(List.of(REFUSAL), checked.refused().stream().map(Message::key).toList(), what + " is refused");
    }

    private static void assertTaken(String typed, TypedAnswers.Checked checked) {
        assertTrue(checked.ok(), typed + " is taken: " + checked.refused());
        assertEquals(typed, checked.value());
    }
}
