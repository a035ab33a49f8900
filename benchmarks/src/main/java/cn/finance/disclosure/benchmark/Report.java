package cn.finance.disclosure.benchmark;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The figures of one benchmark invocation and their Markdown form: each with median (min–max) over the runs. */
final class Report {

    record Cell(String kind, String target, int connections) {
    }

    String machine;
    final List<Double> coldStartSeconds = new ArrayList<>();
    final Map<String, List<Double>> idleRssMb = new LinkedHashMap<>();
    final List<Double> idleRssTotalMb = new ArrayList<>();
    final Map<Cell, List<Wrk.Result>> readPath = new LinkedHashMap<>();
    final Map<Cell, List<Double>> cpuMillisPerRequest = new LinkedHashMap<>();
    int documentBytes;
    int htmlBytes;
    final List<Double> eventLatencyP50 = new ArrayList<>();
    final List<Double> eventLatencyP99 = new ArrayList<>();
    int eventLatencySamples;
    final List<Double> districtSeconds = new ArrayList<>();
    int districtDepartments;
    int districtErrors;
    final Map<String, Double> peakRssMb = new LinkedHashMap<>();
    int municipalityDepartments;
    double municipalitySeconds;
    int municipalityErrors;
    final List<Double> municipalityTenths = new ArrayList<>();
    /** CPU seconds (user + system) each process used from its start until the whole stack was ready. */
    final Map<String, List<Double>> startCpuSeconds = new LinkedHashMap<>();
    /** CPU milliseconds each process spent per approval during the event latency part (the polling included). */
    final Map<String, List<Double>> eventCpuMillis = new LinkedHashMap<>();

    String markdown(Options options) {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark report\n\n");
        md.append("Written by `benchmarks/run` on ").append(ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME))
                .append(options.smoke() ? " (SMOKE size: the figures mean nothing)" : "").append(".\n\n");
        md.append("- Machine: ").append(machine).append("\n");
        md.append("- Versions: Spring Boot 4.0.7, Spring Cloud 2025.1.4 (Gateway 5.0.4), Kafka 4.1.2, Keycloak 26.5.6, "
                + "MongoDB-wire server mongo-java-server 1.47.0 (H2 backend)\n");
        md.append("- Runs: start-up and read path ").append(options.runs()).append(", event latency and district ")
                .append(options.workflowRuns()).append("; a figure over several runs is median (min–max). "
                        + "All processes on 127.0.0.1 of this one machine, load generator included.\n\n");

        md.append("## Start-up and idle memory\n\n");
        md.append("| figure | value |\n| --- | --- |\n");
        md.append("| cold start of the whole stack to ready (fresh data; Keycloak's schema and realm from the build's "
                + "template, the Spring Boot applications from their AOT caches when the build made them) | ")
                .append(Stats.Spread.of(coldStartSeconds).format("%.1f")).append(" s |\n");
        md.append("| RSS of all ").append(idleRssMb.size()).append(" processes at idle | ").append(Stats.Spread.of(idleRssTotalMb).format("%.0f")).append(" MB |\n");
        idleRssMb.forEach((name, values) -> md.append("| RSS at idle: ").append(name).append(" | ")
                .append(Stats.Spread.of(values).format("%.0f")).append(" MB |\n"));
        startCpuSeconds.forEach((name, values) -> md.append("| CPU time to ready: ").append(name).append(" | ")
                .append(Stats.Spread.of(values).format("%.1f")).append(" s |\n"));

