package cn.finance.disclosure.department.profile;

import cn.finance.disclosure.events.Actor;
import cn.finance.disclosure.events.EventJson;
import cn.finance.disclosure.events.EventTypes;
import cn.finance.disclosure.events.Topics;
import cn.finance.disclosure.events.department.DepartmentProfileUpdated;
import cn.finance.disclosure.events.department.ProfileSnapshot;
import cn.finance.disclosure.support.outbox.OutboxAggregate;
import cn.finance.disclosure.support.outbox.OutboxMessage;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A department's profile for one fiscal year. Every change records a {@code department.profile-updated.v1} event
 * with the whole snapshot in this same document, so the change and its event are one write.
 */
@Document("department_profiles")
public class DepartmentProfile implements OutboxAggregate {

    @Id
    private String id;
    private String departmentCode;
    private int fiscalYear;
    private ProfileContent snapshot;
    private Instant updatedAt;
    private Actor updatedBy;
    @Version
    private Long version;
    private List<OutboxMessage> outbox = new ArrayList<>();
    @Transient
    private final List<OutboxMessage> recorded = new ArrayList<>();

    protected DepartmentProfile() {
    }

    static String idOf(String departmentCode, int fiscalYear) {
        return departmentCode + "/" + fiscalYear;
    }

    static DepartmentProfile create(String departmentCode, int fiscalYear) {
        DepartmentProfile p = new DepartmentProfile();
        p.id = idOf(departmentCode, fiscalYear);
        p.departmentCode = departmentCode;
        p.fiscalYear = fiscalYear;
        return p;
    }

    /** Replaces the profile and records the event carrying the new snapshot and the version it will have. */
    void replace(ProfileContent snapshot, String departmentName, Actor by, Instant now) {
        this.snapshot = snapshot;
        this.updatedAt = now;
        this.updatedBy = by;
        long nextVersion = version == null ? 0 : version + 1;
        DepartmentProfileUpdated payload = new DepartmentProfileUpdated(departmentCode, departmentName, fiscalYear,
                nextVersion, payload(snapshot), now);
        OutboxMessage message = OutboxMessage.of(Topics.DEPARTMENT_EVENTS, departmentCode,
                EventJson.envelope(EventTypes.DEPARTMENT_PROFILE_UPDATED, "department-service",
                        departmentCode + "/" + fiscalYear, now, payload));
        outbox.add(message);
        recorded.add(message);
    }

    /** The events this change recorded (not those already waiting in the stored outbox). */
    @Override
    public List<OutboxMessage> recordedEvents() {
        return List.copyOf(recorded);
    }

    @Override
    public void recordedEventsStored() {
        recorded.clear();
    }

    String id() {
        return id;
    }

    public String departmentCode() {
        return departmentCode;
    }

    public int fiscalYear() {
        return fiscalYear;
    }

    public ProfileContent snapshot() {
        return snapshot;
    }

    /** The one mapping from the stored profile to the event's snapshot, member for member. */
    static ProfileSnapshot payload(ProfileContent c) {
        return new ProfileSnapshot(c.fiscalYear(), c.functions() == null ? null : new ArrayList<>(c.functions()),
                c.divisions() == null ? null : c.divisions().stream()
                        .map(d -> d == null ? null : new ProfileSnapshot.Division(d.name(), d.responsibilities()))
                        .collect(Collectors.toList()),
                c.disclosureContact() == null ? null : new ProfileSnapshot.DisclosureContact(
                        c.disclosureContact().name(), c.disclosureContact().phone()));
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Actor updatedBy() {
        return updatedBy;
    }

    public Long version() {
        return version;
    }

    public boolean isNew() {
        return version == null;
    }
}
