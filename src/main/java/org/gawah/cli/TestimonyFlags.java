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
    @Option(names = "--started-at", paramLabel = "TIME")
    String startedAt;

    @Option(names = "--ended-at", paramLabel = "TIME")
    String endedAt;

    @Option(names = "--place", paramLabel = "TEXT")
    String place;

    @Option(names = "--present", paramLabel = "ROLE:NAME")
    List<String> present;

    @Option(names = "--interview-language", paramLabel = "CODE")
    List<String> interviewLanguages;

    @Option(names = "--record-language", paramLabel = "CODE")
    List<String> recordLanguages;

    @Option(names = "--acknowledged", negatable = true)
    Boolean acknowledged;

    @Option(names = "--not-acknowledged-reason", paramLabel = "TEXT")
    String notAcknowledgedReason;

    @Option(names = "--purpose-explained", negatable = true)
    Boolean purposeExplained;

    @Option(names = "--consent-recipient", paramLabel = "WHO")
    List<String> consentRecipients;

    @Option(names = "--audio-video-consent", negatable = true)
    Boolean audioVideo;

    @Option(names = "--anonymity", negatable = true)
    Boolean anonymity;

    @Option(names = "--withdrawal-explained", negatable = true)
    Boolean withdrawalExplained;

    @Option(names = "--pseudonym", paramLabel = "TEXT")
    String pseudonym;

    @Option(names = "--confidentiality", paramLabel = "LEVEL")
    String confidentiality;

    @Option(names = "--source-connection", paramLabel = "HOW")
    String sourceConnection;

    @Option(names = "--reliability", paramLabel = "LEVEL")
    String reliability;

    @Option(names = "--account-language", paramLabel = "CODE")
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
