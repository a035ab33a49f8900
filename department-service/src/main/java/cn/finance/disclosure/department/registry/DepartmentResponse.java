package cn.finance.disclosure.department.registry;

import cn.finance.disclosure.events.department.UnitLevel;

import java.time.Instant;

/** {@code kind} is a UnitKind name (older registrations: their free text); {@code level} a UnitLevel name. */
public record DepartmentResponse(String code, String name, String shortName, String district, String kind,
                                 UnitLevel level, String parentCode, Instant registeredAt, long version) {

    static DepartmentResponse of(Department d) {
        return new DepartmentResponse(d.code(), d.name(), d.shortName(), d.district(), d.kind(), d.level(),
                d.parentCode(), d.registeredAt(), d.version() == null ? 0 : d.version());
    }
}
