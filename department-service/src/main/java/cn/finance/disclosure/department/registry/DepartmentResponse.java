package cn.finance.disclosure.department.registry;

import java.time.Instant;

public record DepartmentResponse(String code, String name, String shortName, String district, String kind,
                                 String parentCode, Instant registeredAt, long version) {

    static DepartmentResponse of(Department d) {
        return new DepartmentResponse(d.code(), d.name(), d.shortName(), d.district(), d.kind(), d.parentCode(),
                d.registeredAt(), d.version() == null ? 0 : d.version());
    }
}
