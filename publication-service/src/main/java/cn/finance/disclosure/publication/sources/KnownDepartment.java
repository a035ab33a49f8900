package cn.finance.disclosure.publication.sources;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import cn.finance.disclosure.events.department.UnitKind;
import cn.finance.disclosure.events.department.UnitLevel;

import java.time.Instant;

/** A department as its registration event told this service (this service's own copy; never department-service's). */
@Document("departments")
public record KnownDepartment(
        @Id String code,
        String name,
        String shortName,
        String district,
        String kind,
        UnitKind unitKind,
        UnitLevel unitLevel,
        String parentCode,
        Instant registeredAt,
        String eventId) {

    /** A department registered before kind and level existed reads as an administrative 一级部门 (the seed's case). */
    public UnitKind unitKindOrDefault() {
        return unitKind == null ? UnitKind.ADMINISTRATIVE : unitKind;
    }

    public UnitLevel unitLevelOrDefault() {
        return unitLevel == null ? UnitLevel.DEPARTMENT : unitLevel;
    }
}
