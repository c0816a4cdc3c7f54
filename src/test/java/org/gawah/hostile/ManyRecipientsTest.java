package org.gawah.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;

import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.Language;
import org.gawah.openpgp.Opener;
import org.gawah.openpgp.SecretKey;
import org.junit.jupiter.api.Test;

/** A message for 2,000 other keys: the refusal names five of them and counts the rest, on one short line. */
class ManyRecipientsTest {
    @Test
    void namesFiveRecipientsAndCountsTheRest() {
        SecretKey legal = SecretKey.parse(CorpusKeys.resource(CorpusKeys.LEGAL));
        byte[] message = CorpusKeys.resource("message-2000-foreign-recipients.pgp");
        GawahException refused = assertThrows(GawahException.class,
                () -> Opener.open(message, legal, fingerprint -> new char[0], List.of()));
        assertEquals(Failure.CANNOT_DECRYPT, refused.failure());
        for (java.util.Locale language : List.of(Language.ENGLISH, Language.DARI, Language.PASHTO)) {
            String line = refused.message().render(language);
            assertEquals(5, Pattern.compile("\\b[0-9A-F]{16}\\b").matcher(line).results().count(), line);
            assertTrue(line.contains("1995"), line);
            assertTrue(line.length() < 300, line.length() + " characters: " + line);
        }
        assertTrue(refused.message().render(Language.ENGLISH).contains("and 1995 more"));
    }
}
