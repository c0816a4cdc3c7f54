package org.gawah.custody;

import java.util.Arrays;
import java.util.Optional;

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
    TSA_PINNED("tsa_pinned");

    private final String wire;

    Action(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    static Optional<Action> fromWire(String wire) {
        return Arrays.stream(values()).filter(a -> a.wire.equals(wire)).findFirst();
    }
}
