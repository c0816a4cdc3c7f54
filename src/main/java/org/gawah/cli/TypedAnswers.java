package org.gawah.cli;

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
 * same rules a testimony file is checked by, and asked again with the reason (and a hint) until
 * it passes: a moment or a date in any calendar and digits, languages by name or code, a
 * pseudonym that is not the witness's name.
 */
final class TypedAnswers {
    private TypedAnswers() {
    }

    /** A date for an event, as precise as its precision says, in any calendar; asked again until it is one. */
    static String eventDate(Prompter p, Interview.Event e) {
        String precision = Interview.PRECISIONS.get(e.precision);
        Message question = precision.equals("exact") ? Messages.of("interview.q.event-day")
                : precision.equals("unknown_day") ? Messages.of("interview.q.event-month") : Messages.of("interview.q.event-estimate");
        String current = e.date;
        while (true) {
            String typed = p.text(question, current, true);
            try {
                GivenDate date = GivenDate.parse(typed);
                if (precision.equals("exact") && date.precision() != GivenDate.Precision.DAY) {
                    p.say(Messages.of("interview.needs-day"));
                } else if (precision.equals("unknown_day") && date.precision() != GivenDate.Precision.MONTH) {
                    p.say(Messages.of("interview.needs-month"));
                } else {
                    date.within(latestDay());
                    return typed;
                }
            } catch (DateProblem problem) {
                refused(p, problem);
            }
            current = null;
        }
    }

    /** A moment, in any calendar; Enter takes now, in this computer's time zone. Not before {@code startedAt}, if given. */
    static String time(Prompter p, Message question, String current, String startedAt) {
        ZoneId zone = ZoneId.systemDefault();
        String now = OffsetDateTime.now(zone).truncatedTo(ChronoUnit.MINUTES).toString();
        while (true) {
            String typed = p.text(question, current == null ? now : current, true);
            try {
                GivenTime time = GivenTime.parse(typed, zone);
                time.date().notBefore1900(latestDay());
                if (time.value().toInstant().isAfter(Instant.now().plus(1, ChronoUnit.DAYS))) {
                    p.say(Messages.of("interview.time-after-now"));
                } else if (startedAt != null && time.value().isBefore(GivenTime.parse(startedAt, zone).value())) {
                    p.say(Messages.of("interview.ended-before-started"));
                } else {
                    return typed;
                }
            } catch (DateProblem problem) {
                refused(p, problem);
            }
            current = null;
        }
    }

    /** Languages by ISO 639 code or by name (Dari, دری, پښتو), kept as codes; {@code one}: a single language. */
    static String languages(Prompter p, Message question, String current, boolean one) {
        while (true) {
            String typed = p.text(question, current, true);
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
                p.say(Messages.of("interview.unknown-language", unknown));
            } else if (one && codes.size() > 1) {
                p.say(Messages.of("interview.one-language"));
            } else if (!codes.isEmpty()) {
                return String.join(" ", codes);
            }
            current = null;
        }
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
    static String pseudonym(Prompter p, Message question, String current, String name, String otherNames,
                            String contact) {
        return apart(p, current, c -> p.text(question, c, true),
                typed -> Testimonies.namesThePerson(typed, spellings(name, otherNames), contact));
    }

    /** The witness's name, when the pseudonym typed before does not give it away. */
    static String identityName(Prompter p, Message question, String current, String pseudonym, String otherNames,
                               String contact) {
        return apart(p, current, c -> p.text(question, c, false),
                typed -> Testimonies.namesThePerson(pseudonym, spellings(typed, otherNames), contact));
    }

    /** The name's other spellings, one a line, when the pseudonym gives none of them away. */
    static String otherNames(Prompter p, Message question, String current, String pseudonym, String name,
                             String contact) {
        return apart(p, current, c -> p.lines(question, c, false),
                typed -> Testimonies.namesThePerson(pseudonym, spellings(name, typed), contact));
    }

    /** The witness's contact, when the pseudonym does not hold it. */
    static String contact(Prompter p, Message question, String current, String pseudonym, String name,
                          String otherNames) {
        return apart(p, current, c -> p.text(question, c, false),
                typed -> Testimonies.namesThePerson(pseudonym, spellings(name, otherNames), typed));
    }

    /** Asks until the answer, with what was typed before, leaves the pseudonym apart from the witness. */
    private static String apart(Prompter p, String current, java.util.function.UnaryOperator<String> ask,
                                java.util.function.Predicate<String> givesAway) {
        while (true) {
            String typed = ask.apply(current);
            if (typed == null || !givesAway.test(typed)) {
                return typed;
            }
            p.say(Messages.of("interview.pseudonym-is-name"));
            current = null;
        }
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

    private static void refused(Prompter p, DateProblem problem) {
        p.say(Messages.of("interview.not-taken", problem.problem()));
        if (problem.hint() != null) {
            p.say(Messages.of("interview.not-taken.hint", problem.hint()));
        }
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
