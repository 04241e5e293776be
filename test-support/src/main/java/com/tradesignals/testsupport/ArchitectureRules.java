package com.tradesignals.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.List;

/**
 * The package rules of docs/architecture.md ("Where code goes"), checked on a service's compiled main classes by its
 * {@code ArchitectureTest}: features without cycles, no service importing another, resources that reach data only
 * through a service, and, where a service documents one, the order its features depend on each other in.
 */
public final class ArchitectureRules {

    /** The services' base packages: none may use another's classes (they talk over Kafka and HTTP). */
    public static final List<String> SERVICES = List.of("com.tradesignals.device", "com.tradesignals.execution",
            "com.tradesignals.affiliate");

    private ArchitectureRules() {
    }

    /**
     * Checks every rule that holds for all services on the main classes of {@code basePackage} (a service's base
     * package): features without cycles, no other service, resources that reach data through services.
     */
    public static void checkService(String basePackage) {
        JavaClasses classes = mainClassesOf(basePackage);
        List<ArchRule> rules = new ArrayList<>(featuresWithoutCycles(basePackage));
        rules.add(noOtherService(basePackage));
        rules.add(resourcesReachDataThroughServices(basePackage));
        rules.forEach(rule -> rule.check(classes));
    }

    /** The main (not test) classes of {@code basePackage} and below. */
    public static JavaClasses mainClassesOf(String basePackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
    }

    /**
     * The feature packages (the first level below the base package, with everything under them) form no cycle, and
     * the base package itself (configuration, problems) uses no feature.
     */
    public static List<ArchRule> featuresWithoutCycles(String basePackage) {
        return List.of(
                slices().matching(basePackage + ".(*)..").should().beFreeOfCycles()
                        .as("the feature packages of " + basePackage + " form no cycle"),
                noClasses().that().resideInAPackage(basePackage)
                        .should().dependOnClassesThat().resideInAPackage(basePackage + ".*..")
                        .as("the base package " + basePackage + " uses no feature package")
                        .allowEmptyShould(true));
    }

    /** No class of {@code basePackage} uses a class of another of the {@link #SERVICES}. */
    public static ArchRule noOtherService(String basePackage) {
        return noOtherService(basePackage, SERVICES);
    }

    /** No class of {@code basePackage} uses a class of another of {@code services} (base packages). */
    public static ArchRule noOtherService(String basePackage, List<String> services) {
        String[] others = services.stream().filter(service -> !service.equals(basePackage))
                .map(service -> service + "..").toArray(String[]::new);
        return noClasses().that().resideInAPackage(basePackage + "..")
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .as(basePackage + " uses no class of another service");
    }

    /**
     * A JAX-RS resource (a class annotated {@code @Path}) calls services; it never touches a repository, a store, a
     * Hibernate session or the SQL client itself.
     */
    public static ArchRule resourcesReachDataThroughServices(String basePackage) {
        return noClasses().that().resideInAPackage(basePackage + "..").and().areAnnotatedWith("jakarta.ws.rs.Path")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Store")
                .orShould().dependOnClassesThat().resideInAnyPackage("io.vertx.mutiny.sqlclient..",
                        "io.vertx.sqlclient..", "org.hibernate..", "io.quarkus.hibernate..")
                .as("resources of " + basePackage + " reach data only through services");
    }

    /**
     * Each feature named in {@code order} uses only the features before it; {@code order} lists them from the one
     * that depends on nothing. Features not listed are not constrained by this rule.
     */
    public static List<ArchRule> featuresInOrder(String basePackage, List<String> order) {
        return order.stream().filter(feature -> order.indexOf(feature) < order.size() - 1).map(feature -> {
            String[] later = order.subList(order.indexOf(feature) + 1, order.size()).stream()
                    .map(laterFeature -> basePackage + "." + laterFeature + "..").toArray(String[]::new);
            return noClasses().that().resideInAPackage(basePackage + "." + feature + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(later)
                    .as(basePackage + "." + feature + " uses only the features before it in " + order)
                    .allowEmptyShould(true);
        }).toList();
    }
}
