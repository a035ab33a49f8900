package cn.finance.disclosure.budget.units;

import cn.finance.disclosure.events.EventEnvelope;
import cn.finance.disclosure.events.EventJson;
import cn.finance.disclosure.events.EventTypes;
import cn.finance.disclosure.events.Topics;
import cn.finance.disclosure.events.department.DepartmentRegisteredV2;
import cn.finance.disclosure.events.department.UnitKind;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Service;

import java.util.Optional;

/**
 * The kinds of the departments, from department-service's registrations. Writing the same registration again is a
 * no-op (an upsert of the same values), so redeliveries are harmless. A department registered before kinds existed
 * (department.registered.v1) has no known kind: its budget is validated as an administrative unit's, the template
 * its disclosure follows too.
 */
@Service
public class UnitKinds {

    private static final Logger log = LoggerFactory.getLogger(UnitKinds.class);

    private final MongoTemplate mongo;

    UnitKinds(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<UnitKind> kindOf(String departmentCode) {
        return Optional.ofNullable(mongo.findById(departmentCode, KnownUnit.class)).map(KnownUnit::kind);
    }

    void record(DepartmentRegisteredV2 event, String eventId) {
        mongo.upsert(Query.query(Criteria.where("_id").is(event.code())), new Update()
                .set("kind", event.kind()).set("level", event.level()).set("eventId", eventId), KnownUnit.class);
    }

    @KafkaListener(id = "budget-department-events", idIsGroup = false, topics = Topics.DEPARTMENT_EVENTS)
    void onDepartmentEvent(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return;
        }
        EventEnvelope envelope;
        try {
            envelope = EventJson.readEnvelope(record.value());
        } catch (RuntimeException e) {
            log.warn("skipping an unreadable department event at {}/{}: {}", record.partition(), record.offset(),
                    e.getMessage());
            return;
        }
        if (envelope == null || !EventTypes.DEPARTMENT_REGISTERED_V2.equals(envelope.type())) {
            return;
        }
        DepartmentRegisteredV2 event;
        try {
            event = EventJson.payload(envelope, DepartmentRegisteredV2.class);
        } catch (RuntimeException e) {
            log.warn("skipping department event {}: payload unreadable: {}", envelope.id(), e.getMessage());
            return;
        }
        if (event.code() == null || event.kind() == null) {
            log.warn("skipping department event {}: no code or kind", envelope.id());
            return;
        }
        record(event, envelope.id());
    }
}
