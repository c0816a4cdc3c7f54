package org.gawah.keys;

import java.util.Locale;

/** What a pinned certificate is for in this home. */
public enum Role {
    /** A legal-team member: receives every sealed testimony. */
    LEGAL,
    /** A protection officer: receives the testimony and, alone, the witness-identity envelope. */
    PROTECTION,
    /** A documenter whose signatures this home trusts (on the legal team's side). */
    DOCUMENTER;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
