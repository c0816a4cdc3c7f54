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

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gawah.Failure;
import org.gawah.GawahException;
import org.gawah.Message;
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
 * until they are collected (SECURITY.md). The record's custody entries are not kept (each window
 * session adds one to every record): the reader reads them from the signed logs when it shows the
 * record ({@link LegalRecords#custody}). Nothing of it is written anywhere.
 */
public final class OpenedRecord {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String id;
    private final Instant sealedAt;
    private final String signerFingerprint;
    private final String signerUserId;
    private final Instant signedAt;
    private final int attachments;
    private volatile List<String> cases;
    private volatile List<String> tags;
    private final Optional<Message> otherClaims;
    private final byte[] testimony;
    private final char[] folded;
    private final Shown shown;
    private volatile boolean wiped;

    /**
     * What the table shows of a testimony, read once when it is opened; {@code addsTo}, for an
     * addendum (files added later, {@code gawah.addendum/1}), the record it adds to, else null.
     */
    public record Shown(String place, List<String> languages, String pseudonym, LocalDate interviewDay, List<String> recipients,
                        String foldedPlace, String addsTo) {
        public Shown {
            languages = List.copyOf(languages);
            recipients = List.copyOf(recipients);
        }

        /** Whether the place holds {@code foldedQuery} (folded as {@link OpenedRecord#holds} takes it). */
        public boolean placeHolds(String foldedQuery) {
            return foldedPlace.contains(foldedQuery);
        }

        /** The day the interview began, in the Gregorian calendar (its offset's day); null if unreadable. */
        static LocalDate day(String started) {
            try {
                return started == null ? null : OffsetDateTime.parse(started).toLocalDate();
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }

    /**
     * Reads {@code testimony} (the signed bytes, kept: the caller hands them over and wipes no
     * copy) once, as a stream of tokens rather than a tree: every text for the search, the table's
     * values by their place in the document.
     */
    OpenedRecord(String id, Instant sealedAt, String signerFingerprint, String signerUserId, Instant signedAt, int attachments,
                 List<String> cases, List<String> tags, Optional<Message> otherClaims, byte[] testimony) throws IOException {
        this.id = id;
        this.sealedAt = sealedAt;
        this.signerFingerprint = signerFingerprint;
        this.signerUserId = signerUserId;
        this.signedAt = signedAt;
        this.attachments = attachments;
        this.cases = List.copyOf(cases);
        this.tags = List.copyOf(tags);
        this.otherClaims = otherClaims;
        this.testimony = testimony;
        Reading read = new Reading();
        read.from(testimony);
        this.folded = Folding.fold(read.texts.toString()).toCharArray();
        this.shown = new Shown(read.place, read.languages, read.pseudonym, Shown.day(read.startedAt), read.recipients,
                read.place == null ? "" : Folding.fold(read.place), read.addsTo);
    }

    /** One pass over the testimony's tokens: every string, and the table's values where the format puts them. */
    private static final class Reading {
        final StringBuilder texts = new StringBuilder();
        final List<String> languages = new ArrayList<>();
        final List<String> recipients = new ArrayList<>();
        String place;
        String pseudonym;
        String startedAt;
        String addsTo;

        void from(byte[] testimony) throws IOException {
            // The path of field names down to the current value ("interview/languages/interview").
            java.util.ArrayDeque<String> path = new java.util.ArrayDeque<>();
            try (JsonParser parser = JSON.getFactory().createParser(testimony)) {
                String field = null;
                for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                    switch (token) {
                        case FIELD_NAME: field = parser.currentName(); break;
                        case START_OBJECT:
                        case START_ARRAY:
                            path.addLast(field == null ? "" : field);
                            field = null;
                            break;
                        case END_OBJECT:
                        case END_ARRAY:
                            path.removeLast();
                            field = null;
                            break;
                        case VALUE_STRING:
                            String text = parser.getText();
                            texts.append(text).append('\n'); // one per line: a search never spans two
                            take(String.join("/", path) + "/" + (field == null ? "" : field), text);
                            field = null;
                            break;
                        default: field = null; break;
                    }
                }
            }
        }

        private void take(String at, String text) {
            switch (at) {
                case "/interview/place": place = text; break;
                case "/interview/started_at": startedAt = text; break;
                case "/witness/pseudonym": pseudonym = text; break;
                case "/adds_to": addsTo = text; break;
                case "/interview/languages/interview/": languages.add(text); break;
                case "/consent/recipients/": recipients.add(text); break;
                default: break;
            }
        }
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

    /** Files the record again where the signed log now puts it (a case made or changed since it was opened). */
    public void filed(List<String> inCases, List<String> withTags) {
        cases = List.copyOf(inCases);
        tags = List.copyOf(withTags);
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
}
