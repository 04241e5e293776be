package com.tradesignals.affiliate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tradesignals.contracts.events.executions.FillRecorded;
import com.tradesignals.testsupport.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;

/** Test steps through the public API, and checks of the ledger against its running totals. */
@ApplicationScoped
public class Programme {

    private final Pool database;
    private final TradingEvents events;
    private final TestClock clock;

    Programme(Pool database, TradingEvents events, TestClock clock) {
        this.database = database;
        this.events = events;
        this.clock = clock;
    }

    /** A referrer, the trader they referred, and the trader's fill whose commission is available. */
    public record AvailableCommission(UUID referrer, UUID trader, FillRecorded fill) {
    }

    /** A valid German IBAN (the ISO 13616 example), masked as DE****3000. */
    public static final String IBAN = "DE89370400440532013000";

    /**
     * A new referrer with a bank account as payout method, whose new trader fills {@code lots} of EURUSD, past the
     * holding period: 10.00 per lot × 20 % (Bronze, level 1), so 2.00 per lot is available (50 lots make 100.00).
     */
    public AvailableCommission availableCommission(String lots) {
        UUID referrer = UUID.randomUUID();
        UUID trader = UUID.randomUUID();
        claim(trader, register(referrer)).then().statusCode(201);
        setBankAccount(referrer);
        FillRecorded fill = events.fill(trader, "EURUSD", lots, "1.08");
        awaitCommissions(fill.fillId(), 1);
        clock.advance(Duration.ofDays(8));
        return new AvailableCommission(referrer, trader, fill);
    }

    /** Registers the user; answers their referral token. */
    public String register(UUID user) {
        return given().auth().oauth2(TestTokens.user(user))
                .when().post("/api/v1/affiliates/register")
                .then().statusCode(201)
                .extract().path("referral_token");
    }

    public Response claim(UUID user, String token) {
        return given().auth().oauth2(TestTokens.user(user)).contentType(ContentType.JSON)
                .body("{\"token\":\"" + token + "\"}")
                .when().post("/api/v1/affiliates/referrals");
    }

    public Response setPayoutMethod(UUID user, String json) {
        return given().auth().oauth2(TestTokens.user(user)).contentType(ContentType.JSON).body(json)
                .when().put("/api/v1/affiliates/payout-method");
    }

    /** The affiliate's payouts go to {@link #IBAN}. */
    public void setBankAccount(UUID user) {
        setPayoutMethod(user, "{\"type\":\"BANK_TRANSFER\",\"iban\":\"" + IBAN + "\",\"bic\":\"COBADEFFXXX\","
                + "\"holder_name\":\"Ada Lovelace\"}").then().statusCode(201);
    }

    public Response requestPayout(UUID user, String amount, String idempotencyKey) {
        var request = given().auth().oauth2(TestTokens.user(user)).contentType(ContentType.JSON)
                .body("{\"amount\":\"" + amount + "\"}");
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return request.when().post("/api/v1/affiliates/payout");
    }

    public int processPayouts() {
        return given().auth().oauth2(TestTokens.admin(UUID.randomUUID()))
                .when().post("/api/v1/affiliates/admin/payouts/process")
                .then().statusCode(200)
                .extract().path("processed");
    }

    public Response balances(UUID user) {
        return given().auth().oauth2(TestTokens.user(user)).when().get("/api/v1/affiliates/balances")
                .then().statusCode(200).extract().response();
    }

    public BigDecimal balance(UUID user, String name) {
        return new BigDecimal(balances(user).<String>path(name));
    }

    public void awaitActivated(UUID referredUser) {
        await().atMost(Duration.ofSeconds(30)).until(() -> "ACTIVATED".equals(query(
                "select status from referrals where referred_user_id = $1", referredUser).getString(0)));
    }

    /** Until a fill of the user has been consumed (their first fill records them as a trader). */
    public void awaitTrader(UUID user) {
        await().atMost(Duration.ofSeconds(30)).until(() -> query(
                "select count(*) from traders where user_id = $1", user).getLong(0) == 1);
    }

