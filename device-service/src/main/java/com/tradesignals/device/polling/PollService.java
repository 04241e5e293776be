package com.tradesignals.device.polling;

import com.tradesignals.device.polling.ParkedPolls.ParkedPoll;
import com.tradesignals.device.presence.PresenceConfig;
import com.tradesignals.device.signals.DeliveryStages;
import com.tradesignals.platform.observability.TraceContexts;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.quarkus.security.AuthenticationFailedException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * A device's poll: acknowledge up to the cursor, answer what is due, or park until a delivery for the device
 * commits (on any replica) or the wait runs out. Waiting holds no thread and reads the database only when woken.
 * A device has one parked poll: a long poll announces itself, and the device's polls announced before it, on
 * any replica, answer at once as superseded (decision 0105).
 */
@ApplicationScoped
public class PollService {

    /** How a poll ended, for {@code device_polls_total{outcome}}. */
    enum Outcome {
        DELIVERED, WOKEN, EMPTY, TIMED_OUT, REVOKED, SUPERSEDED;

        String tag() {
            return name().toLowerCase().replace('_', '-');
        }
    }

    private static final Logger LOG = Logger.getLogger(PollService.class);

    private final PollRepository repository;
    private final ParkedPolls parked;
    private final PollConfig config;
    private final PresenceConfig presence;
    private final DeliveryStages stages;
    private final Clock clock;
    private final Map<Outcome, Counter> polls = new EnumMap<>(Outcome.class);
    private final Timer wakeLatency;

    PollService(PollRepository repository, ParkedPolls parked, PollConfig config, PresenceConfig presence,
            DeliveryStages stages, Clock clock, MeterRegistry registry) {
        this.repository = repository;
        this.parked = parked;
        this.config = config;
        this.presence = presence;
        this.stages = stages;
        this.clock = clock;
        for (Outcome outcome : Outcome.values()) {
            polls.put(outcome, Counter.builder("device.polls").description("Device polls by how they ended")
                    .tag("outcome", outcome.tag()).register(registry));
        }
        this.wakeLatency = Timer.builder("device.poll.wake.latency")
                .description("From a delivery's commit to the answer of the poll it woke")
                .publishPercentiles(0.5, 0.95, 0.99)
                .publishPercentileHistogram()
                .register(registry);
    }

    /** The parameters, their defaults and caps: {@link PollRequest#of}. */
    public Uni<PollResponse> poll(UUID deviceId, Long after, Integer limit, Integer wait) {
        PollRequest poll = PollRequest.of(deviceId, after, limit, wait, config, clock.instant());
        if (!poll.isLong(clock.instant())) {
            return read(poll).map(found -> answer(found, found.isEmpty() ? Outcome.EMPTY : Outcome.DELIVERED));
        }
        ParkedPoll parking = parked.park(deviceId, Vertx.currentContext());
        Instant started = clock.instant();
        return announce(parking)
                .chain(() -> read(poll))
                .chain(found -> found.isEmpty() ? awaitDeliveries(poll, parking, found)
                        : Uni.createFrom().item(parking.isSuperseded() ? superseded(found)
                                : answer(found, Outcome.DELIVERED)))
                .call(() -> seenAtAnswer(deviceId, started))
                .onTermination().invoke(parking::leave);
    }

