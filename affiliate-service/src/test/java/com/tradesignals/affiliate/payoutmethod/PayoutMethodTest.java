package com.tradesignals.affiliate.payoutmethod;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.oneOf;

import com.tradesignals.affiliate.Programme;
import com.tradesignals.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where payouts go: set, answered masked, stored encrypted, audited masked, kept by each payout. */
@QuarkusTest
class PayoutMethodTest {

    private static final String BANK = "{\"type\":\"BANK_TRANSFER\",\"iban\":\"de89 3704 0044 0532 0130 00\","
            + "\"bic\":\"cobadeffxxx\",\"holder_name\":\" Ada Lovelace \"}";

    @Inject
    Programme programme;

    @Test
    void aBankAccountIsAnsweredMaskedAndStoredEncrypted() {
        UUID affiliate = UUID.randomUUID();
        programme.register(affiliate);
        given().auth().oauth2(TestTokens.user(affiliate)).when().get("/api/v1/affiliates/payout-method")
                .then().statusCode(404).body("type", equalTo("/problems/not-found"))
                .body("detail", equalTo("No payout method is set: PUT /api/v1/affiliates/payout-method"));

        programme.setPayoutMethod(affiliate, BANK).then().statusCode(201)
                .body("type", equalTo("BANK_TRANSFER")).body("iban", equalTo("DE****3000"))
                .body("bic", equalTo("COBADEFFXXX")).body("holder_name", equalTo("Ada Lovelace"))
                .body("email", nullValue());
        given().auth().oauth2(TestTokens.user(affiliate)).when().get("/api/v1/affiliates/payout-method")
                .then().statusCode(200).body("type", equalTo("BANK_TRANSFER")).body("iban", equalTo("DE****3000"))
                .body("holder_name", equalTo("Ada Lovelace"));

        Row stored = programme.query("select kind, masked, key_id, octet_length(nonce), "
                + "position(convert_to($2, 'UTF8') in ciphertext), position(convert_to('Lovelace', 'UTF8') in ciphertext), "
                + "nonce from payout_methods where user_id = $1", affiliate, Programme.IBAN);
        assertThat(stored.getString(0)).isEqualTo("BANK_TRANSFER");
        assertThat(stored.getString(1)).isEqualTo("DE****3000");
        assertThat(stored.getString(2)).isEqualTo("dev-only-1");
        assertThat(stored.getInteger(3)).isEqualTo(12);
        assertThat(stored.getInteger(4)).as("the IBAN is not in the ciphertext").isZero();
        assertThat(stored.getInteger(5)).as("nor the holder").isZero();

        programme.setPayoutMethod(affiliate, BANK).then().statusCode(200);
        assertThat(programme.query("select nonce from payout_methods where user_id = $1", affiliate).getBuffer(0)
                .getBytes()).as("a new nonce for every write").isNotEqualTo(stored.getBuffer(6).getBytes());
    }

    @Test
    void changesAreAuditedMaskedAndEachPayoutKeepsTheMethodItWasRequestedWith() {
        UUID affiliate = programme.availableCommission("50").referrer();
        String toBank = programme.requestPayout(affiliate, "50.00", null).then().statusCode(201)
                .body("payout_method.type", equalTo("BANK_TRANSFER"))
                .body("payout_method.masked", equalTo("DE****3000"))
                .extract().path("payout_id");

        programme.setPayoutMethod(affiliate, "{\"type\":\"PAYPAL\",\"email\":\" Ada@Example.COM \"}").then()
                .statusCode(200).body("type", equalTo("PAYPAL")).body("email", equalTo("a***@example.com"));
        String toPayPal = programme.requestPayout(affiliate, "50.00", null).then().statusCode(201)
                .body("payout_method.type", equalTo("PAYPAL"))
                .body("payout_method.masked", equalTo("a***@example.com"))
                .extract().path("payout_id");

        given().auth().oauth2(TestTokens.user(affiliate)).when().get("/api/v1/affiliates/payouts/" + toBank)
                .then().statusCode(200).body("payout_method.masked", equalTo("DE****3000"));
        programme.processPayouts();
        given().auth().oauth2(TestTokens.user(affiliate)).when().get("/api/v1/affiliates/payouts")
                .then().statusCode(200).body("items.payout_id", contains(toPayPal, toBank))
                .body("items.status", contains("COMPLETED", "COMPLETED"))
                .body("items.payout_method.type", contains("PAYPAL", "BANK_TRANSFER"));

        String audited = programme.query("select string_agg(action || ' ' || details, ' | ' order by id) from audit_log "
                + "where target = $1", "payout-method:" + affiliate).getString(0);
        assertThat(audited).contains("payout-method.set", "payout-method.changed", "DE****3000", "a***@example.com",
                "\"previous_kind\":\"BANK_TRANSFER\"");
        assertThat(audited).doesNotContain(Programme.IBAN, "ada@example.com", "Lovelace");
        assertThat(programme.count("select count(*) from audit_log where details like $1", "%" + Programme.IBAN + "%"))
                .as("no audit entry anywhere holds the IBAN").isZero();
    }

