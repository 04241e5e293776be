package com.tradesignals.affiliate;

import com.tradesignals.testsupport.ArchitectureRules;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The package rules of docs/architecture.md, on this service's main classes, and its feature order. */
class ArchitectureTest {

    private static final String BASE = "com.tradesignals.affiliate";
    /** docs/affiliate-service.md, "Code layout". */
    private static final List<String> FEATURE_ORDER = List.of("tier", "enrollment", "referral", "activation",
            "commission", "ledger", "payoutmethod", "payout", "administration");

    @Test
    void featuresFormNoCycleUseNoOtherServiceAndResourcesReachDataThroughServices() {
        ArchitectureRules.checkService(BASE);
    }

    @Test
    void eachFeatureUsesOnlyTheFeaturesBeforeIt() {
        var classes = ArchitectureRules.mainClassesOf(BASE);
        ArchitectureRules.featuresInOrder(BASE, FEATURE_ORDER).forEach(rule -> rule.check(classes));
    }
}
