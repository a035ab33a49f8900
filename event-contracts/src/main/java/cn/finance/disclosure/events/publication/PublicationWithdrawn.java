package cn.finance.disclosure.events.publication;

import cn.finance.disclosure.events.Actor;

import java.time.Instant;

/**
 * publication.withdrawn.v1, key = departmentCode/fiscalYear: the current version {@code version} was withdrawn with a
 * public reason; it stays readable with status withdrawn, and the disclosure has no current version until a new one
 * is released.
 */
public record PublicationWithdrawn(
        String departmentCode,
        String departmentName,
        int fiscalYear,
        int version,
        String contentHash,
        String reason,
        Actor withdrawnBy,
        Instant withdrawnAt,
        String link) {

    public static String key(String departmentCode, int fiscalYear) {
        return departmentCode + "/" + fiscalYear;
    }
}