    @Test
    void cryptoAddressesOfEachNetworkAreAcceptedAndMasked() {
        UUID affiliate = UUID.randomUUID();
        programme.register(affiliate);
        String[][] addresses = {
                { "BITCOIN", "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", "bc1qar…5mdq" },
                { "ETHEREUM", "0x52908400098527886E0F7030069857D2E4169EE7", "0x5290…9EE7" },
                { "TRON", "TN3W4H6rK2ce4vX9YnFQHwKENnHjoxb3m9", "TN3W4H…b3m9" },
                { "SOLANA", "7EcDhSYGxXyscszYEp35KHN8vvw3svAuLKTzXwCFLtV", "7EcDhS…FLtV" } };
        for (String[] address : addresses) {
            programme.setPayoutMethod(affiliate, "{\"type\":\"CRYPTO\",\"network\":\"" + address[0]
                    + "\",\"address\":\"" + address[1] + "\"}").then().statusCode(oneOf(200, 201))
                    .body("type", equalTo("CRYPTO")).body("network", equalTo(address[0]))
                    .body("address", equalTo(address[2]));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "IBAN check digits wrong | {\"type\":\"BANK_TRANSFER\",\"iban\":\"DE89370400440532013001\",\"holder_name\":\"A\"} | iban",
            "IBAN too short for Germany | {\"type\":\"BANK_TRANSFER\",\"iban\":\"DE8937040044053201300\",\"holder_name\":\"A\"} | iban",
            "IBAN of no country | {\"type\":\"BANK_TRANSFER\",\"iban\":\"XX89370400440532013000\",\"holder_name\":\"A\"} | iban",
            "IBAN missing | {\"type\":\"BANK_TRANSFER\",\"holder_name\":\"A\"} | iban",
            "BIC of 9 characters | {\"type\":\"BANK_TRANSFER\",\"iban\":\"DE89370400440532013000\",\"bic\":\"COBADEFFX\",\"holder_name\":\"A\"} | bic",
            "holder blank | {\"type\":\"BANK_TRANSFER\",\"iban\":\"DE89370400440532013000\",\"holder_name\":\"  \"} | holder_name",
            "email without domain | {\"type\":\"PAYPAL\",\"email\":\"ada@localhost\"} | email",
            "email not an address | {\"type\":\"PAYPAL\",\"email\":\"ada\"} | email",
            "IBAN on a PayPal method | {\"type\":\"PAYPAL\",\"email\":\"ada@example.com\",\"iban\":\"DE89370400440532013000\"} | iban",
            "unknown network | {\"type\":\"CRYPTO\",\"network\":\"DOGECOIN\",\"address\":\"D5x\"} | network",
            "bitcoin address on ethereum | {\"type\":\"CRYPTO\",\"network\":\"ETHEREUM\",\"address\":\"bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq\"} | address",
            "no type | {\"iban\":\"DE89370400440532013000\",\"holder_name\":\"A\"} | type",
            "unknown type | {\"type\":\"CHEQUE\",\"payee\":\"A\"} | type" })
    void badPayoutMethodsAreValidationProblems(String what, String body, String field) {
        UUID affiliate = UUID.randomUUID();
        programme.register(affiliate);

        programme.setPayoutMethod(affiliate, body).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/validation"))
                .body("errors.field", contains(field));
        assertThat(programme.count("select count(*) from payout_methods where user_id = $1", affiliate)).isZero();
    }

