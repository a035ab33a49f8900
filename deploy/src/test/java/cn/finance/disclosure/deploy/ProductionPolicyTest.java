package cn.finance.disclosure.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the production overlay promises beyond schema validity: hardening, probes, sizing, availability, isolation. */
class ProductionPolicyTest {

    private static final Set<String> APPS = Set.of("gateway", "department-service", "budget-service",
            "publication-service", "console", "portal");
    private static final Set<String> PUBLIC = Set.of("gateway", "console", "portal");

    @TempDir
    static Path scratch;

    private static List<JsonNode> objects;

    @BeforeAll
    static void render() {
        objects = Manifests.render(TreeCopy.withExampleSecrets(Manifests.K8S, scratch).resolve("overlays/production"));
    }

    @Test
    void everyAppRunsHardenedWithActuatorProbesAndASizedHeap() {
        assertThat(names("Deployment")).containsExactlyInAnyOrderElementsOf(APPS);
        for (JsonNode deployment : of("Deployment")) {
            JsonNode pod = deployment.at("/spec/template/spec");
            assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
            assertThat(pod.at("/securityContext/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
            assertThat(pod.path("automountServiceAccountToken").asBoolean(true)).isFalse();
            for (JsonNode container : pod.path("containers")) {
                JsonNode security = container.path("securityContext");
                assertThat(security.path("readOnlyRootFilesystem").asBoolean()).isTrue();
                assertThat(security.path("allowPrivilegeEscalation").asBoolean(true)).isFalse();
                assertThat(security.at("/capabilities/drop").toString()).isEqualTo("[\"ALL\"]");
                String tmpVolume = StreamSupport.stream(container.path("volumeMounts").spliterator(), false)
                        .filter(m -> m.path("mountPath").asText().equals("/tmp")).findFirst().orElseThrow()
                        .path("name").asText();
                assertThat(StreamSupport.stream(pod.path("volumes").spliterator(), false)
                        .filter(v -> v.path("name").asText().equals(tmpVolume)).findFirst().orElseThrow()
                        .has("emptyDir")).isTrue();
                assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/actuator/health/readiness");
                assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/actuator/health/liveness");
                assertThat(container.at("/resources/requests/cpu").isMissingNode()).isFalse();
                assertThat(container.at("/resources/limits/memory").asText())
                        .isEqualTo(container.at("/resources/requests/memory").asText());
                assertThat(container.path("command").toString()).contains("-XX:MaxRAMPercentage=");
                assertThat(container.at("/image").asText()).doesNotEndWith("SNAPSHOT");
            }
        }
    }

    @Test
    void everyAppHasTwoReplicasSpreadOverNodesABudgetAndAServiceAndTheStatelessOnesScale() {
        for (JsonNode deployment : of("Deployment")) {
            String name = deployment.at("/metadata/name").asText();
            assertThat(deployment.at("/spec/replicas").asInt()).as(name).isGreaterThanOrEqualTo(2);
            assertThat(deployment.at("/spec/template/spec/topologySpreadConstraints").toString())
                    .as(name).contains("kubernetes.io/hostname", "DoNotSchedule");
        }
        assertThat(names("PodDisruptionBudget")).containsExactlyInAnyOrderElementsOf(APPS);
        assertThat(names("Service")).containsExactlyInAnyOrderElementsOf(APPS);
        // the console keeps login sessions in its pod: fixed replicas, cookie affinity at the ingress
        assertThat(names("HorizontalPodAutoscaler")).containsExactlyInAnyOrder("gateway", "department-service",
                "budget-service", "publication-service", "portal");
        for (JsonNode hpa : of("HorizontalPodAutoscaler")) {
            assertThat(hpa.at("/spec/minReplicas").asInt()).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void onlyTheGatewayConsoleAndPortalAreExposedAndEverythingElseIsDeniedByDefault() {
        List<String> backends = new ArrayList<>();
        for (JsonNode ingress : of("Ingress")) {
            ingress.at("/spec/rules").forEach(rule -> rule.at("/http/paths")
                    .forEach(path -> backends.add(path.at("/backend/service/name").asText())));
        }
        assertThat(backends).containsExactlyInAnyOrderElementsOf(PUBLIC);
        for (JsonNode service : of("Service")) {
            assertThat(service.at("/spec/type").asText("ClusterIP")).isEqualTo("ClusterIP");
        }

        JsonNode defaultDeny = of("NetworkPolicy").stream()
                .filter(p -> p.at("/spec/podSelector").isEmpty() && p.at("/spec/ingress").isMissingNode())
                .findFirst().orElseThrow();
        assertThat(defaultDeny.at("/spec/policyTypes").toString()).contains("Ingress");

        // a rule admitting traffic from the ingress controller's namespace selects only the public apps or Keycloak
        for (JsonNode policy : of("NetworkPolicy")) {
            boolean fromIngressController = policy.at("/spec/ingress").toString().contains("ingress-nginx");
            if (fromIngressController) {
                String selected = policy.at("/spec/podSelector").toString();
                boolean publicApps = selected.contains("gateway") && selected.contains("console") && selected.contains("portal")
                        && !selected.contains("-service");
                assertThat(publicApps || selected.contains("keycloak")).as(policy.at("/metadata/name").asText()).isTrue();
            }
        }
    }

    @Test
    void eachServiceWritesOnlyItsOwnTopicAndOwnsOnlyItsOwnDatabase() {
        for (JsonNode user : of("KafkaUser")) {
            String service = user.at("/metadata/name").asText();
            String own = "finance." + service.replace("-service", "") + ".events";
            for (JsonNode acl : user.at("/spec/authorization/acls")) {
                if (acl.path("operations").toString().contains("Write")) {
                    assertThat(acl.at("/resource/name").asText()).as(service).isEqualTo(own);
                }
            }
        }
        assertThat(names("KafkaTopic")).containsExactlyInAnyOrder("finance.department.events",
                "finance.budget.events", "finance.publication.events");

        JsonNode mongo = of("MongoDBCommunity").getFirst();
        assertThat(mongo.at("/spec/members").asInt()).isEqualTo(3);
        for (JsonNode user : mongo.at("/spec/users")) {
            for (JsonNode role : user.path("roles")) {
                assertThat(role.path("db").asText()).isEqualTo(user.path("db").asText());
                assertThat(role.path("name").asText()).isEqualTo("readWrite");
            }
        }
    }

    @Test
    void theRealmImportCarriesNoDemoUsersAndNoClientSecret() {
        JsonNode realm = of("KeycloakRealmImport").getFirst().at("/spec/realm");
        assertThat(realm.has("users")).isFalse();
        for (JsonNode client : realm.path("clients")) {
            if (client.has("secret")) {
                assertThat(client.path("secret").asText()).startsWith("${CLIENT_SECRET_");
            }
        }
    }

    private static List<JsonNode> of(String kind) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
    }

    private static List<String> names(String kind) {
        return of(kind).stream().map(o -> o.at("/metadata/name").asText()).toList();
    }
}
