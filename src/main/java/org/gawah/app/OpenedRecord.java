package org.gawah.app;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.gawah.Message;
import org.gawah.custody.Entry;

/**
 * A record the legal team opened in memory: who sealed it (the signature inside, checked against
 * the custody entry that brought it), its testimony as read, the cases the signed log puts it in,
 * and its text folded for search ({@link org.gawah.names.Folding}, redaction's normalisation).
 * Nothing of it is written anywhere; the window drops it on lock (what the JVM keeps of dropped
 * strings: SECURITY.md).
 *
 * @param custody     the entries of every signed log about the record, its identity envelope and
 *                    its attachments, oldest first within each log (the vault's own log first)
 * @param otherClaims the warning when other documenters' bags claimed the record too; else empty
 */
public record OpenedRecord(String id, Instant sealedAt, String signerFingerprint, String signerUserId, Instant signedAt,
                           int attachments, List<String> cases, JsonNode testimony, String folded,
                           List<Entry> custody, Optional<Message> otherClaims) {
    public OpenedRecord {
        cases = List.copyOf(cases);
        custody = List.copyOf(custody);
    }

    /** A text member at {@code pointer} ({@code /interview/place}), or null when absent. */
    public String text(String pointer) {
        JsonNode node = testimony.at(pointer);
        return node.isTextual() ? node.asText() : null;
    }

    /** The texts of an array member ({@code /interview/languages/record}); empty when absent. */
    public List<String> texts(String pointer) {
        List<String> texts = new ArrayList<>();
        testimony.at(pointer).forEach(item -> texts.add(item.asText()));
        return texts;
    }

    /** The day the interview began, in the Gregorian calendar (its offset's day); null if unreadable. */
    public LocalDate interviewDay() {
        String started = text("/interview/started_at");
        try {
            return started == null ? null : OffsetDateTime.parse(started).toLocalDate();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Whether the folded text holds {@code foldedQuery} (already folded: fold a query once, not once a record). */
    public boolean holds(String foldedQuery) {
        return folded.contains(foldedQuery);
    }
}
