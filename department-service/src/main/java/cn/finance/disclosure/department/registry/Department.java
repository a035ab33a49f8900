package cn.finance.disclosure.department.registry;

import cn.finance.disclosure.events.Actor;
import cn.finance.disclosure.events.EventJson;
import cn.finance.disclosure.events.EventTypes;
import cn.finance.disclosure.events.Topics;
import cn.finance.disclosure.events.department.DepartmentRegisteredV2;
import cn.finance.disclosure.events.department.UnitKind;
import cn.finance.disclosure.events.department.UnitLevel;
import cn.finance.disclosure.support.outbox.OutboxAggregate;
import cn.finance.disclosure.support.outbox.OutboxMessage;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A budget unit registered by the bureau. Its registration event travels in this same document (outbox). */
@Document("departments")
public class Department implements OutboxAggregate {

    @Id
    private String code;
    private String name;
    private String shortName;
    private String district;
    /** The enumeration's name (UnitKind); older registrations hold a free-text kind. */
    private String kind;
    private UnitLevel level;
    private String parentCode;
    private Instant registeredAt;
    private Actor registeredBy;
    @Version
    private Long version;
    private List<OutboxMessage> outbox = new ArrayList<>();
    @Transient
    private final List<OutboxMessage> recorded = new ArrayList<>();

    protected Department() {
    }

    static Department register(String code, String name, String shortName, String district, UnitKind kind,
                               UnitLevel level, String parentCode, Actor by, Instant now) {
        Department d = new Department();
        d.code = code;
        d.name = name;
        d.shortName = shortName;
        d.district = district;
        d.kind = kind.name();
        d.level = level == null ? UnitLevel.DEPARTMENT : level;
        d.parentCode = parentCode;
        d.registeredAt = now;
        d.registeredBy = by;
        DepartmentRegisteredV2 payload = new DepartmentRegisteredV2(code, name, shortName, district, kind, d.level,
                parentCode, now);
        OutboxMessage registered = OutboxMessage.of(Topics.DEPARTMENT_EVENTS, code,
                EventJson.envelope(EventTypes.DEPARTMENT_REGISTERED_V2, "department-service", code, now, payload));
        d.outbox.add(registered);
        d.recorded.add(registered);
        return d;
    }

    @Override
    public List<OutboxMessage> recordedEvents() {
        return List.copyOf(recorded);
    }

    @Override
    public void recordedEventsStored() {
        recorded.clear();
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public String shortName() {
        return shortName;
    }

    public String district() {
        return district;
    }

    public String kind() {
        return kind;
    }

    /** Absent for registrations made before levels were registered; they read as 一级部门. */
    public UnitLevel level() {
        return level == null ? UnitLevel.DEPARTMENT : level;
    }

    public String parentCode() {
        return parentCode;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public Long version() {
        return version;
    }
}
