package cn.finance.disclosure.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Renders Kustomize directories with {@code kubectl kustomize} and checks every object it renders. */
final class Manifests {

    /** The manifests' folder: deploy/k8s beside this module's pom. */
    static final Path K8S = Path.of(System.getProperty("user.dir")).resolve("k8s");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static final List<String> CRDS = List.of(
            "crds/keycloaks.k8s.keycloak.org-v1.yml",
            "crds/keycloakrealmimports.k8s.keycloak.org-v1.yml",
            "crds/mongodbcommunity.mongodb.com_mongodbcommunity.yaml");

    private final StrictModels models = new StrictModels();
    private final List<CrdSchema> crdSchemas = CRDS.stream().map(Manifests::loadCrd).map(CrdSchema::new).toList();

    /** {@code kubectl kustomize dir}: offline, the same renderer {@code kubectl apply -k} uses. */
    static List<JsonNode> render(Path kustomization) {
        try {
            Path out = Files.createTempFile("rendered", ".yaml");
            Path err = Files.createTempFile("kustomize", ".err");
            Process process = new ProcessBuilder("kubectl", "kustomize", kustomization.toString())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("kubectl kustomize " + kustomization + " did not finish");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize " + kustomization + " failed: "
                        + Files.readString(err, StandardCharsets.UTF_8));
            }
            List<JsonNode> objects = parse(Files.readString(out, StandardCharsets.UTF_8));
            Files.delete(out);
            Files.delete(err);
            return objects;
        } catch (IOException e) {
            throw new UncheckedIOException("kubectl is needed to render the manifests (Debian package kubectl)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static List<JsonNode> parse(String yaml) {
        try (var parser = YAML.getFactory().createParser(yaml)) {
            List<JsonNode> objects = new ArrayList<>();
            var values = YAML.readValues(parser, JsonNode.class);
            while (values.hasNext()) {
                JsonNode node = values.next();
                if (node != null && !node.isNull() && !node.isMissingNode()) {
                    objects.add(node);
                }
            }
            return objects;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every problem of every object, each prefixed with the object's kind and name; empty when all are valid. */
    List<String> check(List<JsonNode> objects) {
        List<String> problems = new ArrayList<>();
        for (JsonNode object : objects) {
            String apiVersion = object.path("apiVersion").asText();
            String kind = object.path("kind").asText();
            String name = kind + "/" + object.path("metadata").path("name").asText("?");
            if (StrictModels.knows(apiVersion, kind)) {
                models.check(object).ifPresent(p -> problems.add(name + ": " + p));
                continue;
            }
            var schema = crdSchemas.stream().filter(s -> s.covers(apiVersion, kind)).findFirst();
            if (schema.isPresent()) {
                models.checkMetadata(object).ifPresent(p -> problems.add(name + ": " + p));
                schema.get().check(object).forEach(p -> problems.add(name + ": " + p));
                JsonNode statefulSet = object.at("/spec/statefulSet/spec");
                if (kind.equals("MongoDBCommunity") && statefulSet.isObject()) {
                    models.checkStatefulSetSpec(statefulSet).ifPresent(p -> problems.add(name + ": " + p));
                }
            } else {
                problems.add(name + ": " + apiVersion + " " + kind + " is neither a known model nor a known CRD");
            }
        }
        return problems;
    }

    private static JsonNode loadCrd(String resource) {
        try (InputStream in = Manifests.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
