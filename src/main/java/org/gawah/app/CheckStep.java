package org.gawah.app;

import java.util.function.Consumer;

import org.gawah.bag.Stages;

/**
 * The checks of a bag or an evidence package received, in the order a face lists them: told as
 * each begins, so that the window can mark those that passed and the one a refused bag failed
 * at. The terminal does not list them; its report says the same in lines.
 */
public enum CheckStep {
    /** An encrypted evidence package decrypted with this home's key, its signer trusted here. */
    DECRYPTION,
    /** The zip read whole: every byte accounted for, one folder at the top. */
    ZIP,
    /** The bag's own checks ({@link Stages.Stage}), in the reader's order. */
    LAYOUT, SIGNATURE, CUSTODY_LOG, PAYLOAD, CONTENTS,
    /** The time-stamp tokens it carries, against the authorities pinned here. */
    TIMESTAMPS,
    /** What this vault already holds: the same bag, an older one, a log that forked. */
    THIS_VAULT;

    /** Nobody listening. */
    public static final Consumer<CheckStep> NONE = step -> { };

    /** The bag's own stages told as these steps. */
    static Stages of(Consumer<CheckStep> steps) {
        return stage -> steps.accept(valueOf(stage.name()));
    }
}
