package org.gawah.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.gawah.Message;

/**
 * The witness's consent, as the signed testimony records it, applied to one export
 * (docs/format/evidence-package.md, "Consent and protection"). Anything not recorded counts as
 * not given.
 */
public final class Consent {
    private Consent() {
    }

    /**
     * Why the record must stay out of an export for this profile; empty when its consent covers it.
     * A Message: the user reads it in their language, the export report (a document) in English.
     */
    public static Optional<Message> refusalMessage(JsonNode testimony, Profile profile) {
        List<String> given = recipients(testimony);
        if (given.contains(profile.consent())) {
            return Optional.empty();
        }
        return Optional.of(given.isEmpty() ? Messages.of("consent.not-covered", profile.consent())
                : Messages.of("consent.not-covered-given", profile.consent(), String.join(", ", given)));
    }

    /** Whether {@code reason} is one {@link #refusalMessage} gives: the witness did not consent to this recipient. */
    public static boolean isRefusal(Message reason) {
        return Messages.BUNDLE.equals(reason.bundle())
                && (reason.key().equals("consent.not-covered") || reason.key().equals("consent.not-covered-given"));
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

    /**
     * Why an attachment of this media type must stay out, if it must. Without audio/video
     * consent only what is surely not a recording goes: images, PDF and plain text. A type the
     * documenter's computer did not know may be a recording, so it stays out too (fail closed).
     */
    public static Optional<Message> mediaRefusalMessage(String mediaType, JsonNode testimony) {
        if (audioVideo(testimony)) {
            return Optional.empty();
        }
        String type = mediaType.toLowerCase(java.util.Locale.ROOT).split(";")[0].strip();
        if (type.startsWith("image/") || type.equals("application/pdf") || type.equals("text/plain")) {
            return Optional.empty();
        }
        if (type.startsWith("audio/") || type.startsWith("video/")) {
            return Optional.of(Messages.of("consent.audio-video"));
        }
        return Optional.of(Messages.of("consent.media-type",
                type.matches("[a-z0-9.+/-]{1,80}") ? type : Messages.of("consent.unreadable-type")));
    }

}
