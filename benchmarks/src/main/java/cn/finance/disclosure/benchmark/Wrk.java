package cn.finance.disclosure.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs wrk (Debian's package) against one URL and reads requests/s, latency percentiles, errors and non-2xx. */
final class Wrk {

    record Result(double requestsPerSecond, double p50Millis, double p99Millis, long requests, long errors,
                  long non2xx3xx) {
    }

    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern P50 = Pattern.compile("\\s50%\\s+([0-9.]+)(us|ms|s)");
    private static final Pattern P99 = Pattern.compile("\\s99%\\s+([0-9.]+)(us|ms|s)");
    private static final Pattern REQUESTS = Pattern.compile("([0-9]+) requests in");
    private static final Pattern ERRORS = Pattern.compile("Socket errors: connect ([0-9]+), read ([0-9]+), write ([0-9]+), timeout ([0-9]+)");
    private static final Pattern NON2XX = Pattern.compile("Non-2xx or 3xx responses: ([0-9]+)");

    private Wrk() {
    }

    /** Both load-test tools of the read path are installed (Debian packages wrk and nginx). */
    static boolean available() {
        return installed("wrk", "--version") && installed("nginx", "-v");
    }

    private static boolean installed(String... command) {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).start().waitFor() >= 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static Result run(String url, int connections, int seconds, String... headers) {
        List<String> command = new ArrayList<>(List.of("wrk", "-t", String.valueOf(Math.min(2, connections)),
                "-c", String.valueOf(connections), "-d", seconds + "s", "--latency", "--timeout", "5s"));
        for (String header : headers) {
            command.add("-H");
            command.add(header);
        }
        command.add(url);
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException("wrk failed: " + out);
            }
            return parse(out);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run wrk", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Result parse(String out) {
        long errors = 0;
        Matcher e = ERRORS.matcher(out);
        if (e.find()) {
            for (int i = 1; i <= 4; i++) {
                errors += Long.parseLong(e.group(i));
            }
        }
        Matcher non = NON2XX.matcher(out);
        return new Result(number(RPS, out), millis(P50, out), millis(P99, out), (long) number(REQUESTS, out),
                errors, non.find() ? Long.parseLong(non.group(1)) : 0);
    }

    private static double number(Pattern pattern, String out) {
        Matcher m = pattern.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("unexpected wrk output: " + out);
        }
        return Double.parseDouble(m.group(1));
    }

    private static double millis(Pattern pattern, String out) {
        Matcher m = pattern.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("unexpected wrk output: " + out);
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }
}