    public String referralStatus(UUID referredUser) {
        return query("select status from referrals where referred_user_id = $1", referredUser).getString(0);
    }

    public Response suspend(UUID admin, UUID affiliate, String reason) {
        return given().auth().oauth2(TestTokens.admin(admin)).contentType(ContentType.JSON)
                .body("{\"reason\":\"" + reason + "\"}")
                .when().post("/api/v1/affiliates/admin/affiliates/" + affiliate + "/suspend");
    }

    public Response unsuspend(UUID admin, UUID affiliate) {
        return given().auth().oauth2(TestTokens.admin(admin))
                .when().post("/api/v1/affiliates/admin/affiliates/" + affiliate + "/unsuspend");
    }

    public Response adjust(UUID admin, UUID affiliate, String amount, String reason) {
        return given().auth().oauth2(TestTokens.admin(admin)).contentType(ContentType.JSON)
                .body("{\"amount\":\"" + amount + "\",\"reason\":\"" + reason + "\"}")
                .when().post("/api/v1/affiliates/admin/affiliates/" + affiliate + "/adjustments");
    }

    public void awaitCommissions(UUID fillId, long count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> query(
                "select count(*) from commissions where fill_id = $1", fillId).getLong(0) == count);
    }

    /** Until the event of this id has been consumed (whatever it did). */
    public void awaitProcessed(String eventId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> query(
                "select count(*) from processed_events where event_id = $1", eventId).getLong(0) == 1);
    }

    public void awaitStatus(UUID fillId, String status, long count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> query(
                "select count(*) from commissions where fill_id = $1 and entry_type = 'COMMISSION' and status = $2",
                fillId, status).getLong(0) == count);
    }

    /**
     * The balances an affiliate sees add up ({@code earned = held + available + reserved + paid - clawed_back}),
     * and the running totals agree with the ledger rows and payouts they summarise (earned: commissions not
     * refunded, and adjustments).
     */
    public void assertBalancesConsistent(UUID user) {
        Response balances = balances(user);
        BigDecimal earned = new BigDecimal(balances.<String>path("earned"));
        BigDecimal sum = new BigDecimal(balances.<String>path("held"))
                .add(new BigDecimal(balances.<String>path("available")))
                .add(new BigDecimal(balances.<String>path("reserved")))
                .add(new BigDecimal(balances.<String>path("paid")))
                .subtract(new BigDecimal(balances.<String>path("clawed_back")));
        assertThat(sum).isEqualByComparingTo(earned);

        Row totals = query("select total_commission, reserved_commission, paid_commission, clawed_back_commission "
                + "from affiliates where user_id = $1", user);
        assertThat(totals.getBigDecimal(0)).isEqualByComparingTo(query("select coalesce(sum(amount), 0) from commissions "
                + "where referrer_id = $1 and ((entry_type = 'COMMISSION' and status <> 'REFUNDED') "
                + "or entry_type = 'ADJUSTMENT')", user).getBigDecimal(0));
        assertThat(totals.getBigDecimal(1)).isEqualByComparingTo(query("select coalesce(sum(amount), 0) "
                + "from commission_payouts where referrer_id = $1 and status in ('PENDING', 'PROCESSING')", user)
                .getBigDecimal(0));
        assertThat(totals.getBigDecimal(2)).isEqualByComparingTo(query("select coalesce(sum(amount), 0) "
                + "from commission_payouts where referrer_id = $1 and status = 'COMPLETED'", user).getBigDecimal(0));
        assertThat(totals.getBigDecimal(3)).isEqualByComparingTo(query("select coalesce(sum(amount), 0) from commissions "
                + "where referrer_id = $1 and entry_type = 'CLAWBACK'", user).getBigDecimal(0));
        assertThat(earned).isEqualByComparingTo(totals.getBigDecimal(0));
    }

    public Row query(String sql, Object... parameters) {
        return database.preparedQuery(sql).execute(Tuple.from(parameters))
                .await().atMost(Duration.ofSeconds(5)).iterator().next();
    }

    public long count(String sql, Object... parameters) {
        return query(sql, parameters).getLong(0);
    }
}
