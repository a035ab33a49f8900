package cn.finance.disclosure.events.department;

import java.time.Instant;

/**
 * department.registered.v2, key = department code: the registration with the unit's kind and level as enumerations
 * (v1 carried a free-text kind). Consumers still accept v1; a v1 registration reads as an administrative 一级部门.
 */
public record DepartmentRegisteredV2(
        String code,
        String name,
        String shortName,
        String district,
        UnitKind kind,
        UnitLevel level,
        String parentCode,
        Instant registeredAt) {

    /** A v1 registration read as v2: its free-text kind is not an enumeration, so kind and level are unknown. */
    public static DepartmentRegisteredV2 fromV1(DepartmentRegistered v1) {
        return new DepartmentRegisteredV2(v1.code(), v1.name(), v1.shortName(), v1.district(), null, null,
                v1.parentCode(), v1.registeredAt());
    }
}
