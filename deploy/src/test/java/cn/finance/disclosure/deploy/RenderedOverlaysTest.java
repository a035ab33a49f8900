package cn.finance.disclosure.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every overlay renders, and every object it renders is valid against the Kubernetes and operator schemas. */
class RenderedOverlaysTest {

    private static final List<String> KINDS = List.of("Namespace", "ConfigMap", "Secret", "Service", "ServiceAccount",
            "Deployment", "HorizontalPodAutoscaler", "PodDisruptionBudget", "Ingress", "NetworkPolicy", "Kafka",
            "KafkaNodePool", "KafkaTopic", "KafkaUser", "MongoDBCommunity", "Keycloak", "KeycloakRealmImport");

    private final Manifests manifests = new Manifests();

    @Test
    void everyObjectOfTheDevOverlayIsValid() {
        List<JsonNode> objects = Manifests.render(Manifests.K8S.resolve("overlays/dev"));

        assertThat(manifests.check(objects)).isEmpty();
        assertThat(kinds(objects)).containsAll(KINDS.subList(1, KINDS.size()));
    }

    @Test
    void everyObjectOfTheProductionOverlayIsValid(@TempDir Path scratch) {
        Path k8s = TreeCopy.withExampleSecrets(Manifests.K8S, scratch);
        List<JsonNode> objects = Manifests.render(k8s.resolve("overlays/production"));

        assertThat(manifests.check(objects)).isEmpty();
        assertThat(kinds(objects)).containsAll(KINDS);
        assertThat(objects).hasSizeGreaterThan(50);
    }

    @Test
    void theRealmImportIsTheRealmOfRecord() throws Exception {
        Process check = new ProcessBuilder("bash", Manifests.K8S.resolve("realm-import.sh").toString(), "--check")
                .redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor(1, TimeUnit.MINUTES)).isTrue();

        assertThat(check.exitValue()).as(output).isZero();
    }

    private static List<String> kinds(List<JsonNode> objects) {
        return objects.stream().map(o -> o.path("kind").asText()).distinct().toList();
    }
}
