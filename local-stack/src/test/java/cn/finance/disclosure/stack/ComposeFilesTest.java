package cn.finance.disclosure.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both compose files, checked where no Docker engine or Compose v2 can run: valid against the Compose Specification's
 * own JSON schema ({@code compose-spec.json}, from the compose-spec/compose-spec repository, Apache-2.0, commit
 * 170098ba of 2026-06-23: the schema Compose v2 validates with), and holding what a review asked for (Compose v2
 * only, exact health checks, memory limits, grace periods, authentication everywhere in production, no secret in the
 * file).
 */
class ComposeFilesTest {

    static final Path ROOT = StackSettings.findProjectRoot(Path.of("."));
    static final ObjectMapper JSON = new ObjectMapper();
    static final Set<String> JAVA_SERVICES = Set.of("department-service", "budget-service", "publication-service",
            "gateway");

    @SuppressWarnings("unchecked")
    static Map<String, Object> load(String file) throws Exception {
        // anchors and merge keys (<<) resolved as Compose does
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(ROOT.resolve(file)));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> services(Map<String, Object> compose) {
        return (Map<String, Object>) compose.get("services");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> service(Map<String, Object> compose, String name) {
        return (Map<String, Object>) services(compose).get(name);
    }

    static JsonSchema schema() throws Exception {
        try (InputStream in = ComposeFilesTest.class.getResourceAsStream("/compose-spec.json")) {
            // its $id is relative ("compose_spec.json"), which the validator refuses as an identifier: drop it
            com.fasterxml.jackson.databind.node.ObjectNode tree = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(in);
            tree.remove("$id");
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(tree);
        }
    }

    @Test
    void bothFilesAreValidComposeSpecificationDocuments() throws Exception {
        JsonSchema schema = schema();
        for (String file : List.of("docker-compose.yml", "docker-compose.prod.yml")) {
            JsonNode document = JSON.valueToTree(load(file));
            Set<ValidationMessage> errors = schema.validate(document);
            assertThat(errors).as(file).isEmpty();
        }
    }

    @Test
    void theSchemaCheckRefusesWhatComposeRefuses() throws Exception {
        JsonNode broken = JSON.readTree("{\"services\":{\"a\":{\"image\":\"x\",\"mem_limit\":true,\"restart_policy\":1}}}");
        assertThat(schema().validate(broken)).isNotEmpty();
    }

    @Test
    void onlyComposeV2IsRecommended() throws Exception {
        for (String file : List.of("docker-compose.yml", "docker-compose.prod.yml", "README.md", ".ci/run")) {
            assertThat(Files.readString(ROOT.resolve(file))).as(file).doesNotContain("docker-compose up")
                    .doesNotContain("docker-compose -f").doesNotContain("docker-compose 1.");
        }
    }

    @Test
    void everyContainerHasAMemoryLimitAndTheJavaServicesTheirGracePeriod() throws Exception {
        for (String file : List.of("docker-compose.yml", "docker-compose.prod.yml")) {
            Map<String, Object> compose = load(file);
            services(compose).forEach((name, definition) -> {
                Map<?, ?> service = (Map<?, ?>) definition;
                assertThat(service.get("mem_limit")).as(file + " " + name + " mem_limit").isNotNull();
                if (JAVA_SERVICES.contains(name)) {
                    Duration grace = Duration.parse("PT" + service.get("stop_grace_period").toString().toUpperCase());
                    assertThat(grace).as(file + " " + name + ": more than the 30 s graceful shutdown")
                            .isGreaterThan(Duration.ofSeconds(30));
                }
            });
        }
        assertThat(Files.readString(ROOT.resolve("Dockerfile"))).contains("-XX:MaxRAMPercentage=")
                .contains("--mount=type=cache,id=maven-repo,target=/root/.m2").startsWith("# syntax=docker/dockerfile:1");
    }

    @Test
    void keycloaksHealthCheckTakesTheOverallStatusNotAnyUp() throws Exception {
        for (String file : List.of("docker-compose.yml", "docker-compose.prod.yml")) {
            String check = String.valueOf(((Map<?, ?>) service(load(file), "keycloak").get("healthcheck")).get("test"));
            assertThat(check).as(file).doesNotContain("\"UP\"").contains("/health/ready").contains(" 200 ");
        }
    }

    @Test
    void theDevelopmentFileLoadsDemoUsersOnlyInTheDemoProfile() throws Exception {
        Map<String, Object> dev = load("docker-compose.yml");
        Map<String, Object> demo = service(dev, "keycloak-demo-users");
        assertThat(demo.get("profiles")).isEqualTo(List.of("demo"));
        assertThat(String.valueOf(service(dev, "keycloak").get("volumes"))).doesNotContain("keycloak/dev");
    }

    @Test
    void theProductionFileAuthenticatesEveryComponentAndHoldsNoSecret() throws Exception {
        Map<String, Object> prod = load("docker-compose.prod.yml");
        String text = Files.readString(ROOT.resolve("docker-compose.prod.yml"));

        Map<?, ?> keycloak = service(prod, "keycloak");
        assertThat(keycloak.get("command").toString()).contains("start").doesNotContain("start-dev");
        Map<?, ?> keycloakEnv = (Map<?, ?>) keycloak.get("environment");
        assertThat(keycloakEnv.get("KC_HOSTNAME").toString()).startsWith("https://");
        assertThat(keycloakEnv.get("KC_DB")).isEqualTo("postgres");

        Map<?, ?> kafka = (Map<?, ?>) service(prod, "kafka").get("environment");
        assertThat(kafka.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP").toString()).doesNotContain(":PLAINTEXT");
        assertThat(kafka.get("KAFKA_LISTENER_NAME_CLIENTS_SASL_ENABLED_MECHANISMS")).isEqualTo("SCRAM-SHA-512");
        assertThat(kafka.get("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND")).isEqualTo("false");
        assertThat(kafka.get("KAFKA_AUTHORIZER_CLASS_NAME").toString()).endsWith("StandardAuthorizer");
        String acls = String.valueOf(service(prod, "kafka-setup").get("command"));
        assertThat(acls).contains("User:budget-service --operation Write --operation Describe --topic finance.budget.events")
                .contains("User:publication-service --operation Read");

        assertThat(service(prod, "mongo").get("entrypoint").toString()).contains("--auth").contains("--keyFile");
        for (String service : List.of("department-service", "budget-service", "publication-service")) {
            Map<?, ?> env = (Map<?, ?>) service(prod, service).get("environment");
            assertThat(env.get("MONGODB_URI").toString()).as(service).matches("mongodb://" + service + ":[^@]+@.*");
            assertThat(env.get("SPRING_KAFKA_SECURITY_PROTOCOL")).as(service).isEqualTo("SASL_PLAINTEXT");
            assertThat(env.get("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG").toString()).as(service)
                    .contains("username=\"" + service + "\"");
        }
        assertThat(((Map<?, ?>) service(prod, "budget-service").get("environment")).get("EVENT_SIGNING_KEY")).isNotNull();
        assertThat(((Map<?, ?>) service(prod, "publication-service").get("environment")).get("BUDGET_EVENTS_VERIFY_KEY"))
                .isNotNull();

        // every password, key and secret is a required variable (${NAME:?...}), never a value or a default
        Pattern required = Pattern.compile("\\$\\{[A-Z_]+:\\?[^}]*}");
        services(prod).forEach((name, definition) -> {
            Object environment = ((Map<?, ?>) definition).get("environment");
            if (environment instanceof Map<?, ?> env) {
                env.forEach((key, value) -> {
                    String text2 = String.valueOf(value);
                    if (key.toString().matches(".*(PASSWORD|_KEY)")) {
                        assertThat(text2).as(name + " " + key).matches(required);
                    }
                    Matcher password = Pattern.compile("password=\"([^\"]*)\"").matcher(text2);
                    while (password.find()) {
                        assertThat(password.group(1)).as(name + " " + key).matches(required);
                    }
                });
            }
        });
        assertThat(text).doesNotContain("keycloak/dev").doesNotContain("profiles:");
    }
}
