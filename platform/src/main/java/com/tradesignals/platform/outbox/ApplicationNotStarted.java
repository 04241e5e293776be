package com.tradesignals.platform.outbox;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * Holds the relay back until the application has started: the scheduler may fire before Reactive
 * Messaging has connected the outbox channel (observers of StartupEvent run by priority, this one last).
 */
@Singleton
public class ApplicationNotStarted implements Scheduled.SkipPredicate {

    private volatile boolean isStarted;

    void started(@Observes @jakarta.annotation.Priority(Integer.MAX_VALUE) StartupEvent event) {
        isStarted = true;
    }

    @Override
    public boolean test(ScheduledExecution execution) {
        return !isStarted;
    }
}
