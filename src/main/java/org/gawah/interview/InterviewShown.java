package org.gawah.interview;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.gawah.Language;
import org.gawah.Message;
import org.gawah.testimony.DateCalendar;
import org.gawah.testimony.DateProblem;
import org.gawah.testimony.GivenDate;
import org.gawah.testimony.GivenTime;
import org.gawah.testimony.Iso639;

/**
 * The interview's answers as the documenter sees them before sealing: every answer in full, the
 * account and the notes line by line, each date with its Gregorian value and as it was given (a
 * Gregorian date also in Solar Hijri when gawah speaks Dari or Pashto). What was typed is only
 * ever a message's value, so it reaches the screen through {@link org.gawah.Screen}: escaped, and
 * isolated when it is written right to left; the window shows the same messages.
 */
public final class InterviewShown {
    private InterviewShown() {
    }

    /** The review: "1) seal", then each step numbered from 2, its answer on its line or below it. */
    public static List<Message> review(Interview in) {
        List<Message> lines = new ArrayList<>();
        lines.add(Messages.of("interview.review.item-seal", 1, Messages.of("interview.review.seal")));
        for (int i = 0; i < Interview.STEPS.size(); i++) {
            String step = Interview.STEPS.get(i);
            List<Message> answer = answer(in, step);
            Message title = InterviewWords.title(step);
            if (answer.size() == 1) {
                lines.add(Messages.of("interview.review.item", i + 2, title, answer.get(0)));
            } else {
                lines.add(Messages.of("interview.review.heading", i + 2, title));
                answer.forEach(line -> lines.add(Messages.of("interview.review.below", line)));
            }
        }
        return lines;
    }

    /** One event on one line: number, act, precision, date, place. */
    public static Message event(int number, Interview.Event e) {
        return Messages.of("interview.event-listed", number, safe(e.act), label(Interview.PRECISIONS, e.precision),
                e.date == null ? dash() : date(e.date), e.place == null ? dash() : safe(e.place));
    }

    /** The answer to {@code step}: one line, or several to show below its title. */
    public static List<Message> answer(Interview in, String step) {
        switch (step) {
            case "purpose": return one(yesNo(in.purposeExplained));
            case "withdrawal": return one(yesNo(in.withdrawalExplained));
            case "recipients": return one(in.recipients.isEmpty() ? dash()
                    : list(in.recipients.stream().map(i -> label(Interview.RECIPIENTS, i)).toList()));
            case "audio_video": return one(yesNo(in.audioVideo));
            case "anonymity": return one(yesNo(in.anonymity));
            case "started_at": return one(in.startedAt == null ? dash() : time(in.startedAt));
            case "place": return one(safe(in.place));
            case "documenter": return one(safe(in.documenter));
            case "interpreter": return one(safe(in.interpreter));
            case "languages": return one(Messages.of("interview.review.languages", languages(in.interviewLanguages),
                    languages(in.recordLanguages)));
            case "pseudonym": return one(safe(in.pseudonym));
            case "confidentiality": return one(in.confidentiality < 0 ? dash() : label(Interview.CONFIDENTIALITY, in.confidentiality));
            case "identity": return one(!in.identityAllowed ? Messages.of("interview.identity-not-possible")
                    : in.identityName == null ? dash() : Messages.of("interview.identity-given"));
            case "vulnerability": return List.of(Messages.of("interview.review.vulnerability", joined(in.vulnerability)),
                    Messages.of("interview.review.referrals", joined(in.referrals)));
            case "connection": return one(in.connection < 0 ? dash() : label(Interview.CONNECTIONS, in.connection));
            case "reliability": return one(in.reliability < 0 ? dash() : label(Interview.RELIABILITY, in.reliability));
            case "account_language": return one(languages(in.accountLanguage));
            case "account": return lines(in.account);
            case "notes": return lines(in.notes);
            case "events": return events(in);
            case "acknowledged": return one(in.reasonIfNot == null ? yesNo(in.acknowledged)
                    : Messages.of("interview.review.not-acknowledged", yesNo(in.acknowledged), safe(in.reasonIfNot)));
            case "ended_at": return one(in.endedAt == null ? dash() : time(in.endedAt));
            default: throw new IllegalStateException(step);
        }
    }

