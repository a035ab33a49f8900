package cn.finance.disclosure.publication.disclosure;

/**
 * Where a disclosure stands. WAITING_FOR_PROFILE, DRAFT and CONFIRMED have work pending (and a due date); a draft
 * pending while a version is current is a correction draft.
 */
public enum DisclosureStatus {
    /** the budget is approved, the department's profile for the year has not arrived yet */
    WAITING_FOR_PROFILE,
    /** a generated draft waits for the unit head's confirmation (again, if its content changed since) */
    DRAFT,
    /** the unit head confirmed exactly this content; a bureau publisher may release it */
    CONFIRMED,
    /** a version is public and nothing is pending */
    RELEASED,
    /** the last version was withdrawn and nothing is pending */
    WITHDRAWN;

    public boolean isPending() {
        return this == WAITING_FOR_PROFILE || this == DRAFT || this == CONFIRMED;
    }
}
