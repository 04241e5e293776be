package com.tradesignals.device.pairing;

import com.tradesignals.contracts.signing.DeviceKeyId;
import com.tradesignals.contracts.signing.DeviceSecrets;
import com.tradesignals.device.registration.DeviceRegistrationService;
import com.tradesignals.device.registry.DeviceKey;
import com.tradesignals.device.registry.DeviceKeyRepository;
import com.tradesignals.device.registry.DeviceRepository;
import com.tradesignals.platform.deviceauth.DeviceSecretSource;
import com.tradesignals.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Pairs a terminal with a user's account without the user copying a secret (RFC 8628's device authorization grant,
 * docs/device-service.md "Pairing"): the terminal starts a pairing and shows its user code, the user enters that
 * code in their app, which registers the device for them exactly as {@code register} does, and the terminal then
 * collects the device's key with its device code, once.
 *
 * <p>A refusal that must leave a trace (a wrong code counts against the user, a terminal's request is remembered to
 * pace it) commits that trace and only then answers the problem: throwing inside the transaction would roll it back.
 */
@ApplicationScoped
public class PairingService {

    private static final int USER_CODE_DRAWS = 5;

    private final DevicePairingRepository pairings;
    private final PairingFailureRepository failures;
    private final DeviceRepository devices;
    private final DeviceKeyRepository keys;
    private final DeviceRegistrationService registration;
    private final DeviceSecretSource secrets;
    private final PairingConfig config;
    private final Clock clock;

    PairingService(DevicePairingRepository pairings, PairingFailureRepository failures, DeviceRepository devices,
            DeviceKeyRepository keys, DeviceRegistrationService registration, DeviceSecretSource secrets,
            PairingConfig config, Clock clock) {
        this.pairings = pairings;
        this.failures = failures;
        this.devices = devices;
        this.keys = keys;
        this.registration = registration;
        this.secrets = secrets;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Starts a pairing for a terminal, within the cap on pending pairings. Starts are serialised (they are rare and
     * cheap), which keeps the cap exact across replicas; they also delete what can no longer be used.
     */
    public Uni<StartedPairing> start() {
        Instant now = clock.instant();
        String deviceCode = PairingCodes.newDeviceCode();
        return Panache.withTransaction(() -> pairings.lockStarts()
                .chain(() -> pairings.deleteExpiredBefore(now.minus(config.codeTtl())))
                .chain(() -> failures.deleteBefore(now.minus(config.failedAttemptWindow())))
                .chain(() -> pairings.countPending(now))
                .chain(pending -> {
                    if (pending >= config.maxPending()) {
                        throw new ProblemException(Response.Status.TOO_MANY_REQUESTS, "too-many-pairings",
                                "Too many pairings", "Too many terminals are waiting to be paired; retry in a minute");
                    }
                    return unusedUserCode(now, USER_CODE_DRAWS);
                })
                .call(userCode -> pairings.persist(DevicePairing.start(PairingCodes.hash(deviceCode),
                        PairingCodes.hash(PairingCodes.normalisedUserCode(userCode)), now, now.plus(config.codeTtl()))))
                .map(userCode -> new StartedPairing(deviceCode, userCode, config.verificationUri().orElse(null),
                        config.codeTtl().toSeconds(), config.interval().toSeconds())));
    }

    /**
     * The user approves the pending pairing whose code they entered: a device is registered for them (device limit,
     * {@code device.registered.v1}, audit) and the pairing remembers it. An unknown, expired or used code counts as a
     * failed attempt; a user with too many of them recently is refused before the code is even looked up. The user's
     * attempts are serialised, so parallel guesses cannot pass the limit.
     */
    public Uni<ApprovedPairing> approve(UUID userId, String userCode, String name) {
        Instant now = clock.instant();
        String userCodeHash = PairingCodes.hash(PairingCodes.normalisedUserCode(userCode));
        return Panache.withTransaction(() -> devices.lockUser(userId)
                .chain(() -> failures.countSince(userId, now.minus(config.failedAttemptWindow())))
                .chain(failed -> {
                    if (failed >= config.maxFailedAttempts()) {
                        return Uni.createFrom().item(Outcome.<ApprovedPairing>refused(tooManyAttempts()));
                    }
                    return pairings.lockPendingByUserCode(userCodeHash, now).chain(pairing -> pairing == null
                            ? failures.persist(PairingFailure.of(userId, now))
                                    .replaceWith(Outcome.<ApprovedPairing>refused(invalidCode()))
                            : registration.register(userId, name).map(device -> {
                                pairing.approve(userId, device.deviceId(), now, now.plus(config.codeTtl()));
                                return Outcome.of(new ApprovedPairing(device.deviceId(), device.name(),
                                        device.createdAt()));
                            }));
                }))
                .map(Outcome::orThrow);
    }

    /**
     * The terminal asks for its key: refused while the pairing waits for approval (and when asked sooner than the
     * interval), answered once approved, exactly once. The secret is derived from the master key now, as for any
     * key of the device, so nothing secret was ever stored. A device unlinked before its key was collected refuses.
     */
    public Uni<PairedDeviceKey> collect(String deviceCode) {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> pairings.lockByDeviceCode(PairingCodes.hash(deviceCode))
                .chain(pairing -> collect(pairing, now)))
                .map(Outcome::orThrow);
    }

