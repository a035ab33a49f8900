package cn.finance.disclosure.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stack starts an application from its AOT cache only while the cache was made for exactly this jar, this JVM and
 * these options; anything else starts the jar itself, as before caches existed.
 */
class AotCacheTest {

    private static final List<String> OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC");

    @TempDir
    Path module;

    @Test
    void withoutATrainedCacheTheJarItselfIsStarted() throws IOException {
        Path jar = jar();
        assertThat(AotCache.command("java", jar, OPTIONS))
                .containsExactly("java", "-Xmx256m", "-XX:+UseSerialGC", "-jar", jar.toString());
    }

    @Test
    void aMatchingCacheStartsTheExtractedJarWithIt() throws IOException {
        Path jar = jar();
        train(jar, OPTIONS);
        Path dir = module.resolve("target/aot");
        assertThat(AotCache.command("java", jar, OPTIONS)).containsExactly("java", "-Xmx256m", "-XX:+UseSerialGC",
                "-XX:AOTCache=" + dir.resolve("app.aot"), "-jar", dir.resolve("app/app.jar").toString());
    }

    @Test
    void aRebuiltJarIsStartedWithoutTheCacheMadeForTheOldOne() throws IOException {
        Path jar = jar();
        train(jar, OPTIONS);
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));
        assertThat(AotCache.command("java", jar, OPTIONS)).doesNotContain("-XX:AOTCache=" + module.resolve("target/aot/app.aot"))
                .endsWith("-jar", jar.toString());
    }

    @Test
    void otherJvmOptionsAreStartedWithoutTheCache() throws IOException {
        Path jar = jar();
        train(jar, OPTIONS);
        assertThat(AotCache.command("java", jar, List.of("-Xmx512m", "-XX:+UseSerialGC")))
                .noneMatch(option -> option.startsWith("-XX:AOTCache")).endsWith("-jar", jar.toString());
    }

    private Path jar() throws IOException {
        Path jar = Files.createDirectories(module.resolve("target")).resolve("app.jar");
        Files.write(jar, new byte[] {1, 2, 3});
        return jar;
    }

    /** What a training run leaves: the extracted jar, the cache and the stamp (written as AotCache writes it). */
    private void train(Path jar, List<String> options) throws IOException {
        Path dir = Files.createDirectories(module.resolve("target/aot/app"));
        Files.write(dir.resolve("app.jar"), new byte[] {1});
        Files.write(module.resolve("target/aot/app.aot"), new byte[] {1});
        Files.writeString(module.resolve("target/aot/stamp"), AotCache.stamp(jar, options));
    }
}
