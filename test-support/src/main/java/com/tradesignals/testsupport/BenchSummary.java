package com.tradesignals.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A benchmark's headline figures for {@code dev/bench}, which collects every benchmark's summary into
 * docs/benchmarks.md: {@code target/bench/<name>.tsv} at the repository's root, one figure a line, tab-separated
 * {@code figure, value, target, met, ceiling, ratio} ({@code -} where a cell has nothing), after a header line.
 * Values are written as the benchmark measured them, so the table is never edited by hand.
 */
public final class BenchSummary {

    private static final String HEADER = "figure\tvalue\ttarget\tmet\tceiling\tratio";

    private final String name;
    private final List<String> lines = new ArrayList<>();

    public BenchSummary(String name) {
        this.name = name;
    }

    /** A figure with no target and no ceiling. */
    public BenchSummary add(String figure, String value) {
        return add(figure, value, null, null, null, null);
    }

    /** A figure measured against a target; {@code met} is null when the target cannot be judged from the value. */
    public BenchSummary add(String figure, String value, String target, Boolean met) {
        return add(figure, value, target, met, null, null);
    }

    public BenchSummary add(String figure, String value, String target, Boolean met, String ceiling, String ratio) {
        lines.add(String.join("\t", cell(figure), cell(value), cell(target),
                met == null ? "-" : met ? "yes" : "no", cell(ceiling), cell(ratio)));
        return this;
    }

    /** Writes {@code target/bench/<name>.tsv}, replacing an earlier run's; answers the file. */
    public Path write() throws IOException {
        Path file = ProjectRoot.path().resolve("target/bench/" + name + ".tsv");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "# " + name + " " + Instant.now() + "\n" + HEADER + "\n" + String.join("\n", lines) + "\n");
        return file;
    }

    private static String cell(String text) {
        return text == null || text.isBlank() ? "-" : text.replace('\t', ' ').replace('\n', ' ');
    }
}
