package cn.finance.disclosure.department;

import cn.finance.disclosure.events.EventEnvelope;
import cn.finance.disclosure.events.EventJson;
import cn.finance.disclosure.events.EventTypes;
import cn.finance.disclosure.events.Topics;
import cn.finance.disclosure.events.department.DepartmentProfileUpdated;
import cn.finance.disclosure.testing.Http;
import cn.finance.disclosure.testing.TestIssuer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The department service over a real Kafka broker and a MongoDB-speaking server, called over HTTP with real signed
 * tokens: registration, the seed's profile round trip, department scoping, optimistic concurrency, and the
 * profile event carrying the whole snapshot. Runs on the embedded broker and MongoDB-wire server
 * ({@link DepartmentServiceIntegrationTest}) and, where Docker exists, on real MongoDB and Kafka containers
 * ({@link DepartmentServiceContainersTest}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
abstract class DepartmentServiceContract {

    static final TestIssuer ISSUER = TestIssuer.start();

    static void security(DynamicPropertyRegistry registry) {
        registry.add("finance.security.issuer-uri", ISSUER::issuer);
        registry.add("finance.security.jwk-set-uri", ISSUER::jwkSetUri);
    }

    abstract String kafkaBootstrapServers();

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    Http http() {
        return new Http("http://127.0.0.1:" + port);
    }

    final String admin = ISSUER.bearer("bureau-admin", "bureau-admin", null);

    static JsonNode seed() throws Exception {
        return EventJson.MAPPER.readTree(DepartmentServiceContract.class
                .getResourceAsStream("/seed/qijiang-fgu-2024.facts.json")).get("department");
    }

    static String registration(String code, String name) {
        return EventJson.write(Map.of("code", code, "name", name, "shortName", name, "district", "重庆市綦江区",
                "kind", "ADMINISTRATIVE"));
    }

    @Test
    void seedProfileRoundTripsCharacterForCharacterAndItsEventCarriesTheSnapshot() throws Exception {
        String code = "4059" + (100 + (int) (Math.random() * 800));
        JsonNode department = seed();
        String clerk = ISSUER.bearer("fgu-clerk", "department-clerk", code);

        Http.Response registered = http().post("/api/v1/departments", admin, registration(code,
                department.get("name").asString()));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);

        String profileJson = EventJson.write(department.get("profile"));
        Http.Response put = http().put("/api/v1/departments/" + code + "/profiles/2024", clerk, profileJson);
        assertThat(put.status()).as(put.body()).isEqualTo(201);
        assertThat(put.header("ETag")).isEqualTo("\"0\"");

        Http.Response got = http().get("/api/v1/departments/" + code + "/profiles/2024", clerk);
        assertThat(got.status()).isEqualTo(200);
        JsonNode body = EventJson.MAPPER.readTree(got.body());
        assertThat(body.get("functions")).isEqualTo(department.get("profile").get("functions"));
        assertThat(body.get("divisions")).isEqualTo(department.get("profile").get("divisions"));
        assertThat(body.get("disclosureContact")).isEqualTo(department.get("profile").get("disclosureContact"));
        assertThat(body.get("functions").get(1).asString()).contains("团结在党的周围,引导"); // kept exactly

        List<EventEnvelope> events = eventsAbout(code, 2);
        EventEnvelope profileEvent = events.stream()
                .filter(e -> e.type().equals(EventTypes.DEPARTMENT_PROFILE_UPDATED)).findFirst().orElseThrow();
        DepartmentProfileUpdated payload = EventJson.payload(profileEvent, DepartmentProfileUpdated.class);
        assertThat(payload.departmentName()).isEqualTo(department.get("name").asString());
        assertThat(payload.profileVersion()).isZero();
        assertThat(EventJson.tree(payload.profile()).get("functions")).isEqualTo(department.get("profile").get("functions"));
        assertThat(EventJson.tree(payload.profile()).get("divisions")).isEqualTo(department.get("profile").get("divisions"));
        assertThat(payload.profile().disclosureContact().phone()).isEqualTo("17783265987");
        assertThat(events).extracting(EventEnvelope::type).contains(EventTypes.DEPARTMENT_REGISTERED_V2);
    }

    @Test
    void anotherDepartmentsClerkGetsNothingOfThisDepartment() {
        String code = "4058" + (100 + (int) (Math.random() * 800));
        assertThat(http().post("/api/v1/departments", admin, registration(code, "测试单位")).status()).isEqualTo(201);
        String otherClerk = ISSUER.bearer("other-clerk", "department-clerk", "405002");

        Http.Response get = http().get("/api/v1/departments/" + code, otherClerk);
        assertThat(get.status()).isEqualTo(404);
        assertThat(get.body()).doesNotContain("测试单位");
        assertThat(http().get("/api/v1/departments/" + code + "/profiles/2024", otherClerk).status()).isEqualTo(404);
        Http.Response put = http().put("/api/v1/departments/" + code + "/profiles/2024", otherClerk, minimalProfile());
        assertThat(put.status()).isEqualTo(404);
        Http.Response list = http().get("/api/v1/departments?size=100", otherClerk);
        assertThat(list.body()).doesNotContain(code);
        assertThat(mongo.getCollection("department_profiles").countDocuments(
                new org.bson.Document("_id", code + "/2024"))).isZero();
    }

    @Test
    void onlyBureauAdminRegistersAndOnlyOwnClerkOrAdminWritesProfiles() {
        String code = "4057" + (100 + (int) (Math.random() * 800));
        for (String role : List.of("department-clerk", "department-head", "bureau-reviewer", "bureau-publisher")) {
            Http.Response r = http().post("/api/v1/departments", ISSUER.bearer("u-" + role, role, code),
                    registration(code, "不该登记"));
            assertThat(r.status()).as(role).isEqualTo(403);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(http().post("/api/v1/departments", admin, registration(code, "单位")).status()).isEqualTo(201);
        assertThat(http().post("/api/v1/departments", admin, registration(code, "单位")).status()).isEqualTo(409);

        String head = ISSUER.bearer("fgu-head", "department-head", code);
        assertThat(http().put("/api/v1/departments/" + code + "/profiles/2024", head, minimalProfile()).status())
                .isEqualTo(403);
        assertThat(http().put("/api/v1/departments/" + code + "/profiles/2024", admin, minimalProfile()).status())
                .isEqualTo(201);
        assertThat(http().get("/api/v1/departments/" + code + "/profiles/2024", head).status()).isEqualTo(200);
        assertThat(http().get("/api/v1/departments/" + code, null).status()).isEqualTo(401);
    }

    @Test
    void aCallerWithoutTheRoleGets403BeforeTheBodyIsValidatedSoNoFieldListLeaks() {
        String code = "4053" + (100 + (int) (Math.random() * 800));
        Http.Response registration = http().post("/api/v1/departments",
                ISSUER.bearer("fgu-clerk", "department-clerk", code), "{\"code\":\"x\"}");
        assertThat(registration.status()).as(registration.body()).isEqualTo(403);
        assertThat(registration.header("Content-Type")).startsWith("application/problem+json");
        assertThat(registration.body()).doesNotContain("errors").doesNotContain("shortName").doesNotContain("district");

        Http.Response profile = http().put("/api/v1/departments/" + code + "/profiles/2024",
                ISSUER.bearer("fgu-head", "department-head", code), "{\"functions\":[]}");
        assertThat(profile.status()).as(profile.body()).isEqualTo(403);
        assertThat(profile.body()).doesNotContain("errors").doesNotContain("disclosureContact");
        Http.Response copy = http().post("/api/v1/departments/" + code + "/profiles/1800/copy-of-previous-year",
                ISSUER.bearer("reviewer", "bureau-reviewer", null), null);
        assertThat(copy.status()).as(copy.body()).isEqualTo(403);
    }

    @Test
    void invisibleBidiZeroWidthAndSeparatorCharactersInProfileTextsAreRefusedNamingTheField() {
        String code = "4052" + (100 + (int) (Math.random() * 800));
        String clerk = ISSUER.bearer("fgu-clerk", "department-clerk", code);
        http().post("/api/v1/departments", admin, registration(code, "单位"));
        String path = "/api/v1/departments/" + code + "/profiles/2024";
        Map<String, String> cases = Map.of(
                "functions[0]", minimalProfile().replace("职能一", "职能\\u2028<script>alert(1)</script>"),
                "disclosureContact.name", minimalProfile().replace("张三", "张\\u202E三"),
                "divisions", minimalProfile().replace("\"divisions\":[]",
                        "\"divisions\":[{\"name\":\"办公室\\u200B\",\"responsibilities\":\"职责\"}]"),
                "functions[0] ", minimalProfile().replace("职能一", "\\u2066职能\\u2069\\uFEFF"));
        cases.forEach((field, body) -> {
            Http.Response r = http().put(path, clerk, body);
            assertThat(r.status()).as(field + " -> " + r.body()).isEqualTo(400);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            assertThat(r.body()).as(field).contains(field.strip());
        });
        assertThat(mongo.getCollection("department_profiles").countDocuments(
                new org.bson.Document("departmentCode", code))).isZero();
        Http.Response kept = http().put(path, clerk, minimalProfile().replace("职能一", "职能一：“四季帮扶”（本级）　〔2024〕"));
        assertThat(kept.status()).as(kept.body()).isEqualTo(201);
        assertThat(kept.body()).contains("职能一：“四季帮扶”（本级）　〔2024〕");
    }

    @Test
    void firewallRejectionsAndTheErrorPathAnswerAsProblemsNotAsDefaultJsonOr500() {
        for (String path : List.of("/api/v1/departments/..;/x", "/api/v1/departments/%2e%2e/x",
                "/api/v1/departments;jsessionid=0123456789", "/api/v1/departments/405001/%2e%2e/x")) {
            Http.Response r = http().get(path, admin);
            assertThat(r.status()).as(path + " " + r.body()).isEqualTo(400);
            assertThat(r.header("Content-Type")).as(path).startsWith("application/problem+json");
            assertThat(r.body()).as(path).contains("urn:finance:problem:rejected-request");
        }
        for (String bearer : new String[]{null, admin}) {
            Http.Response error = http().get("/error", bearer);
            assertThat(error.status()).as(error.body()).isEqualTo(404);
            assertThat(error.header("Content-Type")).startsWith("application/problem+json");
        }
    }

    @Test
    void theProtectedResourceMetadataClaimsNoCertificateBoundTokens() {
        Http.Response r = http().get("/.well-known/oauth-protected-resource", null);
        if (r.status() == 200) {
            assertThat(r.body()).doesNotContain("\"tls_client_certificate_bound_access_tokens\":true")
                    .contains(ISSUER.issuer());
        } else {
            assertThat(r.status()).isIn(401, 404);
        }
    }

    @Test
    void twoEditorsCannotSilentlyOverwriteEachOther() {
        String code = "4056" + (100 + (int) (Math.random() * 800));
        String clerk = ISSUER.bearer("fgu-clerk", "department-clerk", code);
        http().post("/api/v1/departments", admin, registration(code, "单位"));
        assertThat(http().put("/api/v1/departments/" + code + "/profiles/2024", clerk, minimalProfile()).status())
                .isEqualTo(201);

        Http.Response first = http().put("/api/v1/departments/" + code + "/profiles/2024", clerk,
                minimalProfile().replace("职能一", "甲的修改"), "If-Match", "\"0\"");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("ETag")).isEqualTo("\"1\"");

        Http.Response second = http().put("/api/v1/departments/" + code + "/profiles/2024", admin,
                minimalProfile().replace("职能一", "乙的修改"), "If-Match", "\"0\"");
        assertThat(second.status()).isEqualTo(412);
        assertThat(second.header("Content-Type")).startsWith("application/problem+json");
        Http.Response withoutVersion = http().put("/api/v1/departments/" + code + "/profiles/2024", admin,
                minimalProfile());
        assertThat(withoutVersion.status()).isEqualTo(428);

        assertThat(http().get("/api/v1/departments/" + code + "/profiles/2024", clerk).body()).contains("甲的修改")
                .doesNotContain("乙的修改");
    }

    @Test
    void copyingLastYearsProfileIsOneCall() {
        String code = "4055" + (100 + (int) (Math.random() * 800));
        String clerk = ISSUER.bearer("fgu-clerk", "department-clerk", code);
        http().post("/api/v1/departments", admin, registration(code, "单位"));
        http().put("/api/v1/departments/" + code + "/profiles/2023", clerk, minimalProfile());

        Http.Response copy = http().post("/api/v1/departments/" + code + "/profiles/2024/copy-of-previous-year",
                clerk, null);
        assertThat(copy.status()).as(copy.body()).isEqualTo(201);
        assertThat(copy.body()).contains("职能一").contains("\"fiscalYear\":2024");
        assertThat(http().post("/api/v1/departments/" + code + "/profiles/2024/copy-of-previous-year", clerk, null)
                .status()).isEqualTo(409);
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndNothingIsStored() {
        String code = "4054" + (100 + (int) (Math.random() * 800));
        String clerk = ISSUER.bearer("fgu-clerk", "department-clerk", code);
        http().post("/api/v1/departments", admin, registration(code, "单位"));
        String path = "/api/v1/departments/" + code + "/profiles/2024";

        Map<String, String> cases = Map.of(
                "disclosureContact.phone", minimalProfile().replace("17783265987", "12345"),
                "functions", minimalProfile().replace("[\"职能一\"]", "[]"),
                "unknownField", minimalProfile().replace("{\"functions\"", "{\"unknownField\":1,\"functions\""),
                "(malformed)", "{\"functions\": [",
                "divisions", minimalProfile().replace("\"divisions\":[]", "\"divisions\":\"x\""),
                "$gt", minimalProfile().replace("{\"functions\"", "{\"$gt\":\"\",\"functions\""),
                "functions[0]", minimalProfile().replace("职能一", "<script>alert(1)</script>"),
                "disclosureContact.name", minimalProfile().replace("张三", "张三<img src=x onerror=alert(1)>"));
        cases.forEach((field, body) -> {
            Http.Response r = http().put(path, clerk, body);
            assertThat(r.status()).as(field + " -> " + r.body()).isEqualTo(400);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            if (!field.startsWith("(")) {
                assertThat(r.body()).as(field).contains(field);
            }
        });
        assertThat(http().put("/api/v1/departments/" + code + "/profiles/1800", clerk, minimalProfile()).status())
                .isEqualTo(400);
        Http.Response badCode = http().post("/api/v1/departments", admin, registration("12ab", "单位"));
        assertThat(badCode.status()).isEqualTo(400);
        assertThat(badCode.body()).contains("code");
        assertThat(mongo.getCollection("department_profiles").countDocuments(
                new org.bson.Document("departmentCode", code))).isZero();
    }

    @Test
    void onlyStrictJsonIsReadWhateverTheContentTypeOrAcceptSay() {
        String numberForText = "{\"code\":405999,\"name\":\"单位\",\"shortName\":\"单位\",\"district\":\"区\",\"kind\":\"机关\"}";
        Http.Response coerced = http().post("/api/v1/departments", admin, numberForText);
        assertThat(coerced.status()).isEqualTo(400);
        assertThat(coerced.body()).contains("code");

        String yaml = "code: '405998'\nname: 单位\nshortName: 单位\ndistrict: 区\nkind: 机关\nextra: 1\n";
        Http.Response asYaml = Http.sendRaw(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/departments"))
                .header("Authorization", admin).header("Content-Type", "application/yaml")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(yaml)).build());
        assertThat(asYaml.status()).as(asYaml.body()).isEqualTo(415);
        assertThat(asYaml.header("Content-Type")).startsWith("application/problem+json");

        Http.Response multipart = Http.sendRaw(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/departments"))
                .header("Authorization", admin).header("Content-Type", "multipart/form-data; boundary=xyz")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("--xyz\r\nbroken")).build());
        assertThat(multipart.status()).as(multipart.body()).isEqualTo(415);
        assertThat(multipart.header("Content-Type")).startsWith("application/problem+json");

        Http.Response badAccept = http().send("PATCH", "/api/v1/departments", admin, "{}", "Accept", "garbage");
        assertThat(badAccept.status()).isEqualTo(405);
        assertThat(badAccept.header("Content-Type")).startsWith("application/problem+json");
        assertThat(mongo.getCollection("departments").countDocuments(
                new org.bson.Document("_id", new org.bson.Document("$in", java.util.List.of("405999", "405998")))))
                .isZero();
    }

    @Test
    void bodiesOverTheLimitAreRefusedWithOrWithoutADeclaredLength() {
        String code = "4053" + (100 + (int) (Math.random() * 800));
        http().post("/api/v1/departments", admin, registration(code, "单位"));
        String path = "/api/v1/departments/" + code + "/profiles/2024";
        String big = minimalProfile().replace("职能一", "长".repeat(400_000)); // 1.2 MB of UTF-8
        Http.Response declared = http().put(path, admin, big);
        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.header("Content-Type")).startsWith("application/problem+json");

        byte[] bytes = big.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Http.Response chunked = Http.sendRaw(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", admin).header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(bytes))).build());
        assertThat(chunked.status()).isEqualTo(413);
        assertThat(mongo.getCollection("department_profiles").countDocuments(
                new org.bson.Document("departmentCode", code))).isZero();
    }

    static String minimalProfile() {
        return "{\"functions\":[\"职能一\"],\"divisions\":[],"
                + "\"disclosureContact\":{\"name\":\"张三\",\"phone\":\"17783265987\"}}";
    }

    List<EventEnvelope> eventsAbout(String code, int atLeast) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<EventEnvelope> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.DEPARTMENT_EVENTS));
            Instant deadline = Instant.now().plusSeconds(30);
            while (found.size() < atLeast && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (code.equals(record.key())) {
                        found.add(EventJson.readEnvelope(record.value()));
                    }
                }
            }
        }
        return found;
    }

    /** The API description parses as OpenAPI 3.1 with a standard parser, and a JavaScript client can compile its patterns. */
    @org.junit.jupiter.api.Test
    void theApiDescriptionIsValidOpenApi31WithPatternsAJavaScriptClientCompiles() {
        Http.Response docs = http().get("/api/v1/departments/api-docs", ISSUER.bearer("bureau-admin", "bureau-admin", null));
        org.assertj.core.api.Assertions.assertThat(docs.status()).as(docs.body()).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThat(cn.finance.disclosure.testing.OpenApiContracts.problems(docs.body()))
                .isEmpty();
    }

    @org.junit.jupiter.api.Test
    void aJavaClientGeneratedFromTheLiveApiDescriptionCompiles() {
        Http.Response docs = http().get("/api/v1/departments/api-docs", ISSUER.bearer("bureau-admin", "bureau-admin", null));
        org.assertj.core.api.Assertions.assertThat(docs.status()).as(docs.body()).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThat(
                        cn.finance.disclosure.testing.OpenApiContracts.generatedClientProblems(docs.body()))
                .isEmpty();
    }
}
