package org.gawah.interview;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.gawah.Language;
import org.gawah.Message;
import org.gawah.testimony.DateProblem;
import org.gawah.testimony.GivenDate;
import org.gawah.testimony.GivenTime;
import org.gawah.testimony.Iso639;
import org.gawah.testimony.Testimonies;

/**
 * The interview's answers that must be more than any text, each checked as it is typed with the
 * same rules a testimony file is checked by: a moment or a date in any calendar and digits,
 * languages by name or code, a pseudonym that is not the witness's name. Each check says what it
 * takes, or why it refuses (and a hint); the face that asked asks again.
 */
final class TypedAnswers {
    /** What a check made of a typed answer: the value to keep, or the reasons it was not taken. */
    record Checked(String value, List<Message> refused) {
        static Checked taken(String value) {
            return new Checked(value, List.of());
        }

        static Checked refused(Message... why) {
            return new Checked(null, List.of(why));
        }

        boolean ok() {
            return refused.isEmpty();
        }
    }

    private TypedAnswers() {
    }

    /** The question for an event's date: as precise as its precision says. */
    static Message eventDateQuestion(Interview.Event e) {
        String precision = Interview.PRECISIONS.get(e.precision);
        return precision.equals("exact") ? Messages.of("interview.q.event-day")
                : precision.equals("unknown_day") ? Messages.of("interview.q.event-month") : Messages.of("interview.q.event-estimate");
    }

    /** A date for an event, as precise as its precision says, in any calendar. */
    static Checked eventDate(Interview.Event e, String typed) {
        String precision = Interview.PRECISIONS.get(e.precision);
        try {
            GivenDate date = GivenDate.parse(typed);
            if (precision.equals("exact") && date.precision() != GivenDate.Precision.DAY) {
                return Checked.refused(Messages.of("interview.needs-day"));
            } else if (precision.equals("unknown_day") && date.precision() != GivenDate.Precision.MONTH) {
                return Checked.refused(Messages.of("interview.needs-month"));
            }
            date.within(latestDay());
            return Checked.taken(typed);
        } catch (DateProblem problem) {
            return refused(problem);
        }
    }

    /** Now, to the minute, in this computer's time zone: what a moment's question offers. */
    static String now() {
        return OffsetDateTime.now(ZoneId.systemDefault()).truncatedTo(ChronoUnit.MINUTES).toString();
    }

    /** A moment, in any calendar. Not before {@code startedAt}, if given. */
    static Checked time(String typed, String startedAt) {
        ZoneId zone = ZoneId.systemDefault();
        try {
            GivenTime time = GivenTime.parse(typed, zone);
            time.date().notBefore1900(latestDay());
            if (time.value().toInstant().isAfter(Instant.now().plus(1, ChronoUnit.DAYS))) {
                return Checked.refused(Messages.of("interview.time-after-now"));
            } else if (startedAt != null && time.value().isBefore(GivenTime.parse(startedAt, zone).value())) {
                return Checked.refused(Messages.of("interview.ended-before-started"));
            }
            return Checked.taken(typed);
        } catch (DateProblem problem) {
            return refused(problem);
        }
    }

    /** Languages by ISO 639 code or by name (Dari, دری, پښتو), kept as codes; {@code one}: a single language. */
    static Checked languages(String typed, boolean one) {
        List<String> codes = new ArrayList<>();
        String unknown = null;
        for (String part : typed.split("[,،;]+")) {
            String code = code(part.strip());
            if (code != null || part.isBlank()) {
                addOnce(codes, code);
                continue;
            }
            for (String word : part.strip().split("\\s+")) {
                code = code(word);
                if (code == null && unknown == null) {
                    unknown = word;
                }
                addOnce(codes, code);
            }
        }
        if (unknown != null) {
            return Checked.refused(Messages.of("interview.unknown-language", unknown));
        } else if (one && codes.size() > 1) {
            return Checked.refused(Messages.of("interview.one-language"));
        } else if (codes.isEmpty()) {
            return Checked.refused(Messages.of("interview.required"));
        }
        return Checked.taken(String.join(" ", codes));
    }

    /** A code as typed, or in the case a code is written in (PRS, fa-af), or the code of a name; null if none. */
    private static String code(String typed) {
        String code = Iso639.code(typed);
        if (code == null && typed.matches("[A-Za-z]{2,3}(-[A-Za-z]{2}|-[0-9]{3})?")) {
            String[] parts = typed.split("-");
            code = Iso639.code(parts[0].toLowerCase(Locale.ROOT) + (parts.length > 1 ? "-" + parts[1].toUpperCase(Locale.ROOT) : ""));
        }
        return code;
    }

    private static void addOnce(List<String> codes, String code) {
        if (code != null && !codes.contains(code)) {
            codes.add(code);
        }
    }

    /**
     * The pseudonym: never one in which the export's matcher finds the witness (the name, its other
     * spellings one a line, the contact, as typed so far), in any spelling: it would give them away.
     */
    static Checked pseudonym(String typed, String name, String otherNames, String contact) {
        return apart(typed, Testimonies.namesThePerson(typed, spellings(name, otherNames), contact));
    }

    /** The witness's name, when the pseudonym typed before does not give it away. */
    static Checked identityName(String typed, String pseudonym, String otherNames, String contact) {
        return apart(typed, Testimonies.namesThePerson(pseudonym, spellings(typed, otherNames), contact));
    }

    /** The name's other spellings, one a line, when the pseudonym gives none of them away. */
    static Checked otherNames(String typed, String pseudonym, String name, String contact) {
        return apart(typed, Testimonies.namesThePerson(pseudonym, spellings(name, typed), contact));
    }

    /** The witness's contact, when the pseudonym does not hold it. */
    static Checked contact(String typed, String pseudonym, String name, String otherNames) {
        return apart(typed, Testimonies.namesThePerson(pseudonym, spellings(name, otherNames), typed));
    }

    /** Taken when the answer, with what was typed before, leaves the pseudonym apart from the witness. */
    private static Checked apart(String typed, boolean givesAway) {
        return typed == null || !givesAway ? Checked.taken(typed) : Checked.refused(Messages.of("interview.pseudonym-is-name"));
    }

    /** The name and its other spellings (one a line), those given. */
    private static List<String> spellings(String name, String otherNames) {
        List<String> all = new ArrayList<>();
        if (name != null) {
            all.add(name);
        }
        if (otherNames != null) {
            otherNames.lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(all::add);
        }
        return all;
    }

    private static Checked refused(DateProblem problem) {
        Message notTaken = Messages.of("interview.not-taken", problem.problem());
        return problem.hint() == null ? Checked.refused(notTaken)
                : Checked.refused(notTaken, Messages.of("interview.not-taken.hint", problem.hint()));
    }

    /** The last day anything recorded now can fall on, as the seal will count it. */
    private static LocalDate latestDay() {
        return LocalDate.now(ZoneOffset.UTC).plusDays(1);
    }

    static String defaultLanguage() {
        Locale ui = Language.current();
        return ui.equals(Language.DARI) ? "prs" : ui.equals(Language.PASHTO) ? "ps" : "en";
    }
}
