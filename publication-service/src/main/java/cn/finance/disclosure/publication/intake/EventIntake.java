package cn.finance.disclosure.publication.intake;

import cn.finance.disclosure.events.Actor;
import cn.finance.disclosure.events.EventEnvelope;
import cn.finance.disclosure.events.EventJson;
import cn.finance.disclosure.events.EventTypes;
import cn.finance.disclosure.events.Topics;
import cn.finance.disclosure.events.budget.BudgetApproved;
import cn.finance.disclosure.events.budget.BudgetApprovedV2;
import cn.finance.disclosure.events.department.DepartmentProfileUpdated;
import cn.finance.disclosure.events.department.DepartmentRegistered;
import cn.finance.disclosure.events.department.DepartmentRegisteredV2;
import cn.finance.disclosure.publication.disclosure.Drafts;
import cn.finance.disclosure.publication.sources.Sources;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.regex.Pattern;

/**
 * Consumes the department and budget events into this service's own read models, then brings the affected
 * disclosure up to date. Both steps are idempotent, so a redelivered event (at-least-once) or an older one arriving
 * late changes nothing. Other event types on these topics are not this service's business and are skipped.
 */
@Component
class EventIntake {

    private static final Logger log = LoggerFactory.getLogger(EventIntake.class);
    private static final Pattern CODE = Pattern.compile("[0-9]{6,12}");

    private final Sources sources;
    private final Drafts drafts;
    private final ProducerCheck producers;

    EventIntake(Sources sources, Drafts drafts, ProducerCheck producers) {
        this.sources = sources;
        this.drafts = drafts;
        this.producers = producers;
    }

    @KafkaListener(id = "publication-department-events", idIsGroup = false, topics = Topics.DEPARTMENT_EVENTS)
    void onDepartmentEvent(ConsumerRecord<String, String> record) {
        EventEnvelope envelope = envelope(record);
        if (envelope == null) {
            return;
        }
        switch (envelope.type()) {
            case EventTypes.DEPARTMENT_REGISTERED -> {
                DepartmentRegistered event = payload(envelope, DepartmentRegistered.class);
                requireCode(event.code());
                require(event.name() != null && !event.name().isBlank(), "name missing");
                sources.recordDepartment(event, envelope.id());
            }
            case EventTypes.DEPARTMENT_REGISTERED_V2 -> {
                DepartmentRegisteredV2 event = payload(envelope, DepartmentRegisteredV2.class);
                requireCode(event.code());
                require(event.name() != null && !event.name().isBlank(), "name missing");
                sources.recordDepartment(event, envelope.id());
            }
            case EventTypes.DEPARTMENT_PROFILE_UPDATED -> {
                DepartmentProfileUpdated event = payload(envelope, DepartmentProfileUpdated.class);
                requireCode(event.departmentCode());
                requireYear(event.fiscalYear());
                require(event.profileVersion() >= 0, "profileVersion negative");
                require(event.profile() != null, "profile missing");
                require(event.departmentName() != null && !event.departmentName().isBlank(), "departmentName missing");
                boolean changed = sources.recordProfile(event, envelope.id());
                log.debug("profile {}/{} v{} {}", event.departmentCode(), event.fiscalYear(), event.profileVersion(),
                        changed ? "stored" : "not newer than the one held");
                // Also when nothing changed: a crash may have come between storing the profile and drafting.
                drafts.refresh(event.departmentCode(), event.fiscalYear());
            }
            default -> log.debug("skipping {} ({})", envelope.type(), envelope.id());
        }
    }

    @KafkaListener(id = "publication-budget-events", idIsGroup = false, topics = Topics.BUDGET_EVENTS)
    void onBudgetEvent(ConsumerRecord<String, String> record) {
        EventEnvelope envelope = envelope(record);
        if (envelope == null) {
            return;
        }
        if (!EventTypes.BUDGET_APPROVED_V2.equals(envelope.type()) && !EventTypes.BUDGET_APPROVED.equals(envelope.type())) {
            log.debug("skipping {} ({})", envelope.type(), envelope.id());
            return;
        }
        String producer = producers.budgetEventProducer(record); // before anything of the record is believed
        BudgetApprovedV2 event = EventTypes.BUDGET_APPROVED_V2.equals(envelope.type())
                ? payload(envelope, BudgetApprovedV2.class)
                : BudgetApprovedV2.fromV1(payload(envelope, BudgetApproved.class)); // older approvals: no names
        requireCode(event.departmentCode());
        requireYear(event.fiscalYear());
        require(event.revision() >= 1, "revision must be 1 or more");
        require(event.budgetId() != null, "budgetId missing");
        require(event.approvedAt() != null, "approvedAt missing");
        requireActor(event.approvedBy(), "approvedBy");
        require(event.submission() != null, "submission missing");
        require(event.submission().fiscalYear() == null || event.submission().fiscalYear() == event.fiscalYear(),
                "submission.fiscalYear differs from fiscalYear");
        boolean stored = sources.recordApproval(event, envelope.id(), producer);
        log.info("budget {}/{} revision {} approved{} (producer {})", event.departmentCode(), event.fiscalYear(),
                event.revision(), stored ? "" : " (already known)", producer == null ? "unchecked" : producer);
        drafts.refresh(event.departmentCode(), event.fiscalYear());
    }

    private static EventEnvelope envelope(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            log.debug("skipping tombstone at {}/{}/{}", record.topic(), record.partition(), record.offset());
            return null;
        }
        EventEnvelope envelope;
        try {
            envelope = EventJson.readEnvelope(record.value());
        } catch (RuntimeException e) {
            throw new PoisonMessage("not an event envelope: " + e.getMessage(), e);
        }
        if (envelope == null || envelope.id() == null || envelope.type() == null || envelope.data() == null) {
            throw new PoisonMessage("envelope without id, type or data");
        }
        return envelope;
    }

    private static <T> T payload(EventEnvelope envelope, Class<T> type) {
        try {
            return EventJson.payload(envelope, type);
        } catch (RuntimeException e) {
            throw new PoisonMessage(envelope.type() + " " + envelope.id() + ": payload unreadable: " + e.getMessage(), e);
        }
    }

    private static void requireCode(String code) {
        require(code != null && CODE.matcher(code).matches(), "department code must be 6 to 12 digits");
    }

    private static void requireYear(int year) {
        require(year >= 2000 && year <= 2100, "fiscal year out of range");
    }

    private static void requireActor(Actor actor, String field) {
        require(actor != null && actor.issuer() != null && actor.subject() != null, field + " without issuer/subject");
    }

    private static void require(boolean condition, String what) {
        if (!condition) {
            throw new PoisonMessage("contract broken: " + what);
        }
    }
}
