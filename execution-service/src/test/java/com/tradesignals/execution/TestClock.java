package com.tradesignals.execution;

import com.tradesignals.testsupport.MovableClock;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

/** The service's clock in tests: real time, moved forward by a test that needs a period to pass. */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends MovableClock {
}