    private Uni<Outcome<PairedDeviceKey>> collect(DevicePairing pairing, Instant now) {
        if (pairing == null || pairing.isCollected()) {
            return refused(invalidCode());
        }
        if (pairing.isExpiredAt(now)) {
            return refused(ProblemException.badRequest("expired-token", "Pairing expired",
                    "The pairing expired before it was completed; start a new one"));
        }
        if (!pairing.isApproved()) {
            if (pairing.isPolledTooSoon(now, config.interval())) {
                return refused(ProblemException.badRequest("slow-down", "Slow down",
                        "Ask at most every " + config.interval().toSeconds() + " s"));
            }
            pairing.polled(now);
            return refused(ProblemException.badRequest("authorization-pending", "Authorization pending",
                    "The user has not entered the code yet; ask again after the interval"));
        }
        return keys.ofDevice(pairing.deviceId).map(deviceKeys -> {
            DeviceKey current = deviceKeys.isEmpty() ? null : deviceKeys.get(0);
            if (current == null || !current.isLiveAt(now)) {
                return Outcome.refused(invalidCode());
            }
            pairing.collect(now);
            DeviceKeyId keyId = new DeviceKeyId(pairing.deviceId, current.keyVersion);
            return Outcome.of(new PairedDeviceKey(pairing.deviceId, keyId.toString(), current.keyVersion,
                    DeviceSecrets.toHex(secrets.secretOf(keyId))));
        });
    }

    /** A user code no pending pairing has; a clash is unlikely (20^8 codes) but would approve the wrong terminal. */
    private Uni<String> unusedUserCode(Instant now, int drawsLeft) {
        String userCode = PairingCodes.newUserCode();
        return pairings.isUserCodePending(PairingCodes.hash(PairingCodes.normalisedUserCode(userCode)), now)
                .chain(isTaken -> {
                    if (!isTaken) {
                        return Uni.createFrom().item(userCode);
                    }
                    if (drawsLeft <= 1) {
                        throw new IllegalStateException("No unused user code in " + USER_CODE_DRAWS + " draws");
                    }
                    return unusedUserCode(now, drawsLeft - 1);
                });
    }

    /** The same answer for an unknown, expired and used code: which of them it was would help a guesser. */
    private static ProblemException invalidCode() {
        return ProblemException.badRequest("pairing-code-invalid", "Pairing code invalid",
                "The code is unknown, expired or already used");
    }

    private ProblemException tooManyAttempts() {
        return new ProblemException(Response.Status.TOO_MANY_REQUESTS, "too-many-attempts", "Too many attempts",
                "Too many wrong codes; retry in " + config.failedAttemptWindow().toMinutes() + " minutes");
    }

    private static <T> Uni<Outcome<T>> refused(ProblemException refusal) {
        return Uni.createFrom().item(Outcome.refused(refusal));
    }

    /** What a transaction decided: committed either way, answered (or refused) after the commit. */
    private record Outcome<T>(T value, ProblemException refusal) {

        static <T> Outcome<T> of(T value) {
            return new Outcome<>(value, null);
        }

        static <T> Outcome<T> refused(ProblemException refusal) {
            return new Outcome<>(null, refusal);
        }

        T orThrow() {
            if (refusal != null) {
                throw refusal;
            }
            return value;
        }
    }
}