    /**
     * A parked poll is a sign of life until it is answered: the read at its start recorded the device as seen, and
     * its answer does too if it was parked longer than the write interval (a wake re-reads, which records it anyway,
     * so this is mostly the answer of a wait that ran out). A failure to record it does not fail the poll.
     */
    private Uni<Void> seenAtAnswer(UUID deviceId, Instant started) {
        Instant now = clock.instant();
        if (Duration.between(started, now).compareTo(presence.writeInterval()) < 0) {
            return Uni.createFrom().voidItem();
        }
        return repository.seen(deviceId, now, now.minus(presence.writeInterval()))
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf(failure, "Could not record device %s as seen", deviceId);
                    return Uni.createFrom().voidItem();
                });
    }

    /**
     * Lets every replica supersede the device's older polls. Without the announcement the poll still works, but
     * nothing it supersedes learns of it; it can itself still be superseded.
     */
    private Uni<Void> announce(ParkedPoll parking) {
        return repository.announce(parking.deviceId(), parking.id())
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf(failure, "Could not announce a poll of device %s", parking.deviceId());
                    parking.markAnnounced();
                    return Uni.createFrom().voidItem();
                });
    }

    /** @param lastRead the last, empty read: what a poll that times out answers */
    private Uni<PollResponse> awaitDeliveries(PollRequest poll, ParkedPoll parking, DueDeliveries lastRead) {
        if (parking.isSuperseded()) {
            return Uni.createFrom().item(superseded(lastRead));
        }
        Duration remaining = Duration.between(clock.instant(), poll.deadline());
        if (remaining.isNegative() || remaining.isZero()) {
            return Uni.createFrom().item(answer(lastRead, Outcome.TIMED_OUT));
        }
        return parking.awaitWake(remaining).chain(isWoken -> {
            if (!isWoken) {
                return Uni.createFrom().item(answer(lastRead, Outcome.TIMED_OUT));
            }
            if (parking.isSuperseded()) {
                return Uni.createFrom().item(superseded(lastRead));
            }
            parking.rearm();
            return read(poll).chain(found -> {
                if (found.isEmpty()) {
                    return awaitDeliveries(poll, parking, found);
                }
                Instant now = clock.instant();
                found.due().forEach(due -> wakeLatency.record(Duration.between(due.createdAt(), now)));
                return Uni.createFrom().item(answer(found, Outcome.WOKEN));
            });
        });
    }

    /** Reads what is due; a device unlinked since it authenticated gets the same 401 as any refused request. */
    private Uni<DueDeliveries> read(PollRequest poll) {
        Instant now = clock.instant();
        return repository.acknowledgeAndRead(poll.deviceId(), poll.after(), poll.limit(), now,
                        now.minus(config.lastPollResolution()), now.minus(presence.writeInterval()))
                .invoke(found -> {
                    if (!found.isActive()) {
                        polls.get(Outcome.REVOKED).increment();
                        throw new AuthenticationFailedException("device unlinked");
                    }
                });
    }

    private PollResponse answer(DueDeliveries found, Outcome outcome) {
        polls.get(outcome).increment();
        linkSignalTraces(found);
        recordStages(found);
        return new PollResponse(found.signals(), found.acknowledgedSequence(), clock.instant(), false);
    }

    /**
     * The poll is its own trace (the device started it); it links to the trace of each signal it hands over, so
     * that a signal's trace (consumed, fanned out) leads to the polls that delivered it.
     */
    private static void linkSignalTraces(DueDeliveries found) {
        Span poll = Span.current();
        for (DueDeliveries.Due due : found.due()) {
            SpanContext signal = Span.fromContext(TraceContexts.fromTraceparent(due.traceparent())).getSpanContext();
            if (signal.isValid()) {
                poll.addLink(signal);
            }
        }
    }

    /** The read stamped the timeline (first handed, acknowledged); the metrics follow what the answer hands over. */
    private void recordStages(DueDeliveries found) {
        Instant now = clock.instant();
        found.due().stream().filter(DueDeliveries.Due::isFirstHanding)
                .forEach(due -> stages.firstHanded(Duration.between(due.createdAt(), now)));
        found.handedToAcknowledged().forEach(stages::acknowledged);
    }

    /** Nothing for a request the device has abandoned: its newer poll gets what is due. */
    private PollResponse superseded(DueDeliveries lastRead) {
        polls.get(Outcome.SUPERSEDED).increment();
        lastRead.handedToAcknowledged().forEach(stages::acknowledged);
        return new PollResponse(List.of(), lastRead.acknowledgedSequence(), clock.instant(), true);
    }
}
