package org.gawah.custody;

import java.util.Optional;

import org.gawah.Message;

/** What a custody entry records. The wire names are part of the format: never rename one. */
public enum Action {
    SEALED("sealed"),
    ATTACHED("attached"),
    SUBMITTED("submitted"),
    IMPORTED("imported"),
    OPENED("opened"),
    EXPORTED("exported"),
    VERIFIED("verified"),
    KEY_IMPORTED("key_imported"),
    CASE_CREATED("case_created"),
    ANALYSED("analysed"),
    REDACTED("redacted"),
    /** A time-stamp token over the entry before this one (docs/format/custody-log.md). */
    TIMESTAMPED("timestamped"),
    /** A time-stamping authority's certificate (or its CA's) pinned in this home. */
    TSA_PINNED("tsa_pinned"),
    /** An archive timestamp of evidence records (RFC 4998; docs/format/evidence-record.md). */
    ARCHIVE_TIMESTAMPED("archive_timestamped"),
    /** A team vault admits an analyst's key to its log, signed by an analyst already admitted (docs/format/custody-log.md). */
    ANALYST_ADDED("analyst_added");

    private final String wire;

    Action(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** The action in words of the run's language, for people (the wire name stays in the log itself). */
    public Message words() {
        switch (this) {
            case SEALED: return Messages.of("action.sealed");
            case ATTACHED: return Messages.of("action.attached");
            case SUBMITTED: return Messages.of("action.submitted");
            case IMPORTED: return Messages.of("action.imported");
            case OPENED: return Messages.of("action.opened");
            case EXPORTED: return Messages.of("action.exported");
            case VERIFIED: return Messages.of("action.verified");
            case KEY_IMPORTED: return Messages.of("action.key-imported");
            case CASE_CREATED: return Messages.of("action.case-created");
            case ANALYSED: return Messages.of("action.analysed");
            case REDACTED: return Messages.of("action.redacted");
            case TIMESTAMPED: return Messages.of("action.timestamped");
            case TSA_PINNED: return Messages.of("action.tsa-pinned");
            case ARCHIVE_TIMESTAMPED: return Messages.of("action.archive-timestamped");
            case ANALYST_ADDED: return Messages.of("action.analyst-added");
            default: throw new IllegalStateException("no words for " + this);
        }
    }

    static Optional<Action> fromWire(String wire) {
        for (Action action : VALUES) {
            if (action.wire.equals(wire)) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }

    /** Read once: every entry of every log a command walks names its action. */
    private static final Action[] VALUES = values();
}
