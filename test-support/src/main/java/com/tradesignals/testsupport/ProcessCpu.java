package com.tradesignals.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time of every process on the machine from /proc, grouped by what it is (the service under test, PostgreSQL,
 * Kafka, the load generator calling this, anything else), so that a benchmark's figures say who used the cores.
 */
public final class ProcessCpu {

    public static final String SERVICE = "service";
    public static final String POSTGRESQL = "PostgreSQL";

    /** Linux reports utime and stime in clock ticks of 1/100 s (USER_HZ) on every architecture we run on. */
    private static final double TICKS_PER_SECOND = 100;
    private static final List<String> GROUPS = List.of(SERVICE, POSTGRESQL, "Kafka", "generator", "other");

    private ProcessCpu() {
    }

    /** Ticks per process id, with the group of each, at one moment. */
    public record Sample(long atNanos, Map<Long, Long> ticks, Map<Long, String> groups, long idleTicks) {

        /** CPU seconds {@code group} used since {@code before}; processes started since count from zero. */
        public double secondsSince(Sample before, String group) {
            return ticks.entrySet().stream().filter(process -> groups.get(process.getKey()).equals(group))
                    .mapToLong(process -> process.getValue() - before.ticks.getOrDefault(process.getKey(), 0L))
                    .sum() / TICKS_PER_SECOND;
        }

        /** The share of all cores that was busy since {@code before}. */
        public double busySince(Sample before) {
            double seconds = (atNanos - before.atNanos) / 1e9;
            return 1 - (idleTicks - before.idleTicks) / TICKS_PER_SECOND / seconds
                    / Runtime.getRuntime().availableProcessors();
        }

        /** CPU used since {@code before}, in cores, per group, and the idle cores. */
        public String since(Sample before) {
            double seconds = (atNanos - before.atNanos) / 1e9;
            Map<String, Double> cores = new LinkedHashMap<>();
            GROUPS.forEach(group -> cores.put(group, secondsSince(before, group) / seconds));
            StringBuilder text = new StringBuilder();
            cores.forEach((group, used) -> text.append(group).append(String.format(" %.2f, ", used)));
            return text.append(String.format("idle %.2f", (idleTicks - before.idleTicks) / TICKS_PER_SECOND / seconds))
                    .toString();
        }
    }

    /** @param service the module of the service under test, whose packaged jar tells its process apart */
    public static Sample sample(String service) throws IOException {
        Map<Long, Long> ticks = new HashMap<>();
        Map<Long, String> groups = new HashMap<>();
        long self = ProcessHandle.current().pid();
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                String name = entry.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                long pid = Long.parseLong(name);
                try {
                    String stat = Files.readString(entry.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    // After "pid (comm) ": state is field 0, utime 11, stime 12.
                    ticks.put(pid, Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
                    groups.put(pid, group(pid, self, entry, service));
                } catch (IOException exited) {
                    ticks.remove(pid);
                }
            }
        }
        String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        return new Sample(System.nanoTime(), ticks, groups, Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]));
    }

    private static String group(long pid, long self, Path process, String service) throws IOException {
        if (pid == self) {
            return "generator";
        }
        String command = new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8)
                .replace('\0', ' ');
        if (command.contains(service + "/target/quarkus-app/quarkus-run.jar")) {
            return SERVICE;
        }
        if (command.contains("kafka.Kafka")) {
            return "Kafka";
        }
        if (Files.readString(process.resolve("comm")).strip().equals("postgres")) {
            return POSTGRESQL;
        }
        return "other";
    }
}
