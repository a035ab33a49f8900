package cn.finance.disclosure.publication;

import cn.finance.disclosure.events.Actor;
import cn.finance.disclosure.events.EventEnvelope;
import cn.finance.disclosure.events.EventJson;
import cn.finance.disclosure.events.EventTypes;
import cn.finance.disclosure.events.Topics;
import cn.finance.disclosure.events.publication.PublicationCorrected;
import cn.finance.disclosure.events.publication.PublicationReleased;
import cn.finance.disclosure.events.publication.PublicationWithdrawn;
import cn.finance.disclosure.testing.Http;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The steps between a draft and the public: the department's own head confirms, a bureau publisher releases, corrects
 * or withdraws. Each step refuses the wrong role, another department, the same person twice (budget approver, confirmer
 * and releaser are three identities), a content hash the person did not see, and content that changed after the
 * confirmation. A release makes an immutable version and its event.
 */
class ApprovalStepsIntegrationTest extends PublicationIntegrationTest {

    static final String OTHER_HEAD = ISSUER.bearer("head-of-405002", "department-head", "405002");

    Http.Response confirm(String code, String token, String hash) {
        return http().post("/api/v1/publications/" + id(code) + "/confirmation", token, hashBody(hash));
    }

    Http.Response release(String code, String token, String hash) {
        return http().post("/api/v1/publications/" + id(code) + "/release", token, hashBody(hash));
    }

    Http.Response correct(String code, String token, String hash, String reason) {
        return http().post("/api/v1/publications/" + id(code) + "/correction", token, reasonBody(hash, reason));
    }

    Http.Response withdraw(String code, String token, String hash, String reason) {
        return http().post("/api/v1/publications/" + id(code) + "/withdrawal", token, reasonBody(hash, reason));
    }

    static String draftHash(JsonNode detail) {
        return detail.get("draft").get("contentHash").stringValue();
    }

