package com.tradesignals.affiliate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tradesignals.contracts.Topics;
import com.tradesignals.contracts.events.executions.FillRecorded;
import com.tradesignals.testsupport.TestKafka;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Every change of an affiliate's tree and ledger reaches affiliates.v1, once, keyed by that affiliate. */
@QuarkusTest
class LedgerEventsTest {

    @Inject
    Programme programme;

    @Inject
    TradingEvents events;

    @Inject
    TestClock clock;

    @Test
    void eachChangeOfTheTreeAndLedgerIsPublishedOnce() {
        UUID affiliate = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID admin = UUID.randomUUID();
        String token = programme.register(affiliate);
        programme.claim(first, token).then().statusCode(201);
        programme.claim(second, token).then().statusCode(201);

        // Two first fills activate two referrals: Silver in tests.
        FillRecorded paid = events.fill(first, "EURUSD", "30", "1.08");
        programme.awaitCommissions(paid.fillId(), 1);
        FillRecorded unpaid = events.fill(second, "EURUSD", "0.04", "1.08");
        programme.awaitCommissions(unpaid.fillId(), 1);
        clock.advance(Duration.ofDays(8));
        programme.setBankAccount(affiliate);
        programme.requestPayout(affiliate, "60.00", null).then().statusCode(201);
        programme.processPayouts();
        programme.awaitStatus(paid.fillId(), "PAID", 1);
        events.bust(paid);
        events.bust(unpaid);
        programme.awaitStatus(paid.fillId(), "CLAWED_BACK", 1);
        programme.awaitStatus(unpaid.fillId(), "REFUNDED", 1);
        programme.adjust(admin, affiliate, "5.00", "goodwill").then().statusCode(201);
        programme.suspend(admin, affiliate, "review").then().statusCode(200);
        programme.unsuspend(admin, affiliate).then().statusCode(200);
        String paidCommission = programme.query("select id::text from commissions where fill_id = $1 "
                + "and entry_type = 'COMMISSION'", paid.fillId()).getString(0);

        Map<String, Long> expected = Map.of(
                "affiliate.referral-claimed.v1", 2L,
                "affiliate.referral-activated.v1", 2L,
                "affiliate.tier-changed.v1", 1L,
                "affiliate.commissions-paid.v1", 1L,
                "affiliate.commission-clawed-back.v1", 1L,
                "affiliate.commission-refunded.v1", 1L,
                "affiliate.adjustment-made.v1", 1L,
                "affiliate.suspended.v1", 1L,
                "affiliate.unsuspended.v1", 1L);
        try (KafkaCompanion kafka = TestKafka.companion()) {
            ConsumerTask<String, String> records = kafka.consumeStrings().fromTopics(Topics.AFFILIATES);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(countsByType(records, affiliate))
                    .containsAllEntriesOf(expected));

            List<String> values = ofType(records, affiliate, "affiliate.referral-activated.v1");
            assertThat(values).anySatisfy(value -> assertThat(value).contains("\"referred_user_id\":\"" + first + "\"")
                    .contains("\"activated_by\":\"FIRST_FILL\"").contains("\"fill_id\":\"" + paid.fillId() + "\""));
            assertThat(ofType(records, affiliate, "affiliate.tier-changed.v1").get(0))
                    .contains("\"previous_tier\":0").contains("\"tier\":1").contains("\"tier_name\":\"Silver\"");
            assertThat(ofType(records, affiliate, "affiliate.commissions-paid.v1").get(0))
                    .contains("\"paid_entry_ids\":[\"" + paidCommission + "\"]")
                    .contains("\"paid_amount\":\"60.00000000\"")
                    .contains("\"netted_entry_ids\":[]");
            assertThat(ofType(records, affiliate, "affiliate.commission-clawed-back.v1").get(0))
                    .contains("\"fill_id\":\"" + paid.fillId() + "\"").contains("\"amount\":\"60.00000000\"");
            assertThat(ofType(records, affiliate, "affiliate.commission-refunded.v1").get(0))
                    .contains("\"fill_id\":\"" + unpaid.fillId() + "\"").contains("\"amount\":\"0.10000000\"");
            assertThat(ofType(records, affiliate, "affiliate.adjustment-made.v1").get(0))
                    .contains("\"amount\":\"5.00000000\"").contains("\"made_by\":\"" + admin + "\"");
            assertThat(ofType(records, affiliate, "affiliate.suspended.v1").get(0)).contains("\"reason\":\"review\"");
            records.stop();
        }
    }

    private static Map<String, Long> countsByType(ConsumerTask<String, String> records, UUID affiliate) {
        return records.getRecords().stream()
                .filter(record -> affiliate.toString().equals(record.key()))
                .collect(Collectors.groupingBy(LedgerEventsTest::type, Collectors.counting()));
    }

    private static List<String> ofType(ConsumerTask<String, String> records, UUID affiliate, String type) {
        return records.getRecords().stream()
                .filter(record -> affiliate.toString().equals(record.key()) && type.equals(type(record)))
                .map(ConsumerRecord::value)
                .toList();
    }

    private static String type(ConsumerRecord<String, String> record) {
        return new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8);
    }
}
