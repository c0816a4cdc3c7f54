package org.gawah.custody;

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
    REDACTED("redacted");

    private final String wire;

    Action(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
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