    static void assertProblem(Http.Response r, int status, String slug) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        if (slug != null) {
            assertThat(json(r).get("type").stringValue()).isEqualTo("urn:finance:problem:" + slug);
        }
    }

    @Test
    void givenADraft_whenSomeoneOtherThanTheDepartmentsOwnHeadConfirms_thenRefusedAndNothingChanges() {
        String code = newCode();
        String hash = draftHash(seedDraft(code));

        assertProblem(confirm(code, clerk(code), hash), 403, "forbidden");
        assertProblem(confirm(code, PUBLISHER, hash), 403, "forbidden");
        assertProblem(confirm(code, REVIEWER, hash), 403, "forbidden");
        assertProblem(confirm(code, ADMIN, hash), 403, "forbidden");
        Http.Response foreign = confirm(code, OTHER_HEAD, hash);
        assertProblem(foreign, 404, "not-found");
        assertThat(foreign.body()).doesNotContain(Seed.name()).doesNotContain(hash);
        assertProblem(confirm(code, null, hash), 401, null);

        assertThat(awaitStatus(code, "DRAFT").get("draft").get("confirmation").isNull()).isTrue();
    }

    @Test
    void givenADraft_whenConfirmedWithAHashNotTheDrafts_thenConflict_andBadBodiesAreProblems() {
        String code = newCode();
        String hash = draftHash(seedDraft(code));

        assertProblem(confirm(code, head(code), "f".repeat(64)), 409, "content-hash-mismatch");
        assertProblem(http().post("/api/v1/publications/" + id(code) + "/confirmation", head(code), "{}"), 400,
                "validation");
        assertProblem(http().post("/api/v1/publications/" + id(code) + "/confirmation", head(code),
                "{\"contentHash\":\"" + hash + "\",\"extra\":1}"), 400, "unknown-field");
        assertProblem(confirm(code, head(code), "ABC"), 400, "validation");

        Http.Response ok = confirm(code, head(code), hash);
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        JsonNode confirmation = json(ok).get("draft").get("confirmation");
        assertThat(confirmation.get("contentHash").stringValue()).isEqualTo(hash);
        assertThat(confirmation.get("by").get("username").stringValue()).isEqualTo("head-of-" + code);
        assertThat(confirmation.get("at").stringValue()).isNotBlank();
        assertThat(json(ok).get("status").stringValue()).isEqualTo("CONFIRMED");
    }

    @Test
    void givenTheBudgetApproverIsTheUnitHead_whenConfirming_thenForbiddenWithAClearReason() {
        String code = newCode();
        String person = "person-" + UUID.randomUUID();
        Actor approver = new Actor(ISSUER.issuer(), person, "zhang");
        EVENTS.registered(code, Seed.name());
        EVENTS.profile(code, Seed.name(), 0, Seed.profile());
        EVENTS.approved(code, 1, submitter(code), approver, Instant.now(), Seed.budget(code));
        String hash = draftHash(awaitStatus(code, "DRAFT"));
        String sameSubjectAsHead = ISSUER.withSubject(person, "zhang", "department-head", code);

        Http.Response r = confirm(code, sameSubjectAsHead, hash);

        assertProblem(r, 403, "separation-of-duties");
        assertThat(json(r).get("detail").stringValue()).contains("审批").contains("三个不同的人");
        // nor may that person release what another head confirmed
        assertThat(confirm(code, head(code), hash).status()).isEqualTo(200);
        Http.Response asPublisher = release(code, ISSUER.withSubject(person, "zhang", "bureau-publisher", null), hash);
        assertProblem(asPublisher, 403, "separation-of-duties");
        assertThat(json(asPublisher).get("detail").stringValue()).contains("审批");
    }

    @Test
    void givenTheConfirmer_whenTheSamePersonReleases_thenForbidden() {
        String code = newCode();
        String hash = draftHash(seedDraft(code));
        String person = "person-" + UUID.randomUUID();
        assertThat(confirm(code, ISSUER.withSubject(person, "li", "department-head", code), hash).status())
                .isEqualTo(200);

        Http.Response r = release(code, ISSUER.withSubject(person, "li", "bureau-publisher", null), hash);

        assertProblem(r, 403, "separation-of-duties");
        assertThat(json(r).get("detail").stringValue()).contains("确认").contains("不能再由您发布");
        assertThat(awaitStatus(code, "CONFIRMED").get("versions").size()).isZero();
    }

    @Test
    void givenAConfirmedDraft_whenReleasedByTheWrongRoleOrDepartment_thenRefused() {
        String code = newCode();
        String hash = draftHash(seedDraft(code));
        assertThat(confirm(code, head(code), hash).status()).isEqualTo(200);

        assertProblem(release(code, head(code), hash), 403, "forbidden");
        assertProblem(release(code, clerk(code), hash), 403, "forbidden");
        assertProblem(release(code, REVIEWER, hash), 403, "forbidden");
        assertProblem(release(code, ADMIN, hash), 403, "forbidden");
        // not a publisher at all: refused by role before the disclosure is even looked up
        assertProblem(release(code, OTHER_HEAD, hash), 403, "forbidden");
        assertProblem(release(code, PUBLISHER, "e".repeat(64)), 409, "content-hash-mismatch");
        assertThat(awaitStatus(code, "CONFIRMED").get("versions").size()).isZero();
    }

    @Test
    void givenContentChangedAfterConfirmation_whenReleasing_thenRefusedUntilTheHeadConfirmsAgain() {
        String code = newCode();
        String first = draftHash(seedDraft(code));
        assertThat(confirm(code, head(code), first).status()).isEqualTo(200);

        EVENTS.profile(code, Seed.name(), 1, Seed.profile(p ->
                ((ObjectNode) p.get("disclosureContact")).put("name", "王五")));
        JsonNode changed = awaitDisclosure(code, d -> !draftHash(d).equals(first));
        String second = draftHash(changed);
        assertThat(changed.get("status").stringValue()).isEqualTo("DRAFT");
        assertThat(changed.get("draft").get("confirmed").asBoolean()).isFalse();
        assertThat(changed.get("draft").get("confirmation").get("contentHash").stringValue()).isEqualTo(first);

        assertProblem(release(code, PUBLISHER, second), 409, "confirmation-outdated");
        assertProblem(release(code, PUBLISHER, first), 409, "confirmation-outdated");

        assertThat(confirm(code, head(code), second).status()).isEqualTo(200);
        Http.Response released = release(code, PUBLISHER, second);
        assertThat(released.status()).as(released.body()).isEqualTo(201);
        assertThat(json(released).get("versions").get(0).get("contentHash").stringValue()).isEqualTo(second);
    }

    @Test
    void givenAFullRelease_thenVersion1RecordsEveryStep_andAReleasedEventIsPublished() {
        String code = newCode();
        JsonNode detail = seedReleased(code);

        assertThat(detail.get("status").stringValue()).isEqualTo("RELEASED");
        assertThat(detail.get("draft").isNull()).isTrue();
        assertThat(detail.get("dueDate").isNull()).isTrue();
        JsonNode v1 = detail.get("versions").get(0);
        String hash = v1.get("contentHash").stringValue();
        assertThat(v1.get("version").asInt()).isEqualTo(1);
        assertThat(v1.get("status").stringValue()).isEqualTo("current");
        assertThat(v1.get("confirmed").get("by").get("username").stringValue()).isEqualTo("head-of-" + code);
        assertThat(v1.get("confirmed").get("contentHash").stringValue()).isEqualTo(hash);
        assertThat(v1.get("released").get("by").get("username").stringValue()).isEqualTo("bureau-publisher");
        assertThat(v1.get("released").get("contentHash").stringValue()).isEqualTo(hash);
        assertThat(v1.get("basis").get("approvedBy").get("username").stringValue()).isEqualTo("bureau-reviewer");
        assertThat(v1.get("link").stringValue()).isEqualTo("/public/v1/publications/" + code + "/2024/versions/1");

        EventEnvelope event = publicationEvents(code, 1).getFirst();
        assertThat(event.type()).isEqualTo(EventTypes.PUBLICATION_RELEASED);
        assertThat(event.subject()).isEqualTo(code + "/2024");
        PublicationReleased released = EventJson.payload(event, PublicationReleased.class);
        assertThat(released.version()).isEqualTo(1);
        assertThat(released.contentHash()).isEqualTo(hash);
        assertThat(released.approvedBy()).isEqualTo(APPROVER);
        assertThat(released.confirmedBy().username()).isEqualTo("head-of-" + code);
        assertThat(released.releasedBy().username()).isEqualTo("bureau-publisher");
        assertThat(released.link()).isEqualTo("/public/v1/publications/" + code + "/2024/versions/1");

        assertProblem(release(code, PUBLISHER, hash), 409, "nothing-to-release");
    }

    @Test
    void givenAReleasedVersion_whenTheApprovalIsRedelivered_thenNoNewDraftAndNoNewVersion() {
        String code = newCode();
        seedReleased(code);
        EventProducer.Sent again = EVENTS.approved(code, 1, submitter(code), APPROVER, Instant.now(),
                Seed.budget(code));
        EVENTS.awaitHandled(again.metadata());
        EVENTS.awaitHandled(EVENTS.again(again).metadata());

        JsonNode detail = awaitStatus(code, "RELEASED");
        assertThat(detail.get("draft").isNull()).isTrue();
        assertThat(detail.get("versions").size()).isOne();
    }

    @Test
    void givenANewerRevisionAfterRelease_thenACorrectionDraft_confirmedThenReleasedWithAReasonAsVersion2() {
        String code = newCode();
        String v1Hash = seedReleased(code).get("versions").get(0).get("contentHash").stringValue();
        Actor reviewer2 = actor("reviewer-2");
        EVENTS.approved(code, 2, submitter(code), reviewer2, Instant.now(), Seed.budget(code, b ->
                b.put("projectExpenditureUse", "项目支出用于职工服务阵地建设和困难职工帮扶（第二次批复）。")));

        JsonNode correction = awaitStatus(code, "DRAFT");
        assertThat(correction.get("draft").get("kind").stringValue()).isEqualTo("correction");
        assertThat(correction.get("currentVersion").asInt()).isEqualTo(1);
        assertThat(correction.get("basis").get("budgetRevision").asInt()).isEqualTo(2);
        String v2Hash = draftHash(correction);
        assertThat(v2Hash).isNotEqualTo(v1Hash);

        assertProblem(correct(code, PUBLISHER, v2Hash, "第二次批复"), 409, "not-confirmed");
        assertThat(confirm(code, head(code), v2Hash).status()).isEqualTo(200);
        assertProblem(release(code, PUBLISHER, v2Hash), 409, "correction-required");
        assertProblem(correct(code, PUBLISHER, v2Hash, "   "), 400, "validation");
        assertProblem(http().post("/api/v1/publications/" + id(code) + "/correction", PUBLISHER, hashBody(v2Hash)),
                400, "validation");
        assertProblem(correct(code, head(code), v2Hash, "原因"), 403, "forbidden");

        Http.Response corrected = correct(code, PUBLISHER, v2Hash, "预算第二次批复调整了项目支出说明");
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(201);
        assertThat(corrected.header("Location")).isEqualTo("/public/v1/publications/" + code + "/2024/versions/2");
        JsonNode versions = json(corrected).get("versions");
        assertThat(versions.get(0).get("status").stringValue()).isEqualTo("superseded");
        assertThat(versions.get(0).get("supersededBy").asInt()).isEqualTo(2);
        assertThat(versions.get(1).get("status").stringValue()).isEqualTo("current");
        assertThat(versions.get(1).get("supersedes").asInt()).isEqualTo(1);
        assertThat(versions.get(1).get("reason").stringValue()).isEqualTo("预算第二次批复调整了项目支出说明");
        assertThat(versions.get(1).get("basis").get("approvedBy").get("username").stringValue())
                .isEqualTo("reviewer-2");

        List<EventEnvelope> events = publicationEvents(code, 2);
        assertThat(events).extracting(EventEnvelope::type)
                .containsExactly(EventTypes.PUBLICATION_RELEASED, EventTypes.PUBLICATION_CORRECTED);
        PublicationCorrected payload = EventJson.payload(events.get(1), PublicationCorrected.class);
        assertThat(payload.supersedes()).isEqualTo(1);
        assertThat(payload.reason()).isEqualTo("预算第二次批复调整了项目支出说明");
        assertThat(payload.contentHash()).isEqualTo(v2Hash);
    }

    @Test
    void givenTheCurrentVersion_whenWithdrawnWithAReason_thenItStaysReadableAsWithdrawnAndAnEventIsPublished() {
        String code = newCode();
        String hash = seedReleased(code).get("versions").get(0).get("contentHash").stringValue();

        assertProblem(withdraw(code, PUBLISHER, hash, ""), 400, "validation");
        assertProblem(withdraw(code, PUBLISHER, hash, "<script>alert(1)</script>"), 400, "validation");
        assertProblem(withdraw(code, PUBLISHER, hash, "x".repeat(501)), 400, "validation");
        assertProblem(withdraw(code, head(code), hash, "原因"), 403, "forbidden");
        assertProblem(withdraw(code, ADMIN, hash, "原因"), 403, "forbidden");
        assertProblem(withdraw(code, PUBLISHER, "d".repeat(64), "原因"), 409, "content-hash-mismatch");
        Http.Response withdrawn = withdraw(code, PUBLISHER, hash, "发现数据错误，撤回待更正");
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);

        JsonNode detail = json(withdrawn);
        assertThat(detail.get("status").stringValue()).isEqualTo("WITHDRAWN");
        assertThat(detail.get("currentVersion").isNull()).isTrue();
        JsonNode v1 = detail.get("versions").get(0);
        assertThat(v1.get("status").stringValue()).isEqualTo("withdrawn");
        assertThat(v1.get("withdrawalReason").stringValue()).isEqualTo("发现数据错误，撤回待更正");
        assertThat(v1.get("withdrawn").get("by").get("username").stringValue()).isEqualTo("bureau-publisher");
        assertProblem(withdraw(code, PUBLISHER, hash, "再次"), 409, "nothing-to-withdraw");

        List<EventEnvelope> events = publicationEvents(code, 2);
        assertThat(events.get(1).type()).isEqualTo(EventTypes.PUBLICATION_WITHDRAWN);
        PublicationWithdrawn payload = EventJson.payload(events.get(1), PublicationWithdrawn.class);
        assertThat(payload.reason()).isEqualTo("发现数据错误，撤回待更正");
        assertThat(payload.version()).isEqualTo(1);
    }

    /** The events this service published about (code, 2024), in order, read from the broker by a fresh consumer. */
    List<EventEnvelope> publicationEvents(String code, int atLeast) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, INFRA.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<EventEnvelope> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.PUBLICATION_EVENTS));
            Instant deadline = Instant.now().plusSeconds(30);
            while (found.size() < atLeast && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(300))) {
                    if ((code + "/2024").equals(record.key())) {
                        found.add(EventJson.readEnvelope(record.value()));
                    }
                }
            }
        }
        assertThat(found).as("publication events about " + code).hasSizeGreaterThanOrEqualTo(atLeast);
        return found;
    }
}
