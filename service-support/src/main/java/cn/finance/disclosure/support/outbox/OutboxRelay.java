package cn.finance.disclosure.support.outbox;

import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.InvalidRecordException;
import cn.finance.disclosure.support.mongo.IndexDeclaration;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.support.MessageBuilder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.LinkedHashSet;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drains the outboxes kept inside aggregate documents to Kafka, each event once: an event leaves the document only
 * after the broker acknowledged it (acks=all), so a crash between the write and the publish publishes it after the
 * restart; and the claim names the message in flight, so after a crash between the broker's acknowledgement and the
 * removal the next relay looks that one message up on its topic before publishing it (see below). Consumers still
 * deduplicate by event id. Woken right after each write; also polls, which is what picks up work left by a crash.
 *
 * <p>Failures are told apart. A broker that cannot be reached (timeouts, no leader, network) stops the pass and the
 * whole relay backs off: nothing is wrong with the messages, so none is ever marked failed for an outage. A message
 * the broker or the client refuses as such (too large, not serializable, an invalid topic) is retried with its own
 * growing pause while every other aggregate's messages keep flowing; past {@code maxAttempts} it is moved from
 * {@code outbox} to {@code outboxFailed} in the same document (kept, visible in {@link #failures()} and a metric).
 * Later messages of the same aggregate wait behind it until then, so one aggregate's events stay in order.
 *
 * <p>Several replicas may run a relay over the same collections. A relay publishes a document's outbox only while it
 * holds that document's claim ({@code relayClaim: {owner, until}}), taken with one conditional findAndModify that
 * succeeds only when the document has no claim, an expired one, or one of its own; the claim is renewed before each
 * message and released after the pass. A replica that dies keeps its claims until they expire ({@code claimLease}),
 * then another takes them over. The claim is taken on the freshly read document, so a relay never publishes from a
 * snapshot that another relay already drained. The owner name is stable across restarts of the same node, so a
 * restarted node picks its own claims up at once.
 *
 * <p>The renewal before each message also records which message is being sent ({@code relayClaim.sending: {eventId,
 * at}}), in the same write, so the hot path costs nothing more. A pass that ends normally removes the claim; one
 * that fails (the broker unreachable, a write refused) lets the claim go but keeps {@code sending}; a crash leaves
 * the whole claim to expire. So a claim taken over with {@code sending} means the previous pass did not finish, and
 * since a relay sends one message at a time and pulls each before the next, the only message that may be on the
 * topic already and still in the outbox is {@code sending.eventId}. Before publishing it, the new holder reads the
 * topic from a little before {@code at} ({@link PublishedEvents}): found, it is pulled without publishing; not
 * found, it is published as usual. If the broker cannot be reached for that, it is an outage like any other.
 */
public class OutboxRelay implements SmartLifecycle {

    static final String OUTBOX = "outbox";
    static final String FAILED = "outboxFailed";
    static final String CLAIM = "relayClaim";
    /** Twice the longest a publish may wait for the broker, so a claim renewed before a publish outlives it. */
    public static final Duration DEFAULT_CLAIM_LEASE = Duration.ofSeconds(60);
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** served by the sparse index on outbox.eventId ({@link #indexes}): only documents with waiting events */
    private static final Query PENDING = Query.query(Criteria.where("outbox.eventId").exists(true)).limit(200);

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, String> kafka;
    private final List<String> collections;
    private final Duration pollInterval;
    private final RetryPolicy retryPolicy;
    private final Clock clock;
    private final String owner;
    private final Duration claimLease;
    /** Made from the producer's settings when first needed (rarely: only after a pass that did not finish). */
    private volatile PublishedEvents onTopics;
    private final Semaphore wake = new Semaphore(0);
    /** Documents just written with new events: drained by id, without scanning the collections. */
    private final Queue<Written> written = new ConcurrentLinkedQueue<>();
    /** When the last full scan began (nanoTime); 0 asks for one at the next pass. */
    private volatile long lastScan;
    private final AtomicLong relayed = new AtomicLong();
    private final AtomicLong refusals = new AtomicLong();
    private final AtomicLong foundOnTopic = new AtomicLong();
    private final Map<String, Retry> retries = new ConcurrentHashMap<>();
    private volatile boolean running;
    private volatile Thread worker;

    /** How often and how patiently a refused message is tried before it is marked failed. */
    public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

        public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofMinutes(1));

        Duration backoffAfter(int attempts) {
            long millis = initialBackoff.toMillis() << Math.min(20, Math.max(0, attempts - 1));
            return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
        }
    }

    private record Retry(int attempts, Instant notBefore, String error) {
    }

    private record Written(String collection, Object id) {
    }

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, List<String> collections,
                       Duration pollInterval) {
        this(mongo, kafka, collections, pollInterval, RetryPolicy.DEFAULT, Clock.systemUTC());
    }

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, List<String> collections,
                       Duration pollInterval, RetryPolicy retryPolicy, Clock clock) {
        this(mongo, kafka, collections, pollInterval, retryPolicy, clock, "relay-" + UUID.randomUUID(),
                DEFAULT_CLAIM_LEASE);
    }

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, List<String> collections,
                       Duration pollInterval, RetryPolicy retryPolicy, Clock clock, String owner,
                       Duration claimLease) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.collections = List.copyOf(collections);
        this.pollInterval = pollInterval;
        this.retryPolicy = retryPolicy;
        this.clock = clock;
        this.owner = owner;
        this.claimLease = claimLease;
    }

    /** The name this relay's claims carry. */
    public String owner() {
        return owner;
    }

    /** The outbox scans' indexes: sparse, so they hold only the documents that have waiting or failed events. */
    public List<IndexDeclaration> indexes() {
        return collections.stream().map(c -> IndexDeclaration.of(c,
                new Index().on("outbox.eventId",
                        Sort.Direction.ASC).sparse().named("outbox_pending"),
                new Index().on(FAILED + ".eventId",
                        Sort.Direction.ASC).sparse().named("outbox_failed"))).toList();
    }

    /** Called after a write that added outbox messages, so they leave at once rather than at the next poll. */
    public void wakeUp() {
        lastScan = 0;
        wake.release();
    }

    /**
     * Called after a write that added outbox messages to one document: the next pass drains that document by its id
     * rather than scanning every collection for waiting events (a scan reads every document where the database cannot
     * use the sparse index, and costs more the more documents there are). The regular poll still scans everything, so
     * whatever a crash or a refused message left behind is still found.
     */
    public void wakeUp(String collection, Object id) {
        if (collections.contains(collection) && id != null) {
            written.add(new Written(collection, id));
        } else {
            lastScan = 0;
        }
        wake.release();
    }

    public long relayedCount() {
        return relayed.get();
    }

    /** How many times a message was refused (each refused attempt counts once). */
    public long refusedAttempts() {
        return refusals.get();
    }

    /**
     * How many messages left in an outbox by a relay that did not finish its pass were found already on their topic,
     * and pulled without being published again.
     */
    public long foundOnTopicCount() {
        return foundOnTopic.get();
    }

    /**
     * One pass over every outbox; returns how many events were published. Public for tests.
     *
     * @throws BrokerUnavailable when the broker could not be reached: the pass stops, no message is blamed
     */
    public int drainOnce() {
        int published = 0;
        for (String collection : collections) {
            for (Document document : mongo.find(PENDING, Document.class, collection)) {
                published += drain(collection, document);
            }
        }
        return published;
    }

    /** Drains the documents named by {@link #wakeUp(String, Object)} since the last pass, each once. */
    int drainWritten() {
        Set<Written> due = new LinkedHashSet<>();
        for (Written w = written.poll(); w != null; w = written.poll()) {
            due.add(w);
        }
        int published = 0;
        for (Written w : due) {
            published += drainById(w.collection(), w.id());
        }
        return published;
    }

    private int drain(String collection, Document pending) {
        return drainById(collection, pending.get("_id"));
    }

    private int drainById(String collection, Object id) {
        Document document = claim(collection, id);
        if (document == null) {
            return 0; // drained meanwhile, or another relay holds it
        }
        Pass pass;
        try {
            pass = drainClaimed(collection, document);
        } catch (RuntimeException e) {
            letGo(collection, id); // the message in flight may have reached the broker: keep it named
            throw e;
        }
        // an Error writes nothing more, as a crash would not: the claim expires with the message it names
        if (!pass.released()) {
            release(collection, id);
        }
        return pass.published();
    }

    /** What a pass over one claimed document did: how many events it published, whether it let the claim go. */
    private record Pass(int published, boolean released) {
    }

    /**
     * Takes the claim on a document that still has waiting events, if free, expired or already this relay's. Only
     * the owner and the lease are set: a {@code sending} left by a pass that did not finish stays, for
     * {@link #drainClaimed} to look at.
     *
     * @return the document as it is now (with its current outbox), or null when it is not this relay's to drain
     */
    Document claim(String collection, Object id) {
        Date now = Date.from(clock.instant());
        Query free = Query.query(new Criteria().andOperator(
                Criteria.where("_id").is(id).and(OUTBOX + ".eventId").exists(true),
                new Criteria().orOperator(Criteria.where(CLAIM).exists(false),
                        Criteria.where(CLAIM + ".until").lte(now),
                        Criteria.where(CLAIM + ".owner").is(owner))));
        // the whole document, not a projection of the outbox and the claim: the MongoDB-wire server answers a
        // projection with the stored document's own nested values, and encoding them while another write changed
        // that document failed with a ConcurrentModificationException (seen in the concurrency system test)
        return mongo.findAndModify(free, new Update().set(CLAIM + ".owner", owner)
                        .set(CLAIM + ".until", Date.from(clock.instant().plus(claimLease))),
                FindAndModifyOptions.options().returnNew(true), Document.class, collection);
    }

    /**
     * Extends this relay's claim and names the message about to be sent, in one write; false when the claim was lost
     * (expired and taken by another relay).
     */
    private boolean renew(String collection, Object id, String eventId) {
        // the wall clock, not the relay's: it is compared with the record's timestamp, taken by the producer from it
        Document sending = new Document("eventId", eventId).append("at", new Date(System.currentTimeMillis()));
        Document claim = new Document("owner", owner).append("until", Date.from(clock.instant().plus(claimLease)))
                .append("sending", sending);
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and(CLAIM + ".owner").is(owner)),
                new Update().set(CLAIM, claim), collection).getMatchedCount() == 1;
    }

    private void release(String collection, Object id) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and(CLAIM + ".owner").is(owner)),
                new Update().unset(CLAIM), collection);
    }

    /** Ends this relay's claim at once but keeps the message it names, which may or may not have been published. */
    private void letGo(String collection, Object id) {
        try {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and(CLAIM + ".owner").is(owner)),
                    new Update().set(CLAIM + ".until", Date.from(clock.instant())), collection);
        } catch (RuntimeException e) {
            log.warn("could not let the relay claim on {} {} go; it expires: {}", collection, id, e.getMessage());
        }
    }

    /**
     * The message a previous pass over this document was sending when it ended without finishing (its claim's
     * {@code sending}), if that message is still in the outbox; null otherwise (the normal case).
     */
    private static Document inDoubt(Document document) {
        Document claim = document.get(CLAIM, Document.class);
        Document sending = claim == null ? null : claim.get("sending", Document.class);
        if (sending == null || sending.getString("eventId") == null) {
            return null;
        }
        String eventId = sending.getString("eventId");
        boolean waiting = document.getList(OUTBOX, Document.class, List.of()).stream()
                .anyMatch(m -> eventId.equals(m.getString("eventId")));
        return waiting ? sending : null;
    }

    private PublishedEvents onTopics() {
        if (onTopics == null) {
            onTopics = PublishedEvents.of(kafka.getProducerFactory());
        }
        return onTopics;
    }

    private void pull(String collection, Object id, String eventId) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                new Update().pull(OUTBOX, new Document("eventId", eventId)), collection);
        retries.remove(eventId);
    }

    /**
     * Removes the last message of a pass and ends this relay's claim in one write (the claim's end is
     * {@link #release}'s, the removal {@link #pull}'s); false, with nothing written, when the claim is no longer this
     * relay's. One write fewer per pass (most passes relay one event: the one a write just added).
     */
    private boolean pullAndRelease(String collection, Object id, String eventId) {
        boolean released = mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and(CLAIM + ".owner").is(owner)),
                new Update().pull(OUTBOX, new Document("eventId", eventId)).unset(CLAIM), collection)
                .getMatchedCount() == 1;
        if (released) {
            retries.remove(eventId);
        }
        return released;
    }

    private Pass drainClaimed(String collection, Document document) {
        Object id = document.get("_id");
        Document doubt = inDoubt(document);
        int published = 0;
        List<Document> messages = document.getList(OUTBOX, Document.class, List.of());
        for (int i = 0; i < messages.size(); i++) {
            Document message = messages.get(i);
            String eventId = message.getString("eventId");
            if (doubt != null && eventId.equals(doubt.getString("eventId"))) {
                Date at = doubt.getDate("at");
                doubt = null;
                String topic = message.getString("topic");
                if (topic != null && !topic.isBlank() && onTopics().contains(topic, eventId,
                        at == null ? Instant.EPOCH : at.toInstant())) {
                    pull(collection, id, eventId);
                    foundOnTopic.incrementAndGet();
                    log.info("event {} in {} {} was already on {} (a relay ended after publishing it and before "
                            + "removing it); removed without publishing it again", eventId, collection, id, topic);
                    continue;
                }
            }
            Retry retry = retries.get(eventId);
            if (retry != null && clock.instant().isBefore(retry.notBefore())) {
                // its turn has not come; the aggregate's later events wait behind it
                return new Pass(published, false);
            }
            if (!renew(collection, id, eventId)) {
                log.warn("lost the relay claim on {} {}; another relay continues", collection, id);
                return new Pass(published, false);
            }
            try {
                publish(message);
            } catch (MessageRefused refused) {
                refusals.incrementAndGet();
                int attempts = retry == null ? 1 : retry.attempts() + 1;
                if (attempts < retryPolicy.maxAttempts()) {
                    Duration pause = retryPolicy.backoffAfter(attempts);
                    retries.put(eventId, new Retry(attempts, clock.instant().plus(pause), refused.getMessage()));
                    log.warn("event {} in {} {} refused (attempt {} of {}), retrying in {}: {}", eventId,
                            collection, id, attempts, retryPolicy.maxAttempts(), pause, refused.getMessage());
                    return new Pass(published, false);
                }
                markFailed(collection, id, message, attempts, refused.getMessage());
                retries.remove(eventId);
                continue; // parked: the aggregate's next events may go
            }
            acknowledged(eventId);
            boolean released = i == messages.size() - 1 && pullAndRelease(collection, id, eventId);
            if (!released) {
                pull(collection, id, eventId);
            }
            published++;
            relayed.incrementAndGet();
            if (released) {
                return new Pass(published, true);
            }
        }
        return new Pass(published, false);
    }

    /** Between the broker's acknowledgement and the removal from the outbox: a seam for tests to die in. */
    void acknowledged(String eventId) {
    }

    private void markFailed(String collection, Object id, Document message, int attempts, String error) {
        Document failed = new Document(message).append("attempts", attempts)
                .append("failedAt", Date.from(clock.instant())).append("error", error);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update()
                .pull(OUTBOX, new Document("eventId", message.getString("eventId")))
                .push(FAILED, failed), collection);
        log.error("event {} ({}) in {} {} marked failed after {} attempts, kept in {}: {}",
                message.getString("eventId"), message.getString("type"), collection, id, attempts, FAILED, error);
    }

    /** Every message marked failed, oldest first (without its envelope, which may be what was too large). */
    public List<OutboxFailure> failures() {
        List<OutboxFailure> found = new ArrayList<>();
        Query withFailures = Query.query(Criteria.where(FAILED + ".eventId").exists(true));
        withFailures.fields().include(FAILED);
        for (String collection : collections) {
            for (Document document : mongo.find(withFailures, Document.class, collection)) {
                for (Document f : document.getList(FAILED, Document.class, List.of())) {
                    String envelope = f.getString("envelope");
                    found.add(new OutboxFailure(collection, String.valueOf(document.get("_id")),
                            f.getString("eventId"), f.getString("type"), f.getString("topic"), f.getString("key"),
                            envelope == null ? 0 : envelope.length(), f.getInteger("attempts", 0),
                            f.getDate("failedAt") == null ? null : f.getDate("failedAt").toInstant(),
                            f.getString("error")));
                }
            }
        }
        found.sort(Comparator.comparing(OutboxFailure::failedAt, Comparator.nullsFirst(Comparator.naturalOrder())));
        return found;
    }

    private void publish(Document message) {
        String topic = message.getString("topic");
        if (topic == null || topic.isBlank() || message.getString("envelope") == null) {
            throw new MessageRefused("outbox message without topic or envelope", null);
        }
        try {
            kafka.send(MessageBuilder.withPayload(message.getString("envelope"))
                            .setHeader(KafkaHeaders.TOPIC, topic)
                            .setHeader(KafkaHeaders.KEY, message.getString("key"))
                            .setHeader("ce_type", message.getString("type"))
                            .setHeader("ce_id", message.getString("eventId"))
                            .build())
                    .get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerUnavailable("interrupted while publishing", e);
        } catch (Exception e) {
            if (refusesTheRecord(e)) {
                throw new MessageRefused(rootMessage(e), e);
            }
            throw new BrokerUnavailable("publishing event " + message.getString("eventId") + " failed: "
                    + rootMessage(e), e);
        }
    }

    /** Errors about the record itself; anything else (timeouts, no leader, network, auth) is about the broker. */
    static boolean refusesTheRecord(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RecordTooLargeException || t instanceof RecordBatchTooLargeException
                    || t instanceof SerializationException || t instanceof InvalidTopicException
                    || t instanceof InvalidRecordException) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
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
                int published = drainWritten();
                if (System.nanoTime() - lastScan >= pollInterval.toNanos() || lastScan == 0) {
                    lastScan = System.nanoTime();
                    published += drainOnce();
                }
                if (published > 0) {
                    log.debug("relayed {} event(s)", published);
                }
                backoffMillis = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                lastScan = 0; // documents named by a wake-up may have been dropped with the pass: scan next time
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

    /** The broker could not take any message just now; the relay backs off and tries the same messages again. */
    public static final class BrokerUnavailable extends RuntimeException {
        BrokerUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The record itself was refused; retrying later might help (a raised limit), so it is retried before parking. */
    static final class MessageRefused extends RuntimeException {
        MessageRefused(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
