package cn.finance.disclosure.events.department;

import java.time.Instant;

/**
 * department.profile-updated.v1, key = department code. Carries the whole snapshot (event-carried state) and the
 * profile's version, so a consumer can ignore an older snapshot arriving after a newer one.
 */
public record DepartmentProfileUpdated(
        String departmentCode,
        String departmentName,
        int fiscalYear,
        long profileVersion,
        ProfileSnapshot profile,
        Instant updatedAt) {
}
