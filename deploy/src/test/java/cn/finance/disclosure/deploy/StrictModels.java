package cn.finance.disclosure.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads a manifest object into its typed model the way the API server would accept it: fabric8's Kubernetes models
 * (generated from the Kubernetes OpenAPI schemas) for the built-in kinds, Strimzi's own model for its kinds.
 *
 * <p>Both model families keep unknown fields in an "additional properties" map (a Jackson any-setter) instead of
 * failing; this mapper ignores those any-setters and every ignoreUnknown, so a misspelt field is an error. Scalars are
 * not coerced either: "2" for an integer or 8080 for a string fails, as it does in the API server.
 */
final class StrictModels {

    /** apiVersion/kind → model class; a kind not listed (and not checked by a CRD schema) is refused. */
    private static final Map<String, Class<? extends HasMetadata>> MODELS = Stream.concat(
                    Stream.of(Namespace.class, ConfigMap.class, Secret.class, Service.class, ServiceAccount.class,
                                    Deployment.class, HorizontalPodAutoscaler.class, PodDisruptionBudget.class,
                                    Ingress.class, NetworkPolicy.class)
                            .map(type -> Map.entry(HasMetadata.getApiVersion(type) + "/" + HasMetadata.getKind(type), type)),
                    // one Strimzi model class serves both kafka.strimzi.io/v1beta2 and v1
                    Stream.of(Kafka.class, KafkaNodePool.class, KafkaTopic.class, KafkaUser.class)
                            .flatMap(type -> Stream.of("v1beta2", "v1").map(version -> Map.entry(
                                    "kafka.strimzi.io/" + version + "/" + HasMetadata.getKind(type), type))))
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

    private final ObjectMapper mapper = JsonMapper.builder()
            .annotationIntrospector(new StrictIntrospector())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .withCoercionConfig(LogicalType.Textual, c -> c
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Integer, c -> c
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Boolean, c -> c
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
            .build();

    static boolean knows(String apiVersion, String kind) {
        return MODELS.containsKey(apiVersion + "/" + kind);
    }

    /** The problems of one object: empty when it reads cleanly into its model. */
    Optional<String> check(JsonNode object) {
        Class<? extends HasMetadata> model = MODELS.get(object.path("apiVersion").asText() + "/" + object.path("kind").asText());
        if (model == null) {
            return Optional.of("no model for " + object.path("apiVersion").asText() + " " + object.path("kind").asText());
        }
        try {
            mapper.treeToValue(object, model);
            return Optional.empty();
        } catch (Exception e) {
            return Optional.of(e.getMessage().lines().findFirst().orElse(e.toString()) + locationOf(e));
        }
    }

    /** A custom resource's metadata, read into the built-in ObjectMeta (its CRD schema leaves metadata to the server). */
    Optional<String> checkMetadata(JsonNode object) {
        try {
            mapper.treeToValue(object.path("metadata"), io.fabric8.kubernetes.api.model.ObjectMeta.class);
            return Optional.empty();
        } catch (Exception e) {
            return Optional.of("metadata: " + e.getMessage().lines().findFirst().orElse(e.toString()) + locationOf(e));
        }
    }

    /**
     * A MongoDBCommunity's statefulSet.spec, which its CRD leaves unchecked (x-kubernetes-preserve-unknown-fields) and
     * the operator merges into the StatefulSet it writes: read into the built-in StatefulSetSpec.
     */
    Optional<String> checkStatefulSetSpec(JsonNode spec) {
        try {
            mapper.treeToValue(spec, io.fabric8.kubernetes.api.model.apps.StatefulSetSpec.class);
            return Optional.empty();
        } catch (Exception e) {
            return Optional.of("spec.statefulSet.spec: " + e.getMessage().lines().findFirst().orElse(e.toString()) + locationOf(e));
        }
    }

    private static String locationOf(Exception e) {
        return e instanceof com.fasterxml.jackson.databind.JsonMappingException m ? " at " + m.getPathReference() : "";
    }

    /** No any-setter and no ignoreUnknown anywhere: every property must be one the model declares. */
    private static final class StrictIntrospector extends JacksonAnnotationIntrospector {
        @Override
        public Boolean hasAnySetter(Annotated a) {
            return Boolean.FALSE;
        }

        @Override
        public JsonIgnoreProperties.Value findPropertyIgnoralByName(
                com.fasterxml.jackson.databind.cfg.MapperConfig<?> config, Annotated a) {
            JsonIgnoreProperties.Value declared = super.findPropertyIgnoralByName(config, a);
            return declared == null ? null : declared.withoutIgnoreUnknown();
        }
    }
}
