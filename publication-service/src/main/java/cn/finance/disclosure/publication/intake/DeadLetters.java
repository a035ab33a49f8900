package cn.finance.disclosure.publication.intake;

import cn.finance.disclosure.publication.disclosure.Drafts;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;

/**
 * Parks a message that cannot be processed in the {@code dead_letters} collection (topic, partition, offset, key,
 * value, type header, the error), so the partition moves on and an operator can look at it and replay it. Parking is
 * idempotent (the id is topic/partition/offset): the same message parked again, redelivered or re-consumed after its
 * group was rewound, leaves its letter as it was (when it was first parked included); only a different error is
 * recorded. If parking itself fails, the error handler does not commit the offset and the message is tried again:
 * nothing is dropped silently.
 */
@Component
class DeadLetters implements ConsumerRecordRecoverer {

    static final String COLLECTION = "dead_letters";
    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final MongoTemplate mongo;
    private final Clock clock;

    DeadLetters(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, Exception exception) {
        Throwable cause = rootCause(exception);
        Header type = record.headers().lastHeader("ce_type");
        String error = cause.getClass().getName() + ": " + cause.getMessage();
        Update letter = new Update()
                .setOnInsert("topic", record.topic())
                .setOnInsert("partition", record.partition())
                .setOnInsert("offset", record.offset())
                .setOnInsert("key", record.key() == null ? null : record.key().toString())
                .setOnInsert("value", record.value() == null ? null : record.value().toString())
                .setOnInsert("type", type == null ? null : new String(type.value(), StandardCharsets.UTF_8))
                .set("error", error)
                .setOnInsert("parkedAt", Date.from(clock.instant()));
        mongo.upsert(Query.query(Criteria.where("_id").is(record.topic() + "/" + record.partition() + "/"
                + record.offset())), letter, COLLECTION);
        log.error("parked unprocessable message {}/{}/{} (key {}): {}", record.topic(), record.partition(),
                record.offset(), record.key(), error);
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t
                && !(t instanceof PoisonMessage) && !(t instanceof Drafts.GenerationFailed)) {
            t = t.getCause();
        }
        return t;
    }
}