    @Test
    void onlyAnAffiliateHasAPayoutMethodAndOnlyTheirOwn() {
        UUID outsider = UUID.randomUUID();
        programme.setPayoutMethod(outsider, BANK).then().statusCode(404)
                .body("type", equalTo("/problems/not-an-affiliate"));
        given().when().get("/api/v1/affiliates/payout-method").then().statusCode(401);
        given().contentType(ContentType.JSON).body(BANK).when().put("/api/v1/affiliates/payout-method")
                .then().statusCode(401);

        UUID owner = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        programme.register(owner);
        programme.register(other);
        programme.setPayoutMethod(owner, BANK).then().statusCode(201);
        given().auth().oauth2(TestTokens.user(other)).when().get("/api/v1/affiliates/payout-method")
                .then().statusCode(404);
    }

    @Test
    void aPayoutNeedsAPayoutMethod() {
        UUID affiliate = UUID.randomUUID();
        programme.register(affiliate);

        programme.requestPayout(affiliate, "60.00", null).then().statusCode(422)
                .body("type", equalTo("/problems/no-payout-method"))
                .body("title", equalTo("No payout method"));
    }

    @Test
    void aPayoutFromBeforePayoutMethodsFailsAndItsFundsReturn() {
        UUID affiliate = programme.availableCommission("50").referrer();
        String payoutId = programme.requestPayout(affiliate, "60.00", null).then().statusCode(201)
                .extract().path("payout_id");
        programme.query("update commission_payouts set payout_method_kind = null, payout_method_masked = null, "
                + "payout_method_key_id = null, payout_method_nonce = null, payout_method_ciphertext = null "
                + "where id = $1 returning id", UUID.fromString(payoutId));

        programme.processPayouts();

        given().auth().oauth2(TestTokens.user(affiliate)).when().get("/api/v1/affiliates/payouts/" + payoutId)
                .then().statusCode(200).body("status", equalTo("FAILED")).body("payout_method", nullValue())
                .body("failure_reason", equalTo("no payout method: set one (PUT /api/v1/affiliates/payout-method) "
                        + "and request the payout again"));
        programme.balances(affiliate).then().body("available", equalTo("100.00000000"));
        programme.assertBalancesConsistent(affiliate);
    }

    @Test
    void aPayoutWhoseMethodCannotBeDecryptedWaitsProcessingUntilTheKeyIsBack() {
        UUID affiliate = programme.availableCommission("50").referrer();
        String payoutId = programme.requestPayout(affiliate, "60.00", null).then().statusCode(201)
                .extract().path("payout_id");
        String keyId = programme.query("select payout_method_key_id from commission_payouts where id = $1",
                UUID.fromString(payoutId)).getString(0);
        programme.query("update commission_payouts set payout_method_key_id = 'retired-key' where id = $1 returning id",
                UUID.fromString(payoutId));

        programme.processPayouts();

        given().auth().oauth2(TestTokens.user(affiliate)).when().get("/api/v1/affiliates/payouts/" + payoutId)
                .then().statusCode(200).body("status", equalTo("PROCESSING"));
        programme.balances(affiliate).then().body("reserved", equalTo("60.00000000"));
        // An earlier attempt may have reached the provider: no administrator can give up on it.
        given().auth().oauth2(TestTokens.admin(UUID.randomUUID())).contentType(ContentType.JSON)
                .body("{\"reason\":\"payout method unreadable\"}")
                .when().post("/api/v1/affiliates/admin/payouts/" + payoutId + "/fail")
                .then().statusCode(409).body("type", equalTo("/problems/payout-status-conflict"));

        // The operator's way out: configure the key again; once stale, the job sends it and the provider decides.
        programme.query("update commission_payouts set payout_method_key_id = $2, "
                + "processing_started_at = processing_started_at - interval '1 day' where id = $1 returning id",
                UUID.fromString(payoutId), keyId);
        programme.processPayouts();

        given().auth().oauth2(TestTokens.user(affiliate)).when().get("/api/v1/affiliates/payouts/" + payoutId)
                .then().statusCode(200).body("status", equalTo("COMPLETED"));
        programme.balances(affiliate).then().body("paid", equalTo("60.00000000"))
                .body("reserved", equalTo("0.00000000"));
        programme.assertBalancesConsistent(affiliate);
    }
}
