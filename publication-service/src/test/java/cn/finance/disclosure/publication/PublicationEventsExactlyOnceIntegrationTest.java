package cn.finance.disclosure.publication;

import cn.finance.disclosure.events.EventJson;
import cn.finance.disclosure.events.EventTypes;
import cn.finance.disclosure.events.Topics;
import cn.finance.disclosure.testing.Http;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing doubled: several disclosures taken through confirm, release and two corrections at once, each step raced by
 * repeated confirmations and by profile updates the intake writes into the same documents, with the relay running.
 * Every event on {@code finance.publication.events} is there exactly once by event id, one per version released.
 */
class PublicationEventsExactlyOnceIntegrationTest extends PublicationIntegrationTest {

    static final int DISCLOSURES = 3;
    static final int CORRECTIONS = 2;
    /**
     * Profile updates sent beside each step: the intake rewrites the disclosure for each, so some of its reads fall
     * between a release's write and the relay's removal of the released event (what a whole-document write would put
     * back into the outbox, to be published again).
     */
    static final int PROFILE_UPDATES_PER_STEP = 6;

    @Test
    void givenConcurrentConfirmReleaseAndCorrectWithTheRelayRunning_thenEveryPublicationEventIsPublishedExactlyOnce()
            throws Exception {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < DISCLOSURES; i++) {
            codes.add(newCode());
        }
        ExecutorService pool = Executors.newFixedThreadPool(DISCLOSURES);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (String code : codes) {
                runs.add(pool.submit(() -> takeThroughEverySteps(code)));
            }
            for (Future<Integer> run : runs) {
                assertThat(run.get()).isEqualTo(1 + CORRECTIONS);
            }
        } finally {
            pool.shutdownNow();
        }

        Set<String> keys = codes.stream().map(c -> c + "/" + YEAR).collect(Collectors.toSet());
        List<ConsumerRecord<String, String>> events = publicationEvents(keys, DISCLOSURES * (1 + CORRECTIONS));
        Map<String, Long> byEventId = events.stream().collect(Collectors.groupingBy(
                r -> EventJson.readEnvelope(r.value()).id(), Collectors.counting()));
        assertThat(byEventId).as("events by id").hasSize(DISCLOSURES * (1 + CORRECTIONS))
                .allSatisfy((id, count) -> assertThat(count).as("copies of event " + id).isEqualTo(1));
        for (String key : keys) {
            assertThat(events.stream().filter(r -> r.key().equals(key))
                    .map(r -> EventJson.readEnvelope(r.value()).type()).toList()).as(key)
                    .containsExactly(EventTypes.PUBLICATION_RELEASED, EventTypes.PUBLICATION_CORRECTED,
                            EventTypes.PUBLICATION_CORRECTED);
        }
    }

    /** Draft, confirm, release, then two correction rounds; returns how many versions were released. */
    int takeThroughEverySteps(String code) throws Exception {
        AtomicLong profileVersion = new AtomicLong();
        String hash = seedDraft(code).get("draft").get("contentHash").stringValue();
        int released = 0;
        for (int round = 0; round <= CORRECTIONS; round++) {
            if (round > 0) {
                int revision = round + 1;
                EVENTS.approved(code, revision, submitter(code), APPROVER, Instant.now(), Seed.budget(code, b ->
                        b.put("projectExpenditureUse", "项目支出用于职工服务阵地建设（第" + revision + "次批复）。")));
                JsonNode correction = awaitDisclosure(code,
                        d -> d.path("draft").path("basis").path("budgetRevision").asInt(0) == revision);
                hash = correction.get("draft").get("contentHash").stringValue();
            }
            String seen = hash;
            race(code, profileVersion, () -> step(code, "confirmation", head(code), hashBody(seen), 200));
            String reason = "第" + (round + 1) + "次批复";
            boolean correction = round > 0;
            int won = race(code, profileVersion,
                    () -> step(code, correction ? "correction" : "release", PUBLISHER,
                            correction ? reasonBody(seen, reason) : hashBody(seen), 201),
                    () -> step(code, correction ? "correction" : "release", PUBLISHER,
                            correction ? reasonBody(seen, reason) : hashBody(seen), 201),
                    () -> step(code, "confirmation", head(code), hashBody(seen), 200));
            assertThat(won).as("releases won in round " + round).isGreaterThanOrEqualTo(1);
            int round0 = round;
            awaitDisclosure(code, d -> d.path("currentVersion").asInt(0) == round0 + 1);
            released++;
        }
        return released;
    }

    /**
     * Runs the steps at once, beside profile updates (same content, a new profile version) the intake writes into the
     * same disclosure; returns how many steps succeeded.
     */
    @SafeVarargs
    final int race(String code, AtomicLong profileVersion, Callable<Boolean>... steps) throws Exception {
        ExecutorService racers = Executors.newFixedThreadPool(steps.length + 1);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            Future<?> intake = racers.submit(() -> {
                for (int i = 0; i < PROFILE_UPDATES_PER_STEP; i++) {
                    EVENTS.profile(code, Seed.name(), profileVersion.incrementAndGet(), Seed.profile());
                }
                return null;
            });
            for (Callable<Boolean> step : steps) {
                results.add(racers.submit(step));
            }
            intake.get();
            int succeeded = 0;
            for (Future<Boolean> result : results) {
                succeeded += result.get() ? 1 : 0;
            }
            return succeeded;
        } finally {
            racers.shutdownNow();
        }
    }

    /**
     * One step, tried again while it only lost a race against a concurrent write (409 concurrent-modification);
     * true when it succeeded, false when another racer already took the step.
     */
    boolean step(String code, String step, String token, String body, int success) {
        for (int attempt = 0; attempt < 50; attempt++) {
            Http.Response r = http().post("/api/v1/publications/" + id(code) + "/" + step, token, body);
            if (r.status() == success) {
                return true;
            }
            assertThat(r.status()).as(r.body()).isEqualTo(409);
            if (!json(r).get("type").stringValue().endsWith(":concurrent-modification")) {
                return false; // e.g. nothing-to-release: another racer released it
            }
        }
        throw new AssertionError(step + " of " + code + " kept losing races");
    }

    /** Every record about {@code keys} on the publication topic, read from the start by a fresh consumer. */
    static List<ConsumerRecord<String, String>> publicationEvents(Set<String> keys, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, INFRA.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.PUBLICATION_EVENTS));
            Instant deadline = Instant.now().plusSeconds(30);
            boolean settled = false;
            while (Instant.now().isBefore(deadline) && !settled) {
                int before = found.size();
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (keys.contains(record.key())) {
                        found.add(record);
                    }
                }
                // once all expected arrived, one more quiet poll lets a duplicate show up
                settled = found.size() >= expected && found.size() == before;
            }
        }
        return found;
    }
}
