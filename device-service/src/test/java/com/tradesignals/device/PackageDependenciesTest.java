package com.tradesignals.device;

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
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The layout rules of docs/device-service.md ("Packages"), read from the main sources: no cycle between the
 * service's packages (the root package included), no resource that touches a repository or the database, and
 * no other service imported. A package uses another when one of its classes names one of the other's (import,
 * static import or fully qualified name, outside comments); same-package names need no import.
 */
class PackageDependenciesTest {

    private static final String SERVICE = "com.tradesignals.device";
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern COMMENT = Pattern.compile("//[^\\n]*|/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern SERVICE_TYPE = Pattern.compile("\\b(" + Pattern.quote(SERVICE)
            + "(?:\\.[a-z]\\w*)*)\\.[A-Z]\\w*");
    private static final Pattern OTHER_SERVICE = Pattern.compile("\\bcom\\.tradesignals\\.(execution|affiliate)\\.");
    /** What only a repository may use: a repository class, Panache's session, the SQL client. */
    private static final Pattern DATA_ACCESS = Pattern.compile(
            "\\b\\w*Repository\\b|\\bio\\.quarkus\\.hibernate\\.reactive\\.panache\\.|\\bio\\.vertx\\.mutiny\\.sqlclient\\.");

    @Test
    void theServicesPackagesFormNoCycle() {
        Map<String, Set<String>> uses = packageUses(sources());

        assertThat(uses).containsKeys(SERVICE, SERVICE + ".keys", SERVICE + ".registration", SERVICE + ".registry");
        assertThat(cycles(uses)).isEmpty();
    }

    @Test
    void resourcesCallServicesNeverARepositoryOrTheDatabase() {
        List<String> resources = new ArrayList<>();
        List<String> violations = new ArrayList<>();
        sources().forEach((file, code) -> {
            if (code.contains("\n@Path(")) {
                resources.add(file);
                Matcher dataAccess = DATA_ACCESS.matcher(code);
                while (dataAccess.find()) {
                    violations.add(file + " uses " + dataAccess.group());
                }
            }
        });

        assertThat(resources).hasSizeGreaterThanOrEqualTo(4);
        assertThat(violations).isEmpty();
    }

    @Test
    void noOtherServiceIsImported() {
        assertThat(sources().entrySet().stream().filter(source -> OTHER_SERVICE.matcher(source.getValue()).find())
                .map(Map.Entry::getKey)).isEmpty();
    }

    /** The rules' own checks, on small graphs: {@code a>b} means a uses b. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                         | uses                     | cycles
            a chain                        | a>b b>c                  | ''
            a diamond                      | a>b a>c b>d c>d          | ''
            two packages using each other  | a>b b>a                  | a<>b
            a cycle through a third one    | a>b b>c c>a              | a<>b a<>c b<>c
            a cycle through the root       | root>a a>root b>a        | a<>root
            """)
    void aCycleIsFoundBetweenEveryPairOnIt(String description, String uses, String expected) {
        Map<String, Set<String>> graph = new TreeMap<>();
        for (String edge : uses.split(" ")) {
            String[] ends = edge.split(">");
            graph.computeIfAbsent(ends[0], name -> new TreeSet<>()).add(ends[1]);
        }

        assertThat(String.join(" ", cycles(graph))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # a resource naming                               | is data access
            private final DeviceRepository devices;           | true
            import io.vertx.mutiny.sqlclient.Pool;            | true
            import io.quarkus.hibernate.reactive.panache.Panache; | true
            private final DeviceRegistrationService devices;  | false
            import io.smallrye.mutiny.Uni;                    | false
            """)
    void dataAccessIsRecognised(String line, boolean isDataAccess) {
        assertThat(DATA_ACCESS.matcher(line).find()).isEqualTo(isDataAccess);
    }

    /** Each pair of packages that reach each other, as {@code a<>b} in name order (the root package is "root"). */
    static List<String> cycles(Map<String, Set<String>> uses) {
        List<String> names = new ArrayList<>(new TreeSet<>(uses.keySet()));
        List<String> pairs = new ArrayList<>();
        for (int first = 0; first < names.size(); first++) {
            for (int second = first + 1; second < names.size(); second++) {
                String a = names.get(first);
                String b = names.get(second);
                if (reachable(uses, a).contains(b) && reachable(uses, b).contains(a)) {
                    pairs.add(shortName(a) + "<>" + shortName(b));
                }
            }
        }
        return pairs;
    }

    private static Set<String> reachable(Map<String, Set<String>> uses, String from) {
        Set<String> seen = new TreeSet<>();
        List<String> next = new ArrayList<>(List.of(from));
        while (!next.isEmpty()) {
            for (String used : uses.getOrDefault(next.remove(next.size() - 1), Set.of())) {
                if (seen.add(used)) {
                    next.add(used);
                }
            }
        }
        return seen;
    }

    private static String shortName(String packageName) {
        return packageName.equals(SERVICE) ? "root" : packageName.replace(SERVICE + ".", "");
    }

    private static Map<String, Set<String>> packageUses(Map<String, String> sources) {
        Map<String, Set<String>> uses = new TreeMap<>();
        sources.values().forEach(code -> {
            Matcher declared = PACKAGE.matcher(code);
            assertThat(declared.find()).isTrue();
            String own = declared.group(1);
            Set<String> used = uses.computeIfAbsent(own, name -> new TreeSet<>());
            Matcher named = SERVICE_TYPE.matcher(code);
            while (named.find()) {
                if (!named.group(1).equals(own)) {
                    used.add(named.group(1));
                }
            }
        });
        return uses;
    }

    /** Every main source file of the service, by path, its comments removed. */
    private static Map<String, String> sources() {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(file -> file.toString().endsWith(".java")).collect(Collectors.toMap(
                    file -> SOURCES.relativize(file).toString(),
                    file -> COMMENT.matcher(read(file)).replaceAll(""), (a, b) -> a,
                    TreeMap::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
