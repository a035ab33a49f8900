package cn.finance.disclosure.support.outbox;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.kafka.core.ProducerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Answers whether an event was already published to its topic: the one question a relay cannot answer from the
 * document after another relay (or a previous run of its own process) died between the broker's acknowledgement and
 * the removal from the outbox. Reads every partition of the topic from a little before the moment the message was
 * sent, to the end, looking for a record whose {@code ce_id} header is the event id.
 *
 * <p>Only that rare recovery path uses it, so it opens a short-lived consumer each time (assigned partitions, no
 * group, nothing committed) with the connection and security settings of the relay's own producer: it reads the
 * brokers the relay writes to.
 */
class PublishedEvents {

    /** Before the moment recorded in the claim: the record's timestamp may be the broker's (LogAppendTime). */
    static final Duration CLOCK_MARGIN = Duration.ofMinutes(2);
    /** Settings a producer and a consumer share by name but not by meaning, or that are the lookup's own. */
    private static final Set<String> NOT_COPIED = Set.of(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ConsumerConfig.INTERCEPTOR_CLASSES_CONFIG,
            ConsumerConfig.CLIENT_ID_CONFIG, ConsumerConfig.GROUP_ID_CONFIG, ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);

    private final Map<String, Object> config;
    private final Duration timeout;

    PublishedEvents(Map<String, Object> config, Duration timeout) {
        this.config = Map.copyOf(config);
        this.timeout = timeout;
    }

    /**
     * A lookup on the brokers {@code producers} write to, as patient with them as the producer is
     * ({@code max.block.ms}, 60 s when not set).
     */
    static PublishedEvents of(ProducerFactory<?, ?> producers) {
        Map<String, Object> producer = producers.getConfigurationProperties();
        Map<String, Object> consumer = new HashMap<>();
        producer.forEach((key, value) -> {
            if (value != null && ConsumerConfig.configNames().contains(key) && !NOT_COPIED.contains(key)) {
                consumer.put(key, value);
            }
        });
        Object maxBlock = producer.get(ProducerConfig.MAX_BLOCK_MS_CONFIG);
        Duration timeout = maxBlock == null ? Duration.ofSeconds(60)
                : Duration.ofMillis(Long.parseLong(maxBlock.toString().trim()));
        consumer.put(ConsumerConfig.CLIENT_ID_CONFIG, "outbox-relay-lookup");
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        consumer.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        return new PublishedEvents(consumer, timeout);
    }

    /**
     * Whether a record with header {@code ce_id = eventId} is on {@code topic} at or after {@code sentAt} (less the
     * margin).
     *
     * @throws OutboxRelay.BrokerUnavailable when the topic could not be read to its end
     */
    boolean contains(String topic, String eventId, Instant sentAt) {
        byte[] wanted = eventId.getBytes(StandardCharsets.UTF_8);
        long from = sentAt.minus(CLOCK_MARGIN).toEpochMilli();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, timeout);
            if (partitions == null || partitions.isEmpty()) {
                return false; // no such topic yet: nothing was published to it
            }
            Map<TopicPartition, Long> since = new HashMap<>();
            partitions.forEach(p -> since.put(new TopicPartition(topic, p.partition()), from));
            Map<TopicPartition, Long> start = new HashMap<>();
            consumer.offsetsForTimes(since, timeout).forEach((partition, found) -> {
                if (found != null) { // null: nothing on that partition since then
                    start.put(partition, found.offset());
                }
            });
            if (start.isEmpty()) {
                return false;
            }
            Map<TopicPartition, Long> end = consumer.endOffsets(start.keySet(), timeout);
            consumer.assign(start.keySet());
            start.forEach(consumer::seek);
            Instant deadline = Instant.now().plus(timeout.multipliedBy(2));
            while (!readToTheEnd(consumer, end)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new OutboxRelay.BrokerUnavailable("could not read " + topic + " to its end to look for "
                            + eventId, null);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    Header id = record.headers().lastHeader("ce_id");
                    if (id != null && Arrays.equals(id.value(), wanted)) {
                        return true;
                    }
                }
            }
            return false;
        } catch (OutboxRelay.BrokerUnavailable e) {
            throw e;
        } catch (RuntimeException e) {
            throw new OutboxRelay.BrokerUnavailable("looking for event " + eventId + " on " + topic + " failed: "
                    + e, e);
        }
    }

    private boolean readToTheEnd(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        for (TopicPartition partition : consumer.assignment()) {
            if (consumer.position(partition, timeout) < end.getOrDefault(partition, 0L)) {
                return false;
            }
        }
        return true;
    }
}
