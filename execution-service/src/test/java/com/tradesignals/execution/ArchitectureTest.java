package com.tradesignals.execution;

import com.tradesignals.testsupport.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** The package rules of docs/architecture.md, on this service's main classes. */
class ArchitectureTest {

    @Test
    void featuresFormNoCycleUseNoOtherServiceAndResourcesReachDataThroughServices() {
        ArchitectureRules.checkService("com.tradesignals.execution");
    }
}
