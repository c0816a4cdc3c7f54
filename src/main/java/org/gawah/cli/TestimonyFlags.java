package org.gawah.cli;

import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Option;

/**
 * The testimony fields that can be given as flags. They are laid over the --from JSON (a flag
 * wins), and the testimony package validates the result like any other input. The account, the
 * notes and the witness's identity have no flags: on a command line they would stay in the
 * shell history and be visible to every process on the machine.
 */
final class TestimonyFlags {
    @Option(names = "--started-at", paramLabel = "TIME", description = "Interview start, e.g. 2026-11-20T10:00+04:30.")
    String startedAt;

    @Option(names = "--ended-at", paramLabel = "TIME", description = "Interview end.")
    String endedAt;

    @Option(names = "--place", paramLabel = "TEXT", description = "Where the interview took place.")
    String place;

    @Option(names = "--present", paramLabel = "ROLE:NAME",
            description = "A person present (repeat): documenter, interpreter, witness, legal_representative, support_person, other.")
    List<String> present;

    @Option(names = "--interview-language", paramLabel = "CODE", description = "ISO 639 code spoken in the interview (repeat).")
    List<String> interviewLanguages;

    @Option(names = "--record-language", paramLabel = "CODE", description = "ISO 639 code the record is written in (repeat).")
    List<String> recordLanguages;

    @Option(names = "--acknowledged", negatable = true,
            description = "The witness acknowledged the record (--no-acknowledged: give --not-acknowledged-reason).")
    Boolean acknowledged;

    @Option(names = "--not-acknowledged-reason", paramLabel = "TEXT", description = "Why the witness did not acknowledge it.")
    String notAcknowledgedReason;

    @Option(names = "--purpose-explained", negatable = true, description = "The purpose was explained to the witness.")
    Boolean purposeExplained;

    @Option(names = "--consent-recipient", paramLabel = "WHO",
            description = "Who may receive it (repeat): legal_team, icc, un_mechanism, national_court, publication.")
    List<String> consentRecipients;

    @Option(names = "--audio-video-consent", negatable = true, description = "The witness consents to audio/video.")
    Boolean audioVideo;

    @Option(names = "--anonymity", negatable = true, description = "The witness asks to stay anonymous.")
    Boolean anonymity;

    @Option(names = "--withdrawal-explained", negatable = true, description = "The right to withdraw was explained.")
    Boolean withdrawalExplained;

    @Option(names = "--pseudonym", paramLabel = "TEXT", description = "The witness's pseudonym (never the real name).")
    String pseudonym;

    @Option(names = "--confidentiality", paramLabel = "LEVEL",
            description = "public, restricted, confidential or strictly_confidential.")
    String confidentiality;

    @Option(names = "--source-connection", paramLabel = "HOW",
            description = "How the witness knows: victim, eyewitness, relative, hearsay, other.")
    String sourceConnection;

    @Option(names = "--reliability", paramLabel = "LEVEL", description = "high, medium, low or unknown.")
    String reliability;

    @Option(names = "--account-language", paramLabel = "CODE", description = "ISO 639 code of the account's language.")
    String accountLanguage;

    /** Lays the given flags over {@code input}. */
    void applyTo(ObjectNode input) {
        ObjectNode interview = section(input, "interview");
        put(interview, "started_at", startedAt);
        put(interview, "ended_at", endedAt);
        put(interview, "place", place);
        if (present != null) {
            ArrayNode people = interview.putArray("present");
            for (String person : present) {
                int colon = person.indexOf(':');
                ObjectNode entry = people.addObject();
                entry.put("role", colon < 0 ? "" : person.substring(0, colon));
                entry.put("name", colon < 0 ? person : person.substring(colon + 1));
            }
        }
        if (interviewLanguages != null || recordLanguages != null) {
            ObjectNode languages = section(interview, "languages");
            putAll(languages, "interview", interviewLanguages);
            putAll(languages, "record", recordLanguages);
        }
        ObjectNode acknowledgement = section(input, "acknowledgement");
        put(acknowledgement, "witness_acknowledged", acknowledged);
        put(acknowledgement, "reason_if_not", notAcknowledgedReason);
        ObjectNode consent = section(input, "consent");
        put(consent, "purpose_explained", purposeExplained);
        putAll(consent, "recipients", consentRecipients);
        put(consent, "audio_video", audioVideo);
        put(consent, "anonymity", anonymity);
        put(consent, "withdrawal_explained", withdrawalExplained);
        ObjectNode witness = section(input, "witness");
        put(witness, "pseudonym", pseudonym);
        put(witness, "confidentiality", confidentiality);
        ObjectNode source = section(input, "source");
        put(source, "connection", sourceConnection);
        put(source, "reliability", reliability);
        put(section(input, "account"), "language", accountLanguage);
        for (String name : List.of("interview", "acknowledgement", "consent", "witness", "source", "account")) {
            if (input.get(name) instanceof ObjectNode && input.get(name).isEmpty()) {
                input.remove(name);
            }
        }
    }

    private static ObjectNode section(ObjectNode parent, String name) {
        if (parent.get(name) instanceof ObjectNode) {
            return (ObjectNode) parent.get(name);
        }
        if (parent.has(name)) {
            // Not an object: leave it for validation to name, and lay flags over a fresh one.
            return JsonNodeFactory.instance.objectNode();
        }
        return parent.putObject(name);
    }

    private static void put(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static void put(ObjectNode node, String field, Boolean value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static void putAll(ObjectNode node, String field, List<String> values) {
        if (values != null) {
            ArrayNode array = node.putArray(field);
            values.forEach(array::add);
        }
    }
}
