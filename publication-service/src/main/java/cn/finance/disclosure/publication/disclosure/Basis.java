package cn.finance.disclosure.publication.disclosure;

import cn.finance.disclosure.events.Actor;

import java.time.Instant;

/**
 * What a disclosure is generated from: one approved budget revision (with who approved it, for the separation of
 * duties) and one profile version (null while the profile is missing). Bases only move forward.
 */
public record Basis(
        String budgetId,
        int budgetRevision,
        Instant approvedAt,
        Actor approvedBy,
        Actor submittedBy,
        Long profileVersion) {

    /** A later revision, or the same revision with a later profile. */
    public boolean isNewerThan(Basis other) {
        if (other == null) {
            return true;
        }
        if (budgetRevision != other.budgetRevision) {
            return budgetRevision > other.budgetRevision;
        }
        return profileOrder() > other.profileOrder();
    }

    private long profileOrder() {
        return profileVersion == null ? -1 : profileVersion;
    }
}
