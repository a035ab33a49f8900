package cn.finance.disclosure.publication.intake;

import cn.finance.disclosure.events.Topics;
import cn.finance.disclosure.support.security.StaffUser;
import cn.finance.disclosure.support.web.DomainException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replays parked messages through the very path a consumed message takes ({@link EventIntake}), which is idempotent:
 * a letter replayed twice, or replayed after its event was redelivered, changes nothing more. Every replay is recorded
 * on the letter (who, when, with what outcome) and logged; a replayed letter stays, marked, as the audit trail.
 */
@Service
class DeadLetterReplay {

    static final String REPLAYED = "replayed";
    static final String PARKED = "parked";
    private static final Logger log = LoggerFactory.getLogger(DeadLetterReplay.class);
    /** The API's id of a letter: topic-partition-offset (the stored id has slashes, which a path cannot carry). */
    private static final Pattern API_ID = Pattern.compile("(.+)-([0-9]{1,9})-([0-9]{1,19})");

    private final MongoTemplate mongo;
    private final EventIntake intake;
    private final Clock clock;

    DeadLetterReplay(MongoTemplate mongo, EventIntake intake, Clock clock) {
        this.mongo = mongo;
        this.intake = intake;
        this.clock = clock;
    }

    List<DeadLetterViews.Letter> list() {
        Query all = new Query().with(Sort.by("parkedAt", "_id")).limit(1000);
        return mongo.find(all, Document.class, DeadLetters.COLLECTION).stream().map(DeadLetterViews.Letter::of)
                .toList();
    }

    DeadLetterViews.Letter replay(String apiId, StaffUser by) {
        Document letter = find(apiId).orElseThrow(() -> DomainException.notFound("未找到死信 " + apiId));
        DeadLetterViews.Outcome outcome = replay(letter, by);
        if (!outcome.replayed()) {
            throw new DomainException(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT, "replay-failed",
                    "重放失败", "死信 " + apiId + " 重放后仍无法处理，已记录本次重放：" + outcome.error(),
                    Map.of("deadLetterId", apiId));
        }
        return DeadLetterViews.Letter.of(mongo.findById(letter.get("_id"), Document.class, DeadLetters.COLLECTION));
    }

    /** Replays every letter not replayed yet, oldest first; one that fails again stays parked and the rest go on. */
    DeadLetterViews.ReplayAll replayAll(StaffUser by) {
        Query parked = Query.query(Criteria.where("replayedAt").exists(false)).with(Sort.by("parkedAt", "_id"))
                .limit(1000);
        List<DeadLetterViews.Outcome> outcomes = new ArrayList<>();
        for (Document letter : mongo.find(parked, Document.class, DeadLetters.COLLECTION)) {
            outcomes.add(replay(letter, by));
        }
        long replayed = outcomes.stream().filter(DeadLetterViews.Outcome::replayed).count();
        return new DeadLetterViews.ReplayAll((int) replayed, outcomes.size() - (int) replayed, outcomes);
    }

    private DeadLetterViews.Outcome replay(Document letter, StaffUser by) {
        String apiId = DeadLetterViews.apiId(letter);
        Date at = Date.from(clock.instant());
        Document audit = new Document("by", by.username()).append("subject", by.subject()).append("at", at);
        String error = null;
        try {
            ConsumerRecord<String, String> record = record(letter);
            if (Topics.BUDGET_EVENTS.equals(record.topic())) {
                intake.onBudgetEvent(record);
            } else if (Topics.DEPARTMENT_EVENTS.equals(record.topic())) {
                intake.onDepartmentEvent(record);
            } else {
                throw new PoisonMessage("not a topic this service consumes: " + record.topic());
            }
        } catch (RuntimeException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        Update update = new Update().push("replays", audit.append("outcome", error == null ? REPLAYED : "failed")
                .append("error", error));
        if (error == null) {
            update.set("replayedAt", at).set("replayedBy", by.username());
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(letter.get("_id"))), update, DeadLetters.COLLECTION);
        if (error == null) {
            log.info("dead letter {} ({}) replayed by {} ({})", apiId, letter.getString("type"), by.username(),
                    by.subject());
        } else {
            log.warn("dead letter {} ({}) replayed by {} ({}) failed again: {}", apiId, letter.getString("type"),
                    by.username(), by.subject(), error);
        }
        return new DeadLetterViews.Outcome(apiId, error == null, error);
    }

    private Optional<Document> find(String apiId) {
        Matcher m = API_ID.matcher(apiId);
        if (!m.matches()) {
            return Optional.empty();
        }
        Query byPosition = Query.query(Criteria.where("topic").is(m.group(1))
                .and("partition").is(Integer.parseInt(m.group(2))).and("offset").is(Long.parseLong(m.group(3))));
        return Optional.ofNullable(mongo.findOne(byPosition, Document.class, DeadLetters.COLLECTION));
    }

    private static ConsumerRecord<String, String> record(Document letter) {
        RecordHeaders headers = new RecordHeaders();
        String type = letter.getString("type");
        if (type != null) {
            headers.add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        }
        Number partition = (Number) letter.get("partition");
        Number offset = (Number) letter.get("offset");
        return new ConsumerRecord<>(letter.getString("topic"), partition == null ? 0 : partition.intValue(),
                offset == null ? -1 : offset.longValue(), ConsumerRecord.NO_TIMESTAMP, TimestampType.NO_TIMESTAMP_TYPE,
                ConsumerRecord.NULL_SIZE, ConsumerRecord.NULL_SIZE, letter.getString("key"),
                letter.getString("value"), headers, Optional.empty());
    }
}
