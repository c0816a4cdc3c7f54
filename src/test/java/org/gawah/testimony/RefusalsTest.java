package org.gawah.testimony;

import static org.gawah.testimony.Fixtures.assertRefused;
import static org.gawah.testimony.Fixtures.at;
import static org.gawah.testimony.Fixtures.fullInput;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.gawah.GawahException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each refusal names the field by its JSON path and never repeats free text. */
class RefusalsTest {
    private static final String SECRET = "شاهد گفت که سرباز احمد";

    @Test
    void refusesMissingPseudonymNamingTheField() {
        ObjectNode input = fullInput();
        at(input, "witness").remove("pseudonym");
        assertRefused(input, "witness.pseudonym");
    }

    @ParameterizedTest
    @ValueSource(strings = {"interview", "acknowledgement", "consent", "witness", "source", "account"})
    void refusesMissingSection(String section) {
        ObjectNode input = fullInput();
        input.remove(section);
        assertRefused(input, section);
    }

    @Test
    void refusesUnknownFieldNamingIt() {
        ObjectNode input = fullInput();
        at(input, "witness").put("pseudonim", "W-1");
        assertRefused(input, "witness.pseudonim");
    }

    @Test
    void refusesUnknownFieldWithoutEchoingAnOddName() {
        ObjectNode input = fullInput();
        at(input, "account").put(SECRET, "x");
        assertRefused(input, "account", SECRET);
    }

    @Test
    void refusesRecordIdAndTimeInInputAsSetByGawah() {
        ObjectNode input = fullInput();
        input.put("record_id", "GWH-AAAA-BBBB-CCCC-DDDD");
        assertTrue(assertRefused(input, "record_id").getMessage().contains("set by gawah"));
        input = fullInput();
        input.put("recorded_at", "2026-11-20T08:30:12Z");
        assertRefused(input, "recorded_at");
    }

    @Test
    void refusesOtherSchema() {
        ObjectNode input = fullInput();
        input.put("schema", "gawah.testimony/2");
        assertRefused(input, "schema");
    }

    @Test
    void refusesConsentWithoutPurposeExplained() {
        ObjectNode input = fullInput();
        at(input, "consent").put("purpose_explained", false);
        GawahException e = assertRefused(input, "consent.purpose_explained");
        assertTrue(e.getMessage().contains("no consent, no record"));
    }

    @Test
    void refusesConsentGivenAsStringInsteadOfBoolean() {
        ObjectNode input = fullInput();
        at(input, "consent").put("audio_video", "yes");
        assertRefused(input, "consent.audio_video");
    }

    @Test
    void refusesUnknownAndRepeatedRecipients() {
        ObjectNode input = fullInput();
        at(input, "consent").putArray("recipients").add("icc").add("press");
        assertRefused(input, "consent.recipients[1]");
        input = fullInput();
        at(input, "consent").putArray("recipients").add("icc").add("icc");
        assertRefused(input, "consent.recipients[1]");
        input = fullInput();
        at(input, "consent").putArray("recipients");
        assertRefused(input, "consent.recipients");
    }

    @Test
    void refusesReasonWhenAcknowledgedAndRequiresItWhenNot() {
        ObjectNode input = fullInput();
        at(input, "acknowledgement").put("reason_if_not", SECRET);
        assertRefused(input, "acknowledgement.reason_if_not", SECRET);
        input = fullInput();
        at(input, "acknowledgement").put("witness_acknowledged", false);
        assertRefused(input, "acknowledgement.reason_if_not");
    }

    @Test
    void refusesInterviewWithoutDocumenter() {
        ObjectNode input = fullInput();
        at(input, "interview.present.0").put("role", "interpreter");
        assertRefused(input, "interview.present");
    }

    @Test
    void refusesUnknownRoleQuotingOnlyAShortToken() {
        ObjectNode input = fullInput();
        at(input, "interview.present.1").put("role", "documentor");
        assertTrue(assertRefused(input, "interview.present[1].role").getMessage().contains("'documentor'"));
        input = fullInput();
        at(input, "interview.present.1").put("role", SECRET);
        assertRefused(input, "interview.present[1].role", SECRET);
    }

