package com.tradesignals.contracts.events;

import java.util.UUID;

/** An event that crosses service boundaries. Its user id is the Kafka record key. */
public interface IntegrationEvent {

    UUID userId();
}
