package cn.finance.disclosure.benchmark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What to measure and how much; {@code --smoke} is the tiny size the test command runs to keep this working. */
record Options(int runs, int workflowRuns, int wrkSeconds, List<Integer> connections, int approvals, int departments,
               int workers, int municipality, Path report, boolean smoke) {

    static Options parse(String[] args, Path projectRoot) {
        int runs = 3;
        int workflowRuns = 1;
        int seconds = 5;
        List<Integer> connections = List.of(1, 16, 64);
        int approvals = 200;
        int departments = 300;
        int workers = 8;
        int municipality = 3000;
        Path report = projectRoot.resolve("benchmarks/REPORT.md");
        boolean smoke = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--workflow-runs" -> workflowRuns = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--connections" -> {
                    List<Integer> list = new ArrayList<>();
                    for (String c : args[++i].split(",")) {
                        list.add(Integer.parseInt(c.trim()));
                    }
                    connections = List.copyOf(list);
                }
                case "--approvals" -> approvals = Integer.parseInt(args[++i]);
                case "--departments" -> departments = Integer.parseInt(args[++i]);
                case "--workers" -> workers = Integer.parseInt(args[++i]);
                case "--municipality" -> municipality = Integer.parseInt(args[++i]);
                case "--report" -> report = Path.of(args[++i]);
                case "--smoke" -> smoke = true;
                case "--parts" -> i++; // read by Parts
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (known: --runs --workflow-runs --seconds --connections --approvals --departments --workers --municipality --report --smoke --parts)");
            }
        }
        if (smoke) {
            return new Options(1, 1, 1, List.of(1, 4), 3, 3, 2, 10,
                    projectRoot.resolve("benchmarks/target/smoke-report.md"), true);
        }
        return new Options(runs, workflowRuns, seconds, connections, approvals, departments, workers, municipality,
                report, false);
    }
}
