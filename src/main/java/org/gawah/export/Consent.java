package org.gawah.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The witness's consent, as the signed testimony records it, applied to one export
 * (docs/format/evidence-package.md, "Consent and protection"). Anything not recorded counts as
 * not given.
 */
public final class Consent {
    private Consent() {
    }

    /** Why the record must stay out of an export for this profile; empty when its consent covers it. */
    public static Optional<String> refusal(JsonNode testimony, Profile profile) {
        List<String> given = recipients(testimony);
        if (given.contains(profile.consent())) {
            return Optional.empty();
        }
        return Optional.of("the witness's consent does not cover " + profile.consent()
                + (given.isEmpty() ? " (no recipients recorded)" : " (consented to: " + String.join(", ", given) + ")"));
    }

    public static List<String> recipients(JsonNode testimony) {
        List<String> given = new ArrayList<>();
        testimony.path("consent").path("recipients").forEach(r -> given.add(r.asText()));
        return given;
    }

    /** Whether audio or video of the witness may be used. */
    public static boolean audioVideo(JsonNode testimony) {
        return testimony.path("consent").path("audio_video").asBoolean(false);
    }

    /** Whether the identity may leave: asked for, and the witness did not ask to stay anonymous. */
    public static boolean identity(JsonNode testimony, boolean asked) {
        JsonNode anonymity = testimony.path("consent").path("anonymity");
        return asked && anonymity.isBoolean() && !anonymity.booleanValue();
    }

    /** Whether an attachment of this media type needs audio/video consent. */
    public static boolean isAudioVideo(String mediaType) {
        return mediaType.startsWith("audio/") || mediaType.startsWith("video/");
    }
}
