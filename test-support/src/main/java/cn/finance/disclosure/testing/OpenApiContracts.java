package cn.finance.disclosure.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import org.openapitools.codegen.CodegenConstants;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks a service's OpenAPI description the way a client generator would read it: a standard parser (swagger-parser)
 * reports no error and sees OpenAPI 3.1, and every {@code pattern} is one a JavaScript (ECMA-262) client can compile;
 * and, as a client would use it, a Java client generated from it (openapi-generator) compiles.
 */
public final class OpenApiContracts {

    /** Constructs Java accepts and ECMA-262 does not (or reads differently). */
    private static final Pattern JAVA_ONLY = Pattern.compile(
            "\\(\\?[a-zA-Z-]+[:)]|\\(\\?>|\\\\[pP]\\{|\\\\[AZzGhHRX]|\\\\Q|\\\\E|[*+?}]\\+|&&\\[");

    private OpenApiContracts() {
    }

    /** @return the problems found; empty when the description is usable by clients */
    public static List<String> problems(String json) {
        List<String> problems = new ArrayList<>();
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(json, null, options);
        if (result.getMessages() != null) {
            problems.addAll(result.getMessages());
        }
        if (result.getOpenAPI() == null) {
            problems.add("not an OpenAPI description");
        } else if (!result.getOpenAPI().getOpenapi().startsWith("3.1")) {
            problems.add("OpenAPI " + result.getOpenAPI().getOpenapi() + ", not 3.1");
        }
        try {
            patterns(new ObjectMapper().readTree(json), "$", problems);
        } catch (Exception e) {
            problems.add("unreadable JSON: " + e.getMessage());
        }
        return problems;
    }

    /**
     * Generates a Java client (openapi-generator, generator {@code java}, library {@code native}: the JDK HttpClient and
     * Jackson 2, nothing else) from {@code json} and compiles it in-process against this JVM's class path.
     *
     * @return the generator's failure or the compiler's error diagnostics; empty when the client compiles
     */
    public static List<String> generatedClientProblems(String json) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("openapi-client");
            Path spec = Files.writeString(dir.resolve("openapi.json"), json, StandardCharsets.UTF_8);
            Path sources = dir.resolve("generated");
            List<File> generated;
            try {
                generated = generate(spec, sources);
            } catch (RuntimeException e) {
                // the generator refuses a description it cannot read (validation errors, unresolvable references)
                List<String> problems = new ArrayList<>();
                for (Throwable t = e; t != null; t = t.getCause()) {
                    problems.add("generator: " + t.getMessage());
                }
                return problems;
            }
            List<File> javaFiles = generated.stream().filter(f -> f.getName().endsWith(".java")).toList();
            if (javaFiles.isEmpty()) {
                return List.of("generator: no Java source generated");
            }
            return compile(javaFiles, Files.createDirectories(dir.resolve("classes")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(dir);
        }
    }

    private static List<File> generate(Path spec, Path output) {
        CodegenConfigurator configurator = new CodegenConfigurator()
                .setGeneratorName("java")
                .setLibrary("native")
                .setInputSpec(spec.toString())
                .setOutputDir(output.toString())
                .setApiPackage("client.api")
                .setModelPackage("client.model")
                .setInvokerPackage("client")
                .setValidateSpec(true)
                .addAdditionalProperty(CodegenConstants.HIDE_GENERATION_TIMESTAMP, true)
                .addAdditionalProperty("useJakartaEe", true)
                // JsonNullable would need one more library on every client's class path for nothing we declare
                .addAdditionalProperty("openApiNullable", false);
        DefaultGenerator generator = new DefaultGenerator();
        // models, APIs and the supporting files they need (ApiClient, JSON, ...): no docs, no tests
        generator.setGeneratorPropertyDefault(CodegenConstants.API_TESTS, "false");
        generator.setGeneratorPropertyDefault(CodegenConstants.MODEL_TESTS, "false");
        generator.setGeneratorPropertyDefault(CodegenConstants.API_DOCS, "false");
        generator.setGeneratorPropertyDefault(CodegenConstants.MODEL_DOCS, "false");
        return generator.opts(configurator.toClientOptInput()).generate();
    }

    private static List<String> compile(List<File> javaFiles, Path classes) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("no Java compiler in this runtime: run the tests on a JDK");
        }
        // surefire may run the tests from a manifest-only jar; it then names the real test class path here
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            List<String> options = List.of("-classpath", classPath, "-d", classes.toString(), "-proc:none",
                    "-encoding", "UTF-8", "-nowarn");
            boolean ok = compiler.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromFiles(javaFiles)).call();
            List<String> problems = new ArrayList<>();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR) {
                    problems.add("javac: " + (d.getSource() == null ? "" : new File(d.getSource().getName()).getName()
                            + ":" + d.getLineNumber() + ": ") + d.getMessage(null));
                }
            }
            if (!ok && problems.isEmpty()) {
                problems.add("javac: compilation failed without an error diagnostic");
            }
            return problems;
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp folder is harmless
        }
    }

    /** Whether a JavaScript client can compile {@code pattern} with the meaning Java gives it. */
    public static boolean isEcmaPortable(String pattern) {
        return !JAVA_ONLY.matcher(pattern.replace("\\\\", "")).find();
    }

    private static void patterns(JsonNode node, String path, List<String> problems) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getKey().equals("pattern") && field.getValue().isTextual()
                        && !isEcmaPortable(field.getValue().asText())) {
                    problems.add(path + ".pattern is Java-only syntax: " + field.getValue().asText());
                }
                patterns(field.getValue(), path + "." + field.getKey(), problems);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                patterns(node.get(i), path + "[" + i + "]", problems);
            }
        }
    }
}