        md.append("\n## Public read path (the seed's released version 1)\n\n");
        md.append("wrk, ").append(options.wrkSeconds()).append(" s per cell after a warm-up; JSON is ")
                .append(documentBytes).append(" bytes, HTML ").append(htmlBytes)
                .append(" bytes; 304 = revalidation with If-None-Match. nginx serves the same bytes from files. "
                        + "Ratio = requests/s relative to nginx in the same run and cell.\n\n");
        md.append("CPU/request = user+system CPU time of the serving processes (gateway and publication-service for the "
                + "gateway row, publication-service alone, nginx's master and workers) during the cell, divided by the "
                + "requests it answered: what one request costs, whatever else shares the two cores (wrk itself does).\n\n");
        md.append("| document | connections | target | requests/s | ratio to nginx | p50 ms | p99 ms | CPU/request ms | errors |\n");
        md.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        readPath.forEach((cell, results) -> {
            List<Double> rps = results.stream().map(Wrk.Result::requestsPerSecond).toList();
            List<Double> ratio = new ArrayList<>();
            List<Wrk.Result> nginx = readPath.get(new Cell(cell.kind(), "nginx", cell.connections()));
            for (int i = 0; i < results.size() && nginx != null && i < nginx.size(); i++) {
                ratio.add(results.get(i).requestsPerSecond() / nginx.get(i).requestsPerSecond());
            }
            long errors = results.stream().mapToLong(r -> r.errors() + r.non2xx3xx()).sum();
            md.append("| ").append(cell.kind()).append(" | ").append(cell.connections()).append(" | ")
                    .append(cell.target()).append(" | ").append(Stats.Spread.of(rps).format("%.0f")).append(" | ")
                    .append(Stats.Spread.of(ratio).format("%.2f")).append(" | ")
                    .append(Stats.Spread.of(results.stream().map(Wrk.Result::p50Millis).toList()).format("%.2f"))
                    .append(" | ")
                    .append(Stats.Spread.of(results.stream().map(Wrk.Result::p99Millis).toList()).format("%.2f"))
                    .append(" | ").append(Stats.Spread.of(cpuMillisPerRequest.getOrDefault(cell, List.of()))
                            .format("%.3f"))
                    .append(" | ").append(errors).append(" |\n");
        });

        md.append("\n## Event latency (budget approval answered → draft disclosure exists in publication-service)\n\n");
        md.append("From the moment the approval's answer reached the client to the draft's own creation time "
                + "(`draft.createdAt`, publication-service, the same machine clock; 0 when the draft was there before the "
                + "answer arrived), one approval at a time, after a warm-up of "
                + Benchmark.warmUpApprovals(options.approvals()) + " unmeasured approvals through the same path; "
                + "the draft is looked for 20 ms after the answer, then every 20 ms.\n\n");
        md.append("| figure | value |\n| --- | --- |\n");
        md.append("| approvals measured | ").append(eventLatencySamples).append(" |\n");
        md.append("| p50 | ").append(Stats.Spread.of(eventLatencyP50).format("%.1f")).append(" ms |\n");
        md.append("| p99 | ").append(Stats.Spread.of(eventLatencyP99).format("%.1f")).append(" ms |\n");
        eventCpuMillis.forEach((name, values) -> md.append("| CPU time per approval: ").append(name).append(" | ")
                .append(Stats.Spread.of(values).format("%.1f")).append(" ms |\n"));

        md.append("\n## A whole district (register, profile, budget, submit, approve, confirm, release; real tokens, "
                + "through the gateway, ").append(options.workers()).append(" workers)\n\n");
        md.append("| figure | value |\n| --- | --- |\n");
        md.append("| departments per run | ").append(districtDepartments).append(" |\n");
        md.append("| wall time | ").append(Stats.Spread.of(districtSeconds).format("%.1f")).append(" s |\n");
        md.append("| throughput | ").append(Stats.Spread.of(districtSeconds.stream()
                .map(s -> districtDepartments / s * 60).toList()).format("%.0f")).append(" departments/min |\n");
        md.append("| errors | ").append(districtErrors).append(" |\n");
        if (municipalityDepartments > 0) {
            md.append("\n## A municipality (the same workflow for ").append(municipalityDepartments)
                    .append(" more departments on the same stack, after the district; ").append(options.workers())
                    .append(" workers)\n\n");
            md.append("| figure | value |\n| --- | --- |\n");
            md.append("| departments | ").append(municipalityDepartments).append(" |\n");
            md.append("| wall time | ").append(String.format("%.1f", municipalitySeconds)).append(" s |\n");
            md.append("| throughput | ").append(String.format("%.0f", municipalityDepartments / municipalitySeconds * 60))
                    .append(" departments/min |\n");
            md.append("| errors | ").append(municipalityErrors).append(" |\n");
            md.append("| rate per tenth of the run (departments/min, by completions) | ")
                    .append(String.join(", ", municipalityTenths.stream().map(r -> String.format("%.0f", r)).toList()))
                    .append(" |\n");
            if (municipalityTenths.size() == 10) {
                md.append("| last tenth / first tenth | ").append(String.format("%.2f",
                        municipalityTenths.get(9) / municipalityTenths.get(0))).append(" |\n");
            }
        }
        md.append("\nPeak RSS of each process at the end (VmHWM):\n\n| process | peak RSS |\n| --- | --- |\n");
        peakRssMb.forEach((name, mb) -> md.append("| ").append(name).append(" | ").append(String.format("%.0f", mb))
                .append(" MB |\n"));
        return md.toString();
    }
}
