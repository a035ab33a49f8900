package cn.finance.disclosure.benchmark;

import cn.finance.disclosure.stack.StackSettings;
import org.junit.jupiter.api.Test;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Keeps the benchmark working: the whole measurement at a tiny size (one run, one-second wrk cells, three
 * departments). It checks that every phase produced figures and that nothing failed; it times nothing.
 */
class BenchmarkSmokeTest {

    @Test
    void everyPhaseProducesFiguresAtSmokeSize() throws Exception {
        assumeTrue(Wrk.available(), "wrk is not installed");
        Path root = StackSettings.findProjectRoot(Path.of("."));
        Options options = Options.parse(new String[]{"--smoke"}, root);
        Report report = new Benchmark(root, options, new PrintStream(System.out, true, StandardCharsets.UTF_8)).run();

        assertThat(report.coldStartSeconds).hasSize(1);
        assertThat(report.idleRssMb).containsKeys("gateway", "keycloak", "kafka");
        assertThat(report.readPath).hasSize(2 * 3 * 3);
        report.readPath.values().forEach(results -> assertThat(results).allSatisfy(r -> {
            assertThat(r.requestsPerSecond()).isPositive();
            assertThat(r.errors() + r.non2xx3xx()).isZero();
        }));
        assertThat(report.eventLatencySamples).isEqualTo(options.approvals());
        assertThat(report.districtErrors).isZero();
        assertThat(report.municipalityErrors).isZero();
        assertThat(report.municipalityTenths).hasSize(10);
        assertThat(report.peakRssMb).hasSize(Benchmark.PROCESSES.size()).containsKey("portal");
        String markdown = report.markdown(options);
        Files.writeString(options.report(), markdown);
        assertThat(markdown).contains("Public read path").contains("Event latency").contains("A whole district")
                .contains("A municipality").contains("rate per tenth");
    }
}
