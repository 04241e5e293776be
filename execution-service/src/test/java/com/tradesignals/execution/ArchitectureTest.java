package com.tradesignals.execution;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import com.tradesignals.testsupport.ArchitectureRules;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The package rules of docs/architecture.md, on this service's main classes. */
class ArchitectureTest {

    private static final String BASE = "com.tradesignals.execution";
    private final JavaClasses classes = ArchitectureRules.mainClassesOf(BASE);

    @Test
    void featuresFormNoCycleAndUseNoOtherService() {
        List<ArchRule> rules = new ArrayList<>(ArchitectureRules.featuresWithoutCycles(BASE));
        rules.add(ArchitectureRules.noOtherService(BASE));
        rules.forEach(rule -> rule.check(classes));
    }

    @Test
    void resourcesReachDataThroughServices() {
        ArchitectureRules.resourcesReachDataThroughServices(BASE).check(classes);
    }
}
