package com.tradesignals.affiliate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The feature packages depend on each other in one order (docs/affiliate-service.md, "Code layout"), so there is no
 * cycle, and resources reach the database only through services. Read from the sources: every reference to a class
 * of this service in another package (imports, static imports, qualified names), comments left out.
 */
class PackageDependenciesTest {

    private static final String BASE = "com.tradesignals.affiliate";

    /** Each feature may use only the features before it; the root package (configuration, problems) comes first. */
    private static final List<String> ORDER = List.of("", "tier", "enrollment", "referral", "activation", "commission",
            "ledger", "payoutmethod", "payout", "administration");

    private static final Path SOURCES = Path.of("src/main/java/com/tradesignals/affiliate");
    private static final Pattern REFERENCE = Pattern.compile("\\b" + Pattern.quote(BASE)
            + "((?:\\.[a-z][a-z0-9]*)*)\\.[A-Z]\\w*");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+);");
    private static final Pattern COMMENT = Pattern.compile("(?s)/\\*.*?\\*/|//[^\\n]*");

    @Test
    void everyFeatureUsesOnlyTheFeaturesBeforeItInTheDocumentedOrder() {
        List<String> backwards = new ArrayList<>();
        packageDependencies().forEach((from, targets) -> targets.forEach(to -> {
            int fromPosition = ORDER.indexOf(feature(from));
            int toPosition = ORDER.indexOf(feature(to));
            if (fromPosition < 0 || toPosition < 0 || toPosition > fromPosition) {
                backwards.add(from + " -> " + to);
            }
        }));

        assertThat(backwards).as("dependencies against the order " + ORDER).isEmpty();
    }

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        Map<String, Set<String>> dependencies = packageDependencies();
        List<String> cycles = new ArrayList<>();
        for (String start : dependencies.keySet()) {
            if (reaches(dependencies, start, start, new TreeSet<>())) {
                cycles.add(start);
            }
        }

        assertThat(cycles).as("packages on a cycle").isEmpty();
    }

    @Test
    void resourcesCallServicesNotRepositories() {
        List<String> offenders = sources().filter(source -> source.code().contains("\n@Path("))
                .filter(source -> source.code().matches("(?s).*\\b\\w+Repository\\b.*"))
                .map(source -> source.file().toString())
                .toList();

        assertThat(offenders).isEmpty();
    }

    private static boolean reaches(Map<String, Set<String>> dependencies, String from, String target,
            Set<String> seen) {
        for (String next : dependencies.getOrDefault(from, Set.of())) {
            if (next.equals(target) || seen.add(next) && reaches(dependencies, next, target, seen)) {
                return true;
            }
        }
        return false;
    }

    /** Package (relative to the service's, "" for the root) to the other packages it uses. */
    private static Map<String, Set<String>> packageDependencies() {
        Map<String, Set<String>> dependencies = new TreeMap<>();
        sources().forEach(source -> {
            Set<String> targets = dependencies.computeIfAbsent(source.packageName(), name -> new TreeSet<>());
            Matcher reference = REFERENCE.matcher(source.code());
            while (reference.find()) {
                String target = reference.group(1).isEmpty() ? "" : reference.group(1).substring(1);
                if (!target.equals(source.packageName())) {
                    targets.add(target);
                }
            }
        });
        assertThat(dependencies).as("packages read from " + SOURCES.toAbsolutePath()).containsKeys("", "commission");
        return dependencies;
    }

    /** A sub-package belongs to its feature: payout.paymentsapi is payout's adapter. */
    private static String feature(String packageName) {
        int dot = packageName.indexOf('.');
        return dot < 0 ? packageName : packageName.substring(0, dot);
    }

    private static Stream<Source> sources() {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(file -> file.toString().endsWith(".java")).map(Source::read).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Source(Path file, String packageName, String code) {

        static Source read(Path file) {
            try {
                String text = Files.readString(file);
                Matcher packageDeclaration = PACKAGE.matcher(text);
                assertThat(packageDeclaration.find()).as("package of " + file).isTrue();
                String name = packageDeclaration.group(1);
                String relative = name.equals(BASE) ? "" : name.substring(BASE.length() + 1);
                return new Source(file, relative, COMMENT.matcher(text).replaceAll(""));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
