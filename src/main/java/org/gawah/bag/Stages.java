package org.gawah.bag;

/**
 * The stages of checking a bag from outside (a submission bag, an evidence package), told as each
 * begins: a face that lists the checks can then say which passed and at which one a refused bag
 * failed. The order is each reader's own; a stage not reached was not checked.
 */
@FunctionalInterface
public interface Stages {
    Stages NONE = stage -> { };

    /** What a stage checks. */
    enum Stage {
        /** The declaration, and only the files the format allows, each of those it needs. */
        LAYOUT,
        /** The signature over the tag manifest, the tag files it lists, and bag-info's fields. */
        SIGNATURE,
        /** The custody log the bag carries: every entry's signature and the chain. */
        CUSTODY_LOG,
        /** Every payload file against both manifests and the Payload-Oxum. */
        PAYLOAD,
        /** What the payload holds: each record (or item) against the log and its sidecars. */
        CONTENTS
    }

    void begin(Stage stage);
}
