package cn.finance.disclosure.events.publication;

import cn.finance.disclosure.events.Actor;

import java.time.Instant;

/**
 * publication.released.v1, key = departmentCode/fiscalYear: a disclosure became public as version {@code version}
 * (the first, or the first after a withdrawal). {@code contentHash} is the SHA-256 (lowercase hex) of the RFC 8785
 * canonical JSON of the version's {@code content}; {@code link} is the version's path in the public read API. The three
 * actors are three different people (issuer + subject): the budget's approver, the unit head who confirmed, the
 * publisher who released.
 */
public record PublicationReleased(
        String departmentCode,
        String departmentName,
        int fiscalYear,
        int version,
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
