package com.tradesignals.testsupport.architecture;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tradesignals.testsupport.ArchitectureRules;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each rule passes on a well-formed fixture and fails on the fixture that breaks it. */
class ArchitectureRulesTest {

    private static final String FIXTURES = "com.tradesignals.testsupport.architecture";
    private static final String CLEAN = FIXTURES + ".clean";

    @Test
    void aWellFormedServiceKeepsEveryRule() {
        JavaClasses clean = classesOf(CLEAN);
        List<ArchRule> rules = new ArrayList<>(ArchitectureRules.featuresWithoutCycles(CLEAN));
        rules.add(ArchitectureRules.noOtherService(CLEAN, List.of(CLEAN, FIXTURES + ".cyclic")));
        rules.add(ArchitectureRules.resourcesReachDataThroughServices(CLEAN));
        rules.addAll(ArchitectureRules.featuresInOrder(CLEAN, List.of("a", "b")));

        rules.forEach(rule -> assertThatCode(() -> rule.check(clean)).as(rule.getDescription())
                .doesNotThrowAnyException());
    }

    @Test
    void twoFeaturesUsingEachOtherAreACycle() {
        String cyclic = FIXTURES + ".cyclic";
        assertThatThrownBy(() -> ArchitectureRules.featuresWithoutCycles(cyclic).get(0).check(classesOf(cyclic)))
                .hasMessageContaining("Cycle detected");
    }

    @Test
    void theBasePackageUsingAFeatureIsRefused() {
        String base = FIXTURES + ".rootusesfeature";
        assertThatThrownBy(() -> ArchitectureRules.featuresWithoutCycles(base).get(1).check(classesOf(base)))
                .hasMessageContaining("Config");
    }

    @Test
    void aServiceUsingAnotherServicesClassIsRefused() {
        String alpha = FIXTURES + ".services.alpha";
        String beta = FIXTURES + ".services.beta";
        assertThatThrownBy(() -> ArchitectureRules.noOtherService(alpha, List.of(alpha, beta))
                .check(classesOf(FIXTURES + ".services"))).hasMessageContaining("Beta");
    }

    @Test
    void aResourceUsingARepositoryIsRefused() {
        String shortcut = FIXTURES + ".shortcut";
        assertThatThrownBy(() -> ArchitectureRules.resourcesReachDataThroughServices(shortcut)
                .check(classesOf(shortcut))).hasMessageContaining("OrderRepository");
    }

    @Test
    void aFeatureUsingALaterOneIsRefused() {
        assertThatThrownBy(() -> ArchitectureRules.featuresInOrder(CLEAN, List.of("b", "a")).get(0)
                .check(classesOf(CLEAN))).hasMessageContaining("Quotes");
    }

    private static JavaClasses classesOf(String packageName) {
        return new ClassFileImporter().importPackages(packageName);
    }
}
