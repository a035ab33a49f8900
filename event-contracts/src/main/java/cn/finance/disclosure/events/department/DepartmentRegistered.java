package cn.finance.disclosure.events.department;

import java.time.Instant;

/** department.registered.v1, key = department code. */
public record DepartmentRegistered(
        String code,
        String name,
        String shortName,
        String district,
        String kind,
        String parentCode,
        Instant registeredAt) {
}
