package com.tradesignals.affiliate.payoutmethod;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Payout methods by their owner's user id. */
@ApplicationScoped
public class PayoutMethodRepository implements PanacheRepositoryBase<PayoutMethod, UUID> {
}
