package com.tradesignals.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.jboss.logging.Logger;

/**
 * Reads record values as text, as {@code consumeStrings()} does, and refuses a record on an event topic that breaks
 * its contract ({@link EventContracts}): the consumer's poll fails, and with it the test that reads the record. Records
 * a test published itself are inputs and pass unchecked.
 */
public class ContractCheckingDeserializer implements Deserializer<String> {

    private static final Logger LOG = Logger.getLogger(ContractCheckingDeserializer.class);

    @Override
    public String deserialize(String topic, byte[] data) {
        return data == null ? null : new String(data, StandardCharsets.UTF_8);
    }

    @Override
    public String deserialize(String topic, Headers headers, byte[] data) {
        String value = deserialize(topic, data);
        if (value != null && EventContracts.isEventTopic(topic)
                && headers.lastHeader(EventContracts.TEST_PUBLISHED_HEADER) == null) {
            List<String> violations = EventContracts.violations(topic, headers, value);
            if (!violations.isEmpty()) {
                String problem = "A record on " + topic + " breaks its event contract (docs/events.md): "
                        + String.join("; ", violations) + "\n" + value;
                // Logged too: a test that polls getRecords() sees only the records stop, not this exception.
                LOG.error(problem);
                throw new SerializationException(problem);
            }
        }
        return value;
    }
}
