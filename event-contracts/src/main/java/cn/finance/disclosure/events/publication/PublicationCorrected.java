package cn.finance.disclosure.events.publication;

import cn.finance.disclosure.events.Actor;

import java.time.Instant;

/**
 * publication.corrected.v1, key = departmentCode/fiscalYear: version {@code version} was released in place of version
 * {@code supersedes}, which stays readable as superseded. {@code reason} is the public reason for the correction.
 */
public record PublicationCorrected(
        String departmentCode,
        String departmentName,
        int fiscalYear,
        int version,
        int supersedes,
        String reason,
        String contentHash,
        String budgetId,
        int budgetRevision,
        long profileVersion,
        Actor approvedBy,
        Actor confirmedBy,
        Actor releasedBy,
        Instant releasedAt,
        String link) {

    public static String key(String departmentCode, int fiscalYear) {
        return departmentCode + "/" + fiscalYear;
    }
}
