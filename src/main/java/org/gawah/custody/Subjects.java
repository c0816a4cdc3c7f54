package org.gawah.custody;

/**
 * What an entry's subject names (docs/format/custody-log.md, "Actions and subjects"): an item
 * kept in the vault (record, identity envelope, attachment, case, analysis), a bag, the head of
 * the documenter log a bag carried, or a record's place in a case.
 */
public final class Subjects {
    private Subjects() {
    }

    /** A bag id alone ({@code GWB-…} or {@code GWE-…}): a submission or an evidence package, not an item of the vault. */
    public static boolean isBag(String subject) {
        return (subject.startsWith("GWB-") || subject.startsWith("GWE-")) && subject.indexOf('/') < 0;
    }

    /** {@code GWB-…/head}: an imported bag's log head, the documenter's entry it ended with (legal side). */
    public static String bagHead(String bagId) {
        return bagId + "/head";
    }

    public static boolean isBagHead(String subject) {
        return subject.startsWith("GWB-") && subject.endsWith("/head");
    }

    /** The bag id of a {@link #bagHead} subject. */
    public static String bagOfHead(String subject) {
        return subject.substring(0, subject.length() - "/head".length());
    }

    /** {@code GWC-…/GWH-…}: a record's place in a case, and which sealed analysis of it is the latest. */
    public static String membership(String caseId, String recordId) {
        return caseId + "/" + recordId;
    }

    public static boolean isMembership(String subject) {
        return subject.startsWith("GWC-") && subject.indexOf('/') > 0;
    }

    /** The case id of a {@link #membership} subject. */
    public static String caseOf(String membership) {
        return membership.substring(0, membership.indexOf('/'));
    }

    /** The record id of a {@link #membership} subject. */
    public static String recordOf(String membership) {
        return membership.substring(membership.indexOf('/') + 1);
    }

    /**
     * Whether the entry logs an item being put into the vault, with the digest the item must have
     * from then on: {@code sealed}, {@code attached}, {@code imported}, {@code case_created} or
     * {@code analysed}, about a record, an identity envelope, an attachment, a case or an analysis.
     */
    public static boolean stores(Entry entry) {
        String subject = entry.subject();
        if (isBag(subject) || isBagHead(subject) || isMembership(subject)) {
            return false;
        }
        switch (entry.action()) {
            case SEALED:
            case ATTACHED:
            case IMPORTED:
            case CASE_CREATED:
            case ANALYSED:
                return true;
            default:
                return false;
        }
    }
}
