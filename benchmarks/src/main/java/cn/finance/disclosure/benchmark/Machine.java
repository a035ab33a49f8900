package cn.finance.disclosure.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the figures were measured on. */
final class Machine {

    private Machine() {
    }

    static String describe() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
        } catch (IOException ignored) {
            // keep the default
        }
        double memoryGb = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getTotalMemorySize() / 1024.0 / 1024 / 1024;
        return String.format("%d cores (%s), %.0f GiB RAM, %s %s; Java %s (%s); %s; %s", Runtime.getRuntime()
                        .availableProcessors(), cpu, memoryGb, System.getProperty("os.name"),
                System.getProperty("os.version"), System.getProperty("java.version"), System.getProperty("java.vm.vendor"),
                command("nginx", "-v"), command("wrk", "--version").lines().findFirst().orElse("wrk"));
    }

    private static String command(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor();
            return out.replace("nginx version: ", "");
        } catch (IOException e) {
            return command[0] + " (not installed)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return command[0];
        }
    }
}
