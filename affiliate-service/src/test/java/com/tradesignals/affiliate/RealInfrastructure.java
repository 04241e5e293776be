package com.tradesignals.affiliate;

import com.tradesignals.testsupport.KafkaTestResource;
import com.tradesignals.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;

/** Every test of this module runs against a real PostgreSQL and a real Kafka broker. */
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
public class RealInfrastructure {
}
