package com.tradesignals.platform.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One audited action: who did what to which object, and when. Append-only: the database rejects
 * updates and deletes of this table.
 */
@Entity
@Table(name = "audit_log")
public class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** {@code user:<id>}, {@code admin:<id>}, {@code device:<kid>} or {@code system:<job>}. */
    @Column(nullable = false, updatable = false)
    public String actor;

    @Column(nullable = false, updatable = false)
    public String action;

    /** {@code <kind>:<id>} of the object acted on. */
    @Column(nullable = false, updatable = false)
    public String target;

    /** JSON object with what else matters about this action; never secrets. */
    @Column(nullable = false, updatable = false)
    public String details;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    public Instant occurredAt;
}