    @Test
    void refusesBadStartTimeWithExample() {
        ObjectNode input = fullInput();
        at(input, "interview").put("started_at", "2026-11-20 10");
        GawahException e = assertRefused(input, "interview.started_at");
        assertTrue(e.getMessage().contains("like 2026-11-20T10:00+04:30"), e.getMessage());
        input = fullInput();
        at(input, "interview").put("started_at", "2026-11-20 10:00"); // a file must give the offset
        e = assertRefused(input, "interview.started_at");
        assertTrue(e.getMessage().contains("e.g. 10:00+04:30"), e.getMessage());
        input = fullInput();
        at(input, "interview").put("started_at", "2026-11-20T10:00"); // no offset
        assertRefused(input, "interview.started_at");
    }

    @Test
    void refusesInterviewEndingBeforeItStarts() {
        ObjectNode input = fullInput();
        at(input, "interview").put("ended_at", "2026-11-20T09:59+04:30");
        assertRefused(input, "interview.ended_at");
    }

    @Test
    void refusesInterviewStartingMoreThanADayAfterTheRecord() {
        GawahException e = assertThrows(GawahException.class, () -> Testimonies.build(
                fullInput(), Fixtures.RECORD_ID, Instant.parse("2026-11-19T05:29:59Z")));
        Fixtures.assertRefusal(e, "interview.started_at");
    }

    @Test
    void refusesUnknownLanguageCodes() {
        ObjectNode input = fullInput();
        at(input, "interview.languages").putArray("record").add("prs").add("dari");
        assertRefused(input, "interview.languages.record[1]");
        input = fullInput();
        at(input, "account").put("language", "xx");
        assertRefused(input, "account.language");
    }

    @Test
    void refusesBlankAccountWithoutEchoingIt() {
        ObjectNode input = fullInput();
        at(input, "account").put("text", " \n\t ");
        assertRefused(input, "account.text");
    }

    @Test
    void refusesControlCharactersInFreeTextWithoutEchoingIt() {
        ObjectNode input = fullInput();
        at(input, "account").put("text", SECRET + "\u0007" + SECRET);
        assertTrue(assertRefused(input, "account.text", SECRET).getMessage().contains("U+0007"));
        input = fullInput();
        at(input, "witness").putArray("vulnerability").add("ok").add(SECRET + "\u0085");
        assertRefused(input, "witness.vulnerability[1]", SECRET);
    }

    @Test
    void refusesUnpairedSurrogate() {
        ObjectNode input = fullInput();
        at(input, "source").put("note", "a\ud800b");
        assertRefused(input, "source.note");
    }

    @Test
    void refusesTextOverItsLimit() {
        ObjectNode input = fullInput();
        at(input, "interview").put("place", "ش".repeat(32 * 1024 + 1)); // 2 bytes each: 64 KiB + 2
        assertRefused(input, "interview.place", "شششش");
        input = fullInput();
        at(input, "account").put("text", "a".repeat(8 * 1024 * 1024 + 1));
        assertRefused(input, "account.text");
    }

    @Test
    void acceptsAccountOfEightMebibytes() {
        ObjectNode input = fullInput();
        at(input, "account").put("text", "a".repeat(8 * 1024 * 1024));
        Fixtures.build(input);
    }

    @Test
    void refusesWrongTypes() {
        ObjectNode input = fullInput();
        at(input, "interview").put("place", 42);
        assertRefused(input, "interview.place");
        input = fullInput();
        input.put("events", "none");
        assertRefused(input, "events");
        input = fullInput();
        at(input, "interview").putArray("present").add("Documenter D-14");
        assertRefused(input, "interview.present[0]");
    }

    @Test
    void refusesPseudonymThatIsTheWitnessName() {
        ObjectNode input = fullInput();
        at(input, "witness").put("pseudonym", " مریم  نمونه");
        assertRefused(input, "witness.pseudonym", "مریم");
    }

    @Test
    void refusesIdentityWithoutName() {
        ObjectNode input = fullInput();
        at(input, "identity").remove("name");
        assertRefused(input, "identity.name");
    }

    @Test
    void refusesEarlierInterviewWithBadDate() {
        ObjectNode input = fullInput();
        at(input, "witness.earlier_interviews.0").put("date", "2026-02-30");
        assertRefused(input, "witness.earlier_interviews[0].date");
    }

    @Test
    void refusesTopLevelThatIsNotAnObject() {
        GawahException e = assertThrows(GawahException.class,
                () -> Fixtures.build(Fixtures.MAPPER.createArrayNode()));
        assertTrue(e.getMessage().contains("not a JSON object"), e.getMessage());
    }
}
