package cn.finance.disclosure.support.outbox;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.support.MessageBuilder;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drains the outboxes kept inside aggregate documents to Kafka, at least once: an event leaves the document only
 * after the broker acknowledged it (acks=all), so a crash between the write and the publish publishes it after the
 * restart, and a crash between the publish and the removal publishes it twice (consumers deduplicate by event id).
 * Woken right after each write; also polls, which is what picks up work left by a crash.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Query PENDING = Query.query(Criteria.where("outbox.0").exists(true)).limit(200);

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, String> kafka;
    private final List<String> collections;
    private final Duration pollInterval;
    private final Semaphore wake = new Semaphore(0);
    private final AtomicLong relayed = new AtomicLong();
    private volatile boolean running;
    private volatile Thread worker;

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, List<String> collections,
                       Duration pollInterval) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.collections = List.copyOf(collections);
        this.pollInterval = pollInterval;
    }

    /** Called after a write that added outbox messages, so they leave at once rather than at the next poll. */
    public void wakeUp() {
        wake.release();
    }

    public long relayedCount() {
        return relayed.get();
    }

    /** One pass over every outbox; returns how many events were published. Public for tests. */
    public int drainOnce() {
        int published = 0;
        for (String collection : collections) {
            for (Document document : mongo.find(PENDING, Document.class, collection)) {
                Object id = document.get("_id");
                List<Document> outbox = document.getList("outbox", Document.class, List.of());
                for (Document message : outbox) {
                    publish(message);
                    mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                            new Update().pull("outbox", new Document("eventId", message.getString("eventId"))),
                            collection);
                    published++;
                    relayed.incrementAndGet();
                }
            }
        }
        return published;
    }

    private void publish(Document message) {
        try {
            kafka.send(MessageBuilder.withPayload(message.getString("envelope"))
                            .setHeader(KafkaHeaders.TOPIC, message.getString("topic"))
                            .setHeader(KafkaHeaders.KEY, message.getString("key"))
                            .setHeader("ce_type", message.getString("type"))
                            .setHeader("ce_id", message.getString("eventId"))
                            .build())
                    .get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", e);
        } catch (Exception e) {
            throw new IllegalStateException("publishing event " + message.getString("eventId") + " failed", e);
        }
    }

    private void loop() {
        long backoffMillis = 0;
        while (running) {
            try {
                wake.tryAcquire(backoffMillis > 0 ? backoffMillis : pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
                if (!running) {
                    return;
                }
                int published = drainOnce();
                if (published > 0) {
                    log.debug("relayed {} event(s)", published);
                }
                backoffMillis = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                backoffMillis = Math.min(5_000, Math.max(250, backoffMillis * 2));
                log.warn("outbox relay pass failed, retrying in {} ms: {}", backoffMillis, e.getMessage());
            }
        }
    }

    @Override
    public void start() {
        running = true;
        worker = Thread.ofPlatform().name("outbox-relay").daemon(true).start(this::loop);
        wake.release();
    }

    @Override
    public void stop() {
        running = false;
        Thread t = worker;
        if (t != null) {
            wake.release();
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
