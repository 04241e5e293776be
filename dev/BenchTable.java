import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Rewrites docs/benchmarks.md from the benchmarks' summaries (dev/bench runs it; Java's single-file launcher, no
 * build). For each benchmark run now: its {@code target/bench/<summary>.tsv} (BenchSummary) if it wrote one during
 * this run, else the figures read from its results file. A benchmark not run now keeps its rows from the existing
 * docs/benchmarks.md (or, if it has none there, what its committed results file says).
 *
 * <p>Usage: {@code java dev/BenchTable.java <root> <run-started-epoch-seconds> <commit> <machine> <name>=<command>...}
 * where the names are those run now (device, execution, affiliate, pipeline).
 */
public final class BenchTable {

    record Row(String benchmark, String figure, String value, String target, String met, String ceiling,
            String ratio) {

        String markdown() {
            return "| " + String.join(" | ", benchmark, figure, value, target, met, ceiling, ratio) + " |";
        }
    }

    record Run(String benchmark, String command, String measured, String commit, String machine, String source) {

        String markdown() {
            return "| " + String.join(" | ", benchmark, command, measured, commit, machine, source) + " |";
        }
    }

    record Benchmark(String name, String summary, String resultsGlob, String method,
            Function<String, List<String[]>> parser) {
    }

    private static final List<Benchmark> BENCHMARKS = List.of(
            new Benchmark("device", "long-polls", "device-service/bench/results/poll-benchmark-*.md",
                    "[device-service.md](device-service.md#benchmark)", BenchTable::device),
            new Benchmark("execution", "fill-ingestion", "execution-service/bench/results/fill-ingestion.md",
                    "[execution-service.md](execution-service.md#benchmark)", BenchTable::execution),
            new Benchmark("affiliate", "affiliate", "affiliate-service/bench/results.md",
                    "[affiliate-service.md](affiliate-service.md#benchmark)", BenchTable::affiliate),
            new Benchmark("pipeline", "pipeline", "end-to-end-tests/bench/results/pipeline.md",
                    "[below](#the-fill-to-commission-pipeline)", text -> List.of()));

