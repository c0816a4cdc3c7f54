package org.gawah.app;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.Message;
import org.gawah.custody.Entry;
import org.gawah.names.Folding;

/**
 * A record the legal team opened in memory: who sealed it (the signature inside, checked against
 * the custody entry that brought it), the cases the signed log puts it in and the Rome Statute
 * tags of their latest analyses, the few values a table shows, and the testimony itself as its
 * signed bytes, with its text folded for search ({@link Folding}, redaction's normalisation).
 *
 * <p>What it holds of the testimony lives in two arrays, the signed bytes and the folded text,
 * which {@link #wipe} overwrites (lock calls it): no tree of strings is kept per record, which
 * both bounds memory (about the size of the testimony twice over a record) and leaves lock
 * something it can erase. The table's values (place, pseudonym, languages) are short strings,
 * and the reader parses the bytes again for the one record it shows; those strings the JVM keeps
 * until they are collected (SECURITY.md). Nothing of it is written anywhere.
 *
 * @param custody     the entries of every signed log about the record, its identity envelope and
 *                    its attachments, oldest first within each log (the vault's own log first)
 * @param otherClaims the warning when other documenters' bags claimed the record too; else empty
 */
public final class OpenedRecord {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String id;
    private final Instant sealedAt;
    private final String signerFingerprint;
    private final String signerUserId;
    private final Instant signedAt;
    private final int attachments;
    private final List<String> cases;
    private final List<String> tags;
    private final List<Entry> custody;
    private final Optional<Message> otherClaims;
    private final byte[] testimony;
    private final char[] folded;
    private final Shown shown;
    private volatile boolean wiped;

    /** What the table shows of a testimony, read once when it is opened. */
    public record Shown(String place, List<String> languages, String pseudonym, LocalDate interviewDay, List<String> recipients,
                        String foldedPlace) {
        public Shown {
            languages = List.copyOf(languages);
            recipients = List.copyOf(recipients);
        }

        static Shown of(JsonNode testimony) {
            String place = text(testimony, "/interview/place");
            return new Shown(place, texts(testimony, "/interview/languages/interview"), text(testimony, "/witness/pseudonym"),
                    day(text(testimony, "/interview/started_at")), texts(testimony, "/consent/recipients"),
                    place == null ? "" : Folding.fold(place));
        }

        /** Whether the place holds {@code foldedQuery} (folded as {@link OpenedRecord#holds} takes it). */
        public boolean placeHolds(String foldedQuery) {
            return foldedPlace.contains(foldedQuery);
        }

        private static String text(JsonNode testimony, String pointer) {
            JsonNode node = testimony.at(pointer);
            return node.isTextual() ? node.asText() : null;
        }

        private static List<String> texts(JsonNode testimony, String pointer) {
            List<String> texts = new ArrayList<>();
            testimony.at(pointer).forEach(item -> texts.add(item.asText()));
            return texts;
        }

        /** The day the interview began, in the Gregorian calendar (its offset's day); null if unreadable. */
        private static LocalDate day(String started) {
            try {
                return started == null ? null : OffsetDateTime.parse(started).toLocalDate();
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }

    /** {@code testimony} (the signed bytes, kept: the caller hands them over and wipes no copy) and {@code tree}, read from them. */
    OpenedRecord(String id, Instant sealedAt, String signerFingerprint, String signerUserId, Instant signedAt, int attachments,
                 List<String> cases, List<String> tags, List<Entry> custody, Optional<Message> otherClaims, byte[] testimony,
                 JsonNode tree) {
        this.id = id;
        this.sealedAt = sealedAt;
        this.signerFingerprint = signerFingerprint;
        this.signerUserId = signerUserId;
        this.signedAt = signedAt;
        this.attachments = attachments;
        this.cases = List.copyOf(cases);
        this.tags = List.copyOf(tags);
        this.custody = List.copyOf(custody);
        this.otherClaims = otherClaims;
        this.testimony = testimony;
        this.folded = folded(tree);
        this.shown = Shown.of(tree);
    }

    public String id() {
        return id;
    }

    /** When the record was sealed, as its documenter's custody entry says. */
    public Instant sealedAt() {
        return sealedAt;
    }

    public String signerFingerprint() {
        return signerFingerprint;
    }

    public String signerUserId() {
        return signerUserId;
    }

    /** When the signature inside says it was made. */
    public Instant signedAt() {
        return signedAt;
    }

    /** How many attachments the signed log lists with the record. */
    public int attachments() {
        return attachments;
    }

    /** The cases the signed log puts the record in. */
    public List<String> cases() {
        return cases;
    }

    /** The Rome Statute tags of the record's latest analysis in each of its cases, once each, in the Statute's order. */
    public List<String> tags() {
        return tags;
    }

    public List<Entry> custody() {
        return custody;
    }

    public Optional<Message> otherClaims() {
        return otherClaims;
    }

    /** The values a table shows. */
    public Shown shown() {
        return shown;
    }

    /** The day the interview began (Gregorian), or null. */
    public LocalDate interviewDay() {
        return shown.interviewDay();
    }

    /**
     * The testimony, read again from its signed bytes (a tree for the one record a reader shows,
     * not kept here). Refused once the record was wiped.
     */
    public JsonNode testimony() {
        if (wiped) {
            throw new GawahException(Failure.NOT_READY, Messages.of("records.wiped", id));
        }
        try {
            return JSON.readTree(testimony);
        } catch (IOException e) {
            throw new GawahException(Failure.BAD_DATA, Messages.of("records.not-testimony", id));
        }
    }

    /** Whether the folded text holds {@code foldedQuery} (already folded: fold a query once, not once a record). */
    public boolean holds(String foldedQuery) {
        int n = foldedQuery.length();
        if (n == 0) {
            return true;
        }
        char first = foldedQuery.charAt(0);
        char[] text = folded;
        for (int i = 0, last = text.length - n; i <= last; i++) {
            if (text[i] != first) {
                continue;
            }
            int j = 1;
            while (j < n && text[i + j] == foldedQuery.charAt(j)) {
                j++;
            }
            if (j == n) {
                return true;
            }
        }
        return false;
    }

    /** Overwrites the testimony's bytes and its folded text; the record then finds nothing and reads as nothing. */
    public void wipe() {
        wiped = true;
        Arrays.fill(testimony, (byte) 0);
        Arrays.fill(folded, '\0');
    }

    /** Every text of the testimony, each folded as redaction folds, one per line (a search never spans two). */
    static char[] folded(JsonNode testimony) {
        StringBuilder all = new StringBuilder();
        collectTexts(testimony, all);
        return Folding.fold(all.toString()).toCharArray();
    }

    private static void collectTexts(JsonNode node, StringBuilder into) {
        if (node.isTextual()) {
            into.append(node.asText()).append('\n');
        } else if (node.isContainerNode()) {
            node.forEach(child -> collectTexts(child, into));
        }
    }
}
