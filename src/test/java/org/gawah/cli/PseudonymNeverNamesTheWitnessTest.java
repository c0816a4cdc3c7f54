package org.gawah.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.gawah.Language;
import org.junit.jupiter.api.Test;

/**
 * The interview refuses, as it is typed, a pseudonym in which the export's matcher finds the
 * witness: the name in another spelling (Arabic yeh, a joiner for the space, Latin letters), an
 * other spelling, or the contact; whichever of the two is typed second.
 */
class PseudonymNeverNamesTheWitnessTest {
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();

    private Prompter typing(String... lines) {
        byte[] typed = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        return new Prompter(new Terminal(screen, screen, new ByteArrayInputStream(typed), Map.of("LANG", "en"), null),
                StandardCharsets.UTF_8, false);
    }

    private long refusals() {
        String refusal = Messages.of("interview.pseudonym-is-name").render(Language.ENGLISH);
        return new String(screen.toByteArray(), StandardCharsets.UTF_8).lines().filter(l -> l.contains(refusal)).count();
    }

    @Test
    void aPseudonymInAnotherSpellingOfTheNameIsRefused() {
        String pseudonym = TypedAnswers.pseudonym(typing("زرمينه تستنام", "زرمینه\u200Cتستنام", "Zarmina Testnam",
                "ZARMEENA", "W-0193"), Messages.of("interview.q.pseudonym"), null, "زرمینه تستنام", null, null);
        assertEquals("W-0193", pseudonym);
        assertEquals(4, refusals());
    }

    @Test
    void aNameOrSpellingOrContactTypedAfterThePseudonymIsRefusedWhenThePseudonymHoldsIt() {
        String name = TypedAnswers.identityName(typing("زرمینه تستنام", "مریم نمونه"), Messages.of("interview.q.identity-name"),
                null, "Zarmina", null, null);
        assertEquals("مریم نمونه", name);
        String others = TypedAnswers.otherNames(typing("Mariam", ".", "Nadiya", "."),
                Messages.of("interview.q.identity-other-names"), null, "Miriam", "نادیه", null);
        assertEquals("Nadiya", others.strip(), "Miriam is Mariam by its consonants: refused");
        String contact = TypedAnswers.contact(typing("+93 700 123 456", "through the partner organisation"),
                Messages.of("interview.q.identity-contact"), null, "W-0700123456", "نادیه", null);
        assertEquals("through the partner organisation", contact);
        assertEquals(3, refusals());
    }
}