    private static final String FIGURES_HEADER = "| benchmark | figure | value | target | met | ceiling | ratio |\n"
            + "| --- | --- | --- | --- | --- | --- | --- |";
    private static final String RUNS_HEADER = "| benchmark | command | measured | commit | machine | results |\n"
            + "| --- | --- | --- | --- | --- | --- |";

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args[0]);
        Instant runStarted = Instant.ofEpochSecond(Long.parseLong(args[1]));
        String commit = args[2];
        String machine = args[3];
        Map<String, String> ranNow = new LinkedHashMap<>();
        for (int i = 4; i < args.length; i++) {
            String[] pair = args[i].split("=", 2);
            ranNow.put(pair[0], pair[1]);
        }
        Path doc = root.resolve("docs/benchmarks.md");
        String existing = Files.exists(doc) ? Files.readString(doc) : "";
        List<Row> rows = new ArrayList<>();
        List<Run> runs = new ArrayList<>();
        for (Benchmark benchmark : BENCHMARKS) {
            List<Row> kept = existingRows(existing, benchmark.name());
            Optional<Run> keptRun = existingRun(existing, benchmark.name());
            if (!ranNow.containsKey(benchmark.name()) && !kept.isEmpty() && keptRun.isPresent()) {
                rows.addAll(kept);
                runs.add(keptRun.get());
                continue;
            }
            Path summary = root.resolve("target/bench/" + benchmark.summary() + ".tsv");
            Optional<Path> results = newest(root, benchmark.resultsGlob());
            boolean ran = ranNow.containsKey(benchmark.name());
            String source = results.map(path -> "[" + path.getFileName() + "](../" + root.relativize(path) + ")")
                    .orElse("-") + ", method and history: " + benchmark.method();
            List<String[]> figures;
            if (ran && Files.exists(summary) && !Files.getLastModifiedTime(summary).toInstant().isBefore(runStarted)) {
                figures = Files.readAllLines(summary).stream().filter(line -> !line.startsWith("#"))
                        .skip(1).filter(line -> !line.isBlank()).map(line -> line.split("\t", -1)).toList();
            } else if (results.isPresent()) {
                figures = benchmark.parser().apply(Files.readString(results.get()));
            } else {
                figures = List.of();
            }
            if (figures.isEmpty()) {
                figures = List.<String[]>of(new String[] { "not measured yet", "-", "-", "-", "-", "-" });
            }
            for (String[] figure : figures) {
                rows.add(new Row(benchmark.name(), cell(figure, 0), cell(figure, 1), cell(figure, 2), cell(figure, 3),
                        cell(figure, 4), cell(figure, 5)));
            }
            if (ran) {
                runs.add(new Run(benchmark.name(), "`" + ranNow.get(benchmark.name()) + "`",
                        runStarted.truncatedTo(ChronoUnit.SECONDS).toString(), commit, machine, source));
            } else {
                String measured = results.map(path -> {
                    try {
                        Matcher time = find(Files.readString(path), "\\d{4}-\\d{2}-\\d{2}T[\\d:]+");
                        return time == null ? "-" : time.group();
                    } catch (IOException e) {
                        return "-";
                    }
                }).orElse("-");
                runs.add(new Run(benchmark.name(), "not run by dev/bench yet: figures read from its results file",
                        measured, "-", "-", source));
            }
        }
        String pipelineMethod = section(existing, "## The fill-to-commission pipeline").orElse(PIPELINE_METHOD);
        String text = "# Benchmarks\n\n"
                + "Every benchmark's headline figures, rewritten by `dev/bench` (all of them) or `dev/bench <name>` (one:\n"
                + "`device`, `execution`, `affiliate`, `pipeline`; the others keep their rows). Do not edit the tables by hand:\n"
                + "each benchmark writes `target/bench/<name>.tsv` (figure, value, target, met, ceiling, ratio) and\n"
                + "dev/bench collects them; a benchmark that does not write one yet is read from its results file. How each\n"
                + "benchmark works, what its figures mean and their history are in the service's doc (linked below).\n"
                + "Everything runs on one machine: the services, PostgreSQL, Kafka and the load generator share its cores.\n\n"
                + "Ratio is value / ceiling where the benchmark measures a ceiling (pgbench with the same statements, the\n"
                + "bare endpoint with the same client). Met: whether the value meets the target (issue 17's targets).\n\n"
                + "<!-- figures: generated by dev/bench -->\n" + FIGURES_HEADER + "\n"
                + String.join("\n", rows.stream().map(Row::markdown).toList()) + "\n\n"
                + "<!-- runs: generated by dev/bench -->\n" + RUNS_HEADER + "\n"
                + String.join("\n", runs.stream().map(Run::markdown).toList()) + "\n\n" + pipelineMethod;
        Files.writeString(doc, text.strip() + "\n");
        System.out.println("[bench] docs/benchmarks.md rewritten: " + rows.size() + " figures from " + runs.size()
                + " benchmarks (ran now: " + (ranNow.isEmpty() ? "none" : String.join(", ", ranNow.keySet())) + ")");
    }

    private static final String PIPELINE_METHOD = """
            ## The fill-to-commission pipeline

            `dev/bench pipeline` (or `end-to-end-tests/bench/run`) starts the whole system as the end-to-end tests do.
            """;

    private static String cell(String[] figure, int index) {
        return index < figure.length && !figure[index].isBlank() ? figure[index].replace("|", "\\|") : "-";
    }

    private static List<Row> existingRows(String doc, String benchmark) {
        List<Row> rows = new ArrayList<>();
        int start = doc.indexOf("<!-- figures");
        if (start < 0) {
            return rows;
        }
        for (String line : doc.substring(start).lines().skip(3).takeWhile(line -> line.startsWith("|")).toList()) {
            String[] cells = cells(line);
            if (cells.length == 7 && cells[0].equals(benchmark)) {
                rows.add(new Row(cells[0], cells[1], cells[2], cells[3], cells[4], cells[5], cells[6]));
            }
        }
        return rows;
    }

    private static Optional<Run> existingRun(String doc, String benchmark) {
        int start = doc.indexOf("<!-- runs");
        if (start < 0) {
            return Optional.empty();
        }
        return doc.substring(start).lines().skip(3).takeWhile(line -> line.startsWith("|")).map(BenchTable::cells)
                .filter(cells -> cells.length == 6 && cells[0].equals(benchmark))
                .map(cells -> new Run(cells[0], cells[1], cells[2], cells[3], cells[4], cells[5])).findFirst();
    }

    /** The cells of a table row; an escaped {@code \|} stays inside its cell. */
    private static String[] cells(String line) {
        String inner = line.strip().replaceAll("^\\|", "").replaceAll("\\|$", "");
        return Stream.of(inner.split("(?<!\\\\)\\|", -1)).map(String::strip).toArray(String[]::new);
    }

    private static Optional<String> section(String doc, String heading) {
        int start = doc.indexOf(heading);
        return start < 0 ? Optional.empty() : Optional.of(doc.substring(start));
    }

    private static Optional<Path> newest(Path root, String glob) throws IOException {
        Path directory = root.resolve(glob).getParent();
        if (!Files.isDirectory(directory)) {
            return Optional.empty();
        }
        var matcher = directory.getFileSystem().getPathMatcher("glob:" + root.resolve(glob));
        try (Stream<Path> files = Files.list(directory)) {
            // Result files name their time (poll-benchmark-<timestamp>.md): the greatest name is the newest.
            return files.filter(matcher::matches).max(Comparator.comparing(Path::toString));
        }
    }

    // ---- results files of benchmarks that write no summary ------------------------------------------------------------

    private static Matcher find(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        return matcher.find() ? matcher : null;
    }

    private static String met(boolean met) {
        return met ? "yes" : "no";
    }

    private static String ratio(double value, double ceiling) {
        return String.format(Locale.ROOT, "%.2f", value / ceiling);
    }

    static List<String[]> device(String text) {
        List<String[]> figures = new ArrayList<>();
        Matcher parked = find(text, "\\| long polls parked at once[^|]*\\| (\\d+) \\|");
        String parkedText = parked == null ? "" : ", " + parked.group(1) + " parked";
        Matcher first = find(text, "\\| first signal since the service started → device[^|]*\\| ([\\d.]+) ms \\|");
        if (first != null) {
            figures.add(new String[] { "first signal since the service started → device (ms)" + parkedText,
                    first.group(1), "≤ 100", met(Double.parseDouble(first.group(1)) <= 100), "-", "-" });
        }
        Matcher latency = Pattern.compile("\\| signal → device latency p50 / p95 / p99 / max at (\\d+) signals/s[^|]*\\| "
                + "([\\d.]+) / ([\\d.]+) / ([\\d.]+) / ([\\d.]+) ms \\|").matcher(text);
        while (latency.find()) {
            double p99 = Double.parseDouble(latency.group(4));
            figures.add(new String[] { "signal → device p50 / p99 (ms) at " + latency.group(1) + " signals/s" + parkedText,
                    latency.group(2) + " / " + latency.group(4), "p99 ≤ 50", met(p99 <= 50), "-", "-" });
        }
        Matcher signed = find(text, "\\| idle short polls \\(signed, wait=0\\) per second \\| (\\d+)");
        Matcher bare = find(text, "\\| bare endpoint [^|]*per second \\| (\\d+)");
        if (signed != null && bare != null) {
            double rate = Double.parseDouble(signed.group(1));
            double ceiling = Double.parseDouble(bare.group(1));
            figures.add(new String[] { "idle signed short polls/s (ceiling: bare endpoint, same client)", signed.group(1),
                    "≥ 0.5 × bare", met(rate / ceiling >= 0.5), bare.group(1), ratio(rate, ceiling) });
        }
        return figures;
    }

    static List<String[]> execution(String text) {
        List<String[]> figures = new ArrayList<>();
        Matcher highest = find(text, "\\| highest rate offered with p99 ≤ 50 ms \\(of ([^)]*) fills/s\\) \\| "
                + "(?:\\d+ fills/s, (\\d+) accepted/s|none)");
        Matcher pgbench = find(text, "\\| pgbench ceiling[^|]*\\| (\\d+) fills/s");
        if (highest != null && pgbench != null) {
            String accepted = highest.group(2) == null ? "0" : highest.group(2);
            double value = Double.parseDouble(accepted);
            double ceiling = Double.parseDouble(pgbench.group(1));
            figures.add(new String[] { "fill ingestion, highest rate offered with p99 ≤ 50 ms (of " + highest.group(1)
                    + "): accepted/s, vs pgbench, same statements", accepted, "≥ 0.5 × pgbench",
                    met(value / ceiling >= 0.5), pgbench.group(1), ratio(value, ceiling) });
        }
        Matcher latency = Pattern.compile("\\| at (\\d+) fills/s: latency from scheduled send, p50 / p90 / p99 / max "
                + "\\(ms\\) \\| ([\\d.]+) / ([\\d.]+) / ([\\d.]+) / ([\\d.]+) \\|").matcher(text);
        while (latency.find()) {
            figures.add(new String[] { "fill ingestion at " + latency.group(1) + " fills/s offered: answer p50 / p99 (ms)",
                    latency.group(2) + " / " + latency.group(4), "p99 ≤ 50",
                    met(Double.parseDouble(latency.group(4)) <= 50), "-", "-" });
        }
        return figures;
    }

    static List<String[]> affiliate(String text) {
        List<String[]> figures = new ArrayList<>();
        Matcher accrual = find(text, "\\| (\\d+) \\| (\\d+) \\| ([\\d.]+) \\| (\\d+) \\| (\\d+) \\|\\s*\\n");
        if (accrual != null) {
            figures.add(new String[] { "commission accrual from Kafka, fills/s (commissions/s)", accrual.group(4) + " ("
                    + accrual.group(5) + ")", "≥ 1000 fills/s", met(Integer.parseInt(accrual.group(4)) >= 1000), "-",
                    "-" });
        }
        Matcher payouts = find(text, "\\| (\\d+) \\| ([\\d.]+) \\| (\\d+) \\| ([\\d.]+) \\| ([\\d.]+) \\| ([\\d.]+) \\|");
        if (payouts != null) {
            figures.add(new String[] { "payout requests/s", payouts.group(3), "≥ 500",
                    met(Integer.parseInt(payouts.group(3)) >= 500), "-", "-" });
            figures.add(new String[] { "payout request p50 / p99 (ms)", payouts.group(4) + " / " + payouts.group(6),
                    "p99 ≤ 50", met(Double.parseDouble(payouts.group(6)) <= 50), "-", "-" });
        }
        return figures;
    }
}
