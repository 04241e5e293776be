package com.tradesignals.execution.reports;

import com.tradesignals.execution.ledger.Outcome;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ReceivedReportRepository implements PanacheRepositoryBase<ReceivedReport, UUID> {

    public Uni<ReceivedReport> find(UUID deviceId, String reportId) {
        return find("deviceId = ?1 and reportId = ?2", deviceId, reportId).firstResult();
    }

    /** Reports that arrived before their signal, oldest first. */
    public Uni<List<ReceivedReport>> awaiting(UUID signalId) {
        return list("signalId = ?1 and outcome = ?2 order by receivedAt, id", signalId, Outcome.AWAITING_SIGNAL);
    }
}