    private static List<Message> events(Interview in) {
        List<Message> lines = new ArrayList<>();
        for (int i = 0; i < in.events.size(); i++) {
            if (in.events.get(i).act != null) {
                lines.add(event(i + 1, in.events.get(i)));
            }
        }
        // Two lines at least, so that even one event is listed below its heading.
        return lines.isEmpty() ? one(dash()) : lines.size() == 1 ? List.of(lines.get(0), text("")) : lines;
    }

    /** Multi-line text in full, a line a line; one line is still shown below the heading. */
    private static List<Message> lines(String text) {
        if (text == null) {
            return one(dash());
        }
        List<Message> lines = new ArrayList<>();
        text.lines().forEach(line -> lines.add(safe(line.replace("\t", "    "))));
        if (lines.size() == 1) {
            lines.add(text(""));
        }
        return lines;
    }

    /** A date as typed: its Gregorian value and, when typed otherwise, the date as given with its calendar. */
    static Message date(String typed) {
        try {
            GivenDate date = GivenDate.parse(typed);
            if (date.typedAsValue()) {
                return withSolarHijri(date.value(), date.precision() == GivenDate.Precision.DAY ? date.first() : null);
            }
            return Messages.of("interview.date-shown", date.value(), safe(date.text()), date.calendar().label());
        } catch (DateProblem e) {
            return safe(typed); // checked when typed: not expected
        }
    }

    static Message time(String typed) {
        try {
            GivenTime time = GivenTime.parse(typed, ZoneId.systemDefault());
            if (time.typedAsValue()) {
                return withSolarHijri(time.value().toString(), time.value().toLocalDate());
            }
            return Messages.of("interview.date-shown", time.value().toString(), safe(time.text()), time.date().calendar().label());
        } catch (DateProblem e) {
            return safe(typed);
        }
    }

    /** A Gregorian day, and for a documenter who reads Dari or Pashto, the same day in Solar Hijri. */
    private static Message withSolarHijri(String value, LocalDate day) {
        Message solar = day == null || !Language.rightToLeft(Language.current()) ? null : DateCalendar.SOLAR_HIJRI.describe(day);
        return solar == null ? text(value) : Messages.of("interview.date-solar-hijri", value, solar);
    }

    /** Codes with their names: "prs (دری), ps (پښتو)". */
    static Message languages(String codes) {
        if (codes == null) {
            return dash();
        }
        List<Message> named = new ArrayList<>();
        for (String code : codes.strip().split("\\s+")) {
            String name = Iso639.name(code, Language.current());
            named.add(name == null ? text(code) : Messages.of("interview.language-named", code, name));
        }
        return list(named);
    }

    /** "a, b, c", each item in the run's language. */
    private static Message list(List<Message> items) {
        Message joined = items.get(0);
        for (Message item : items.subList(1, items.size())) {
            joined = Messages.of("interview.list", joined, item);
        }
        return joined;
    }

    private static Message joined(String lines) {
        return lines == null ? dash() : safe(String.join("; ", lines.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()));
    }

    private static Message yesNo(Boolean b) {
        return b == null ? dash() : Messages.of(b ? "interview.yes" : "interview.no");
    }

    private static Message label(List<String> values, int index) {
        return InterviewWords.valueLabel(values.get(index));
    }

    private static Message safe(String typed) {
        return typed == null ? dash() : text(typed);
    }

    private static Message text(String shown) {
        return Messages.of("interview.shown", shown);
    }

    private static Message dash() {
        return Messages.of("interview.shown", "-");
    }

    private static List<Message> one(Message m) {
        return List.of(m);
    }
}
