package cn.finance.disclosure.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident memory of a process from /proc: now (VmRSS) and its peak so far (VmHWM), in MB. */
final class ProcessMemory {

    private ProcessMemory() {
    }

    record Reading(double rssMb, double peakRssMb) {
    }

    /** The process's own memory plus its descendants' (kc.sh starts Keycloak's JVM as a child). */
    static Reading of(long pid) {
        double rss = 0;
        double peak = 0;
        for (long p : withDescendants(pid)) {
            rss += field(p, "VmRSS:");
            peak += field(p, "VmHWM:");
        }
        return new Reading(rss, peak);
    }

    /** CPU time (user + system) the process and its descendants have used so far, in milliseconds. */
    static double cpuMillis(long pid) {
        double ticks = 0;
        for (long p : withDescendants(pid)) {
            try {
                String stat = Files.readString(Path.of("/proc/" + p + "/stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
            } catch (IOException | RuntimeException e) {
                // the process ended
            }
        }
        return ticks * 10; // USER_HZ is 100 on Linux
    }

    private static long[] withDescendants(long pid) {
        return ProcessHandle.of(pid).map(h -> java.util.stream.Stream.concat(java.util.stream.Stream.of(h),
                h.descendants()).mapToLong(ProcessHandle::pid).toArray()).orElse(new long[0]);
    }

    private static double field(long pid, String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.substring(name.length()).trim().split("\\s+")[0]) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }
}
