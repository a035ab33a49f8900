package cn.finance.disclosure.publication;

import cn.finance.disclosure.events.Actor;
import cn.finance.disclosure.events.EventEnvelope;
import cn.finance.disclosure.events.EventJson;
import cn.finance.disclosure.events.EventTypes;
import cn.finance.disclosure.events.Topics;
import cn.finance.disclosure.events.budget.BudgetApproved;
import cn.finance.disclosure.events.budget.BudgetApprovedV2;
import cn.finance.disclosure.events.budget.BudgetSubmission;
import cn.finance.disclosure.events.department.DepartmentProfileUpdated;
import cn.finance.disclosure.events.department.DepartmentRegistered;
import cn.finance.disclosure.events.department.ProfileSnapshot;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/**
 * Plays department-service and budget-service: puts their events on the real broker exactly as their outboxes do
 * (key, envelope JSON as the value, the ce_type header), and tells when this service's consumer group has handled a
 * given record (its committed offset passed it).
 */
final class EventProducer implements AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final Admin admin;
    private final String group;

    EventProducer(String bootstrapServers, String group) {
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new StringSerializer());
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        this.group = group;
        for (String topic : List.of(Topics.DEPARTMENT_EVENTS, Topics.BUDGET_EVENTS, Topics.PUBLICATION_EVENTS)) {
            try {
                admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException(e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    record Sent(EventEnvelope envelope, String topic, String key, RecordMetadata metadata) {
    }

    Sent registered(String code, String name) {
        Instant now = Instant.now();
        return send(Topics.DEPARTMENT_EVENTS, code, EventJson.envelope(EventTypes.DEPARTMENT_REGISTERED,
                "department-service", code, now, new DepartmentRegistered(code, name, name, "重庆市綦江区", "群团机关",
                        null, now)));
    }

    Sent profile(String code, String name, long version, ProfileSnapshot snapshot) {
        Instant now = Instant.now();
        return send(Topics.DEPARTMENT_EVENTS, code, EventJson.envelope(EventTypes.DEPARTMENT_PROFILE_UPDATED,
                "department-service", code + "/" + snapshot.fiscalYear(), now,
                new DepartmentProfileUpdated(code, name, snapshot.fiscalYear(), version, snapshot, now)));
    }

    Sent approved(String code, int revision, Actor submittedBy, Actor approvedBy, Instant approvedAt,
                  BudgetSubmission submission) {
        int year = submission.fiscalYear();
        // As budget-service publishes it: v2, with the catalog names of the year (the bundled 2024 list here).
        BudgetApprovedV2 payload = new BudgetApprovedV2("budget-" + code + "-" + revision, code, year, revision,
                revision == 1 ? null : "budget-" + code + "-" + (revision - 1), submittedBy, approvedBy, approvedAt,
                submission, cn.finance.disclosure.model.BudgetPayloads.toPayload(cn.finance.disclosure.publication.document.SeedFacts.names()));
        return send(Topics.BUDGET_EVENTS, BudgetApproved.key(code, year), EventJson.envelope(
                EventTypes.BUDGET_APPROVED_V2, "budget-service", code + "/" + year, approvedAt, payload));
    }

    /** An older approval (budget.approved.v1, no catalog names), as still found on the topic. */
    Sent approvedV1(String code, int revision, Actor submittedBy, Actor approvedBy, Instant approvedAt,
                    BudgetSubmission submission) {
        int year = submission.fiscalYear();
        BudgetApproved payload = new BudgetApproved("budget-" + code + "-" + revision, code, year, revision,
                revision == 1 ? null : "budget-" + code + "-" + (revision - 1), submittedBy, approvedBy, approvedAt,
                submission);
        return send(Topics.BUDGET_EVENTS, BudgetApproved.key(code, year), EventJson.envelope(
                EventTypes.BUDGET_APPROVED, "budget-service", code + "/" + year, approvedAt, payload));
    }

    /** The very same message again, as a redelivery or a relay's second publish would bring it. */
    Sent again(Sent sent) {
        return send(sent.topic(), sent.key(), sent.envelope());
    }

    Sent send(String topic, String key, EventEnvelope envelope) {
        RecordMetadata metadata = raw(topic, key, EventJson.write(envelope), envelope.type());
        return new Sent(envelope, topic, key, metadata);
    }

    RecordMetadata raw(String topic, String key, String value, String type) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        if (type != null) {
            record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        }
        try {
            return producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until this service's consumer group committed past {@code metadata}: the record was fully handled. */
    void awaitHandled(RecordMetadata metadata) {
        TopicPartition partition = new TopicPartition(metadata.topic(), metadata.partition());
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            try {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get();
                OffsetAndMetadata offset = committed.get(partition);
                if (offset != null && offset.offset() > metadata.offset()) {
                    return;
                }
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("the consumer group " + group + " did not handle " + metadata + " within 30 s");
    }

    @Override
    public void close() {
        producer.close();
        admin.close();
    }
}
