package org.gawah.keys;

import java.util.Locale;

/** What a pinned certificate is for in this home. */
public enum Role {
    /** A legal-team member: receives every sealed testimony. */
    LEGAL,
    /** A protection officer: receives the testimony and, alone, the witness-identity envelope. */
    PROTECTION,
    /** A documenter whose signatures this home trusts (on the legal team's side). */
    DOCUMENTER,
    /**
     * A legal team's custodian whose evidence packages this home accepts (a receiving body's
     * side). Never sealed to: trusting a sender must not make one's own records readable to it.
     */
    CUSTODIAN;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
