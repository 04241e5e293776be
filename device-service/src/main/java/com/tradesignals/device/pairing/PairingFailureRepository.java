package com.tradesignals.device.pairing;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

@ApplicationScoped
public class PairingFailureRepository implements PanacheRepositoryBase<PairingFailure, UUID> {

    Uni<Long> countSince(UUID userId, Instant since) {
        return count("userId = ?1 and failedAt > ?2", userId, since);
    }

    Uni<Long> deleteBefore(Instant cutoff) {
        return delete("failedAt <= ?1", cutoff);
    }
}
