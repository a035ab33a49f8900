package cn.finance.disclosure.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check fails on a misspelt field or a wrong type, in built-in kinds and in each operator's custom resources: on
 * hand-written samples, on every object the overlay renders (each altered in turn), and on a typo in the base itself.
 */
class BrokenManifestsTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              replicas: 2
              selector:
                matchLabels:
                  app: web
              template:
                metadata:
                  labels:
                    app: web
                spec:
                  containers:
                    - name: web
                      image: web:1
                      env:
                        - name: SERVER_PORT
                          value: "8080"
                      readinessProbe:
                        httpGet:
                          path: /actuator/health/readiness
                          port: 8080
                      resources:
                        limits:
                          memory: 512Mi
                      securityContext:
                        readOnlyRootFilesystem: true
            """;

    private static final String KAFKA_TOPIC = """
            apiVersion: kafka.strimzi.io/v1beta2
            kind: KafkaTopic
            metadata:
              name: events
            spec:
              partitions: 3
              replicas: 3
              config:
                retention.ms: -1
            """;

    private static final String KAFKA_USER = """
            apiVersion: kafka.strimzi.io/v1beta2
            kind: KafkaUser
            metadata:
              name: svc
            spec:
              authentication:
                type: scram-sha-512
              authorization:
                type: simple
                acls:
                  - resource:
                      type: topic
                      name: events
                    operations:
                      - Write
            """;

    private static final String MONGODB = """
            apiVersion: mongodbcommunity.mongodb.com/v1
            kind: MongoDBCommunity
            metadata:
              name: db
            spec:
              type: ReplicaSet
              members: 3
              version: "8.0.17"
              security:
                authentication:
                  modes:
                    - SCRAM
              users:
                - name: svc
                  db: svc
                  passwordSecretRef:
                    name: svc-password
                  roles:
                    - name: readWrite
                      db: svc
                  scramCredentialsSecretName: svc-scram
            """;

    private static final String KEYCLOAK = """
            apiVersion: k8s.keycloak.org/v2alpha1
            kind: Keycloak
            metadata:
              name: kc
            spec:
              instances: 2
              hostname:
                hostname: https://auth.example
              http:
                httpEnabled: true
            """;

    private final Manifests manifests = new Manifests();

    @Test
    void theWellFormedSamplesPass() {
        for (String sample : List.of(DEPLOYMENT, KAFKA_TOPIC, KAFKA_USER, MONGODB, KEYCLOAK)) {
            assertThat(problems(sample)).as(sample).isEmpty();
        }
    }

    @Test
    void aMisspeltFieldInADeploymentFails() {
        assertThat(problems(DEPLOYMENT.replace("readinessProbe:", "readinesProbe:")))
                .singleElement().asString().contains("Deployment/web", "readinesProbe");
        assertThat(problems(DEPLOYMENT.replace("  replicas: 2", "  replica: 2"))).singleElement().asString().contains("replica");
    }

    @Test
    void aWrongTypeInADeploymentFails() {
        assertThat(problems(DEPLOYMENT.replace("replicas: 2", "replicas: two"))).singleElement().asString().contains("Deployment/web");
        assertThat(problems(DEPLOYMENT.replace("replicas: 2", "replicas: \"2\""))).hasSize(1);
        // a number where Kubernetes wants a string (an env value must be quoted)
        assertThat(problems(DEPLOYMENT.replace("value: \"8080\"", "value: 8080"))).hasSize(1);
        assertThat(problems(DEPLOYMENT.replace("readOnlyRootFilesystem: true", "readOnlyRootFilesystem: \"yes\""))).hasSize(1);
        assertThat(problems(DEPLOYMENT.replace("  containers:\n", "  containers: web\n  x:\n"))).isNotEmpty();
    }

    @Test
    void aMisspeltFieldOrWrongTypeInAStrimziResourceFails() {
        assertThat(problems(KAFKA_TOPIC.replace("partitions:", "partitons:")))
                .singleElement().asString().contains("KafkaTopic/events", "partitons");
        assertThat(problems(KAFKA_TOPIC.replace("replicas: 3", "replicas: three"))).hasSize(1);
        assertThat(problems(KAFKA_USER.replace("operations:\n          - Write", "operations: Write"))).hasSize(1);
        assertThat(problems(KAFKA_USER.replace("type: scram-sha-512", "type: scram"))).hasSize(1);
    }

    @Test
    void aMisspeltFieldOrWrongTypeInAMongoDbCommunityResourceFails() {
        assertThat(problems(MONGODB.replace("members: 3", "member: 3")))
                .singleElement().asString().contains("MongoDBCommunity/db", "member", "unknown field");
        assertThat(problems(MONGODB.replace("members: 3", "members: \"3\""))).singleElement().asString().contains("integer");
        assertThat(problems(MONGODB.replace("type: ReplicaSet", "type: Standalone"))).singleElement().asString().contains("not one of");
        assertThat(problems(MONGODB.replace("scramCredentialsSecretName: svc-scram", "scramCredentialsSecretName: Svc_Scram")))
                .singleElement().asString().contains("does not match");
        assertThat(problems(MONGODB.replace("""
                      roles:
                        - name: readWrite
                          db: svc
                """, ""))).singleElement().asString().contains("required property roles");
    }

    @Test
    void aMisspeltFieldOrWrongTypeInAKeycloakResourceFails() {
        assertThat(problems(KEYCLOAK.replace("instances: 2", "instance: 2")))
                .singleElement().asString().contains("Keycloak/kc", "instance");
        assertThat(problems(KEYCLOAK.replace("httpEnabled: true", "httpEnabled: \"true\""))).singleElement().asString().contains("boolean");
        assertThat(problems(KEYCLOAK.replace("  name: kc", "  name: kc\n  labelz: {}"))).singleElement().asString().contains("labelz");
    }

    @Test
    void anUnknownKindFails() {
        assertThat(problems(DEPLOYMENT.replace("kind: Deployment", "kind: Deploymnet"))).singleElement().asString()
                .contains("neither a known model nor a known CRD");
        assertThat(problems(DEPLOYMENT.replace("apps/v1", "apps/v1beta1"))).hasSize(1);
    }

    @Test
    void aTypoInTheBaseFailsTheRenderedOverlay(@TempDir Path scratch) throws IOException {
        Path k8s = TreeCopy.of(Manifests.K8S, scratch.resolve("k8s"));
        Path gateway = k8s.resolve("base/apps/gateway.yaml");
        Files.writeString(gateway, Files.readString(gateway, StandardCharsets.UTF_8)
                .replace("readOnlyRootFilesystem: true", "readOnlyRootFileSystem: true"), StandardCharsets.UTF_8);

        assertThat(manifests.check(Manifests.render(k8s.resolve("overlays/dev"))))
                .singleElement().asString().contains("Deployment/gateway", "readOnlyRootFileSystem");
    }

    @Test
    void everyRenderedObjectRejectsAnUnknownFieldAndAWrongType() {
        List<JsonNode> objects = Manifests.render(Manifests.K8S.resolve("overlays/dev"));
        assertThat(manifests.check(objects)).isEmpty();

        for (JsonNode object : objects) {
            ObjectNode misspelt = object.deepCopy();
            JsonNode body = misspelt.has("spec") ? misspelt.get("spec") : misspelt;
            ((ObjectNode) body).put("specialField", "x");
            assertThat(manifests.check(List.of(misspelt))).as(object.path("kind").asText()).singleElement().asString()
                    .contains("specialField");

            ObjectNode wrongType = object.deepCopy();
            ((ObjectNode) wrongType.get("metadata")).put("labels", "app=web");
            assertThat(manifests.check(List.of(wrongType))).as(object.path("kind").asText()).hasSize(1);
        }
    }

    @Test
    void aMisspeltFieldDeepInsideTheRealmImportTheMongoDbStatefulSetOrTheKafkaClusterFails() {
        List<JsonNode> objects = Manifests.render(Manifests.K8S.resolve("overlays/dev"));
        ObjectNode realm = (ObjectNode) only(objects, "KeycloakRealmImport").deepCopy();
        ((ObjectNode) realm.at("/spec/realm/roles/realm/0")).put("compsite", false);
        assertThat(manifests.check(List.of(realm))).singleElement().asString().contains("compsite");

        ObjectNode mongo = (ObjectNode) only(objects, "MongoDBCommunity").deepCopy();
        ((ObjectNode) mongo.at("/spec/statefulSet/spec/template/spec")).put("topologySpreadConstraint", "x");
        assertThat(manifests.check(List.of(mongo))).singleElement().asString().contains("topologySpreadConstraint");

        ObjectNode kafka = (ObjectNode) only(objects, "Kafka").deepCopy();
        ((ObjectNode) kafka.at("/spec/kafka/listeners/0/authentication")).put("type", "scram-sha-256");
        assertThat(manifests.check(List.of(kafka))).hasSize(1);
        kafka = (ObjectNode) only(objects, "Kafka").deepCopy();
        ((ObjectNode) kafka.at("/spec/kafka/listeners/0")).put("tsl", true);
        assertThat(manifests.check(List.of(kafka))).singleElement().asString().contains("tsl");
    }

    private static JsonNode only(List<JsonNode> objects, String kind) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind)).findFirst().orElseThrow();
    }

    private List<String> problems(String yaml) {
        return manifests.check(Manifests.parse(yaml));
    }
}
