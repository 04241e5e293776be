package com.tradesignals.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradesignals.deviceclient.DeviceClient;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The web console (docs/web-console.md) in a real browser, through the gateway, as traders, affiliates and operators
 * use it: every page it shows is the public API's answer. Takes the screenshots the README links (where:
 * {@link ConsoleBrowser}).
 */
class WebConsoleTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static ConsoleBrowser browser;

    private final SystemUnderTest system = SystemUnderTest.shared();

    @TempDir
    static Path profile;
    @TempDir
    Path deviceStorage;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = new ConsoleBrowser(SystemUnderTest.shared().gateway, profile);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void desktopWidth() {
        browser.resize(ConsoleBrowser.DESKTOP);
    }

    @AfterEach
    void keepThePagesConsole(TestInfo test) {
        browser.saveConsoleLog(test.getDisplayName());
    }

    @Test
    void aRegisteredDevicesSecretIsShownOnceAndNeverStored() throws Exception {
        User trader = User.signUp(system);
        browser.signIn(trader);
        browser.waitFor(By.cssSelector("#device-list .empty"));
        // A trader sees the trader's and affiliate's pages, not the operator's.
        assertThat(browser.findAll(By.cssSelector("#nav a")).stream().map(WebElement::getText))
                .contains("Devices", "Executions", "Programme", "Payouts").doesNotContain("Fill review");

        browser.type(By.id("device-name"), "MT5 office PC");
        browser.click(By.cssSelector("#register-form button[type=submit]"));
        String secret = browser.waitFor(By.id("device-secret")).getText();
        String kid = browser.find(By.id("device-kid")).getText();
        assertThat(secret).matches("[A-Za-z0-9_+/=-]{32,}");
        browser.screenshot("device-secret");

        // The secret is the device's: the reference client signs a poll with it.
        String deviceId = kid.substring(0, kid.indexOf('.'));
        Path credentials = deviceStorage.resolve("terminal.json");
        Files.writeString(credentials, JSON.writeValueAsString(Map.of("device_id", deviceId, "kid", kid,
                "secret", secret)));
        assertThat(new DeviceClient(URI.create(system.gateway), credentials).poll("0", "0", "10").statusCode())
                .isEqualTo(200);

        // Dismissed, it is gone from the page; nothing of it (nor the token) is in the browser's storage.
        browser.click(By.cssSelector(".secret-dialog button[value=done]"));
        browser.waitFor(By.cssSelector("tr[data-device-id='" + deviceId + "'] .device-name"));
        assertThat(browser.findAll(By.id("device-secret"))).isEmpty();
        assertThat(browser.pageSource()).doesNotContain(secret);
        browser.assertNothingStored();
        assertThat(browser.find(By.cssSelector("tr[data-device-id='" + deviceId + "']")).getText())
                .contains("MT5 office PC", "Offline");
        browser.screenshot("devices");

        // A reload signs out (the token lived in the page only); signed in again, the device is listed, its secret
        // is not.
        browser.reload();
        browser.waitFor(By.id("token"));
        assertThat(browser.pageSource()).doesNotContain(secret);
        browser.screenshot("sign-in");
        browser.signIn(trader);
        browser.go("#/devices", "Devices");
        // Its poll a moment ago shows: online.
        assertThat(browser.waitFor(By.cssSelector("tr[data-device-id='" + deviceId + "']")).getText())
                .contains("MT5 office PC", "Online");
        assertThat(browser.pageSource()).doesNotContain(secret);
        browser.assertNothingStored();

        // The operator's pages are refused to a trader with the reason, not left blank.
        browser.go("#/operator/fills", "Not allowed");
        assertThat(browser.awaitAlert()[1]).contains("admin");
    }

    @Test
    void joiningTheProgrammeShowsTheReferralLinkAndItsQrCode() {
        User affiliate = User.signUp(system);
        browser.signIn(affiliate);
        browser.go("#/affiliate", "Affiliate programme");
        browser.screenshot("affiliate-join");
        browser.click(By.id("join"));

        String link = browser.waitFor(By.id("referral-link")).getText();
        String expected = affiliate.api().get("/api/v1/affiliates/link").then().statusCode(200).extract().path("link");
        assertThat(link).isEqualTo(expected).contains("ref=");
        WebElement qr = browser.find(By.cssSelector("svg.qr"));
        assertThat(Integer.parseInt(qr.getDomAttribute("data-modules"))).isGreaterThanOrEqualTo(21);
        assertThat(browser.find(By.id("tier")).getText()).contains("Bronze", "0 of 5 activated referrals for Silver");
        assertThat(browser.find(By.id("balance-available")).getText()).contains("0.00");
        browser.screenshot("affiliate-joined");

        // At phone width the page still fits: the menu folds behind a button and the QR code scales.
        browser.resize(ConsoleBrowser.PHONE);
        browser.waitFor(By.id("menu-toggle"));
        assertThat(browser.find(By.id("nav")).isDisplayed()).isFalse();
        assertThat(browser.horizontalOverflow()).as("page wider than 390 px").isLessThanOrEqualTo(0L);
        browser.screenshot("affiliate-phone");
        browser.click(By.id("menu-toggle"));
        assertThat(browser.find(By.id("nav")).isDisplayed()).isTrue();
        browser.screenshot("menu-phone");
    }

    @Test
    void aReferredTradersFillShowsUpAsACommissionOnTheAffiliatesPages() throws Exception {
        ReferredTrader chain = ReferredTrader.signUp(system, deviceStorage);
        assertThat(outcome(chain.fill("WC-1"))).isEqualTo("FILL_APPLIED");

        // The trader sees the execution, its signal and the delivery to the terminal.
        browser.signIn(chain.trader);
        browser.go("#/executions", "Executions");
        WebElement signalLink = browser.waitFor(By.cssSelector("a[href='#/signals/" + chain.signalId + "']"));
        assertThat(browser.find(By.cssSelector("main table")).getText()).contains("EURUSD", "PARTIALLY_FILLED");
        browser.click(By.id("executions-csv"));
        browser.awaitNotice("Downloaded executions.csv");
        browser.screenshot("executions");
        signalLink.click();
        browser.waitFor(By.cssSelector("#signal-summary dl"));
        assertThat(browser.find(By.id("signal-summary")).getText()).contains("BUY 100.00 EURUSD");
        browser.waitFor(By.cssSelector("#signal-deliveries table"));
        browser.screenshot("signal");
        browser.find(By.cssSelector("#signal-deliveries a")).click();
        browser.waitFor(By.cssSelector("#device-summary dl"));
        assertThat(browser.find(By.cssSelector("main table")).getText()).contains("EURUSD");
        browser.screenshot("device-timeline");

        // The referrer sees the 0.20 commission in the statement, the balances and the chart.
        browser.signIn(chain.referrer);
        browser.go("#/statement", "Statement");
        browser.awaitAfterRefresh("the commission is in the statement", () -> browser.click(By.id("statement-refresh")),
                () -> browser.findAll(By.cssSelector("tr[data-entry-type=COMMISSION]")).stream()
                        .anyMatch(row -> row.getText().contains("0.20 USD") && row.getText().contains("WC-1")));
        browser.click(By.id("statement-csv"));
        browser.awaitNotice("Downloaded commission-statement.csv");
        browser.screenshot("statement");
        browser.go("#/affiliate", "Affiliate programme");
        assertThat(browser.waitFor(By.id("balance-earned")).getText()).contains("0.20");
        assertThat(browser.findAll(By.cssSelector("#earnings-chart rect.bar.earned"))).hasSize(1);
        assertThat(browser.find(By.cssSelector("main")).getText()).contains(chain.trader.id().toString(), "ACTIVATED");
        browser.screenshot("affiliate");
    }

    @Test
    void anAffiliateRequestsAPayoutAndSeesItComplete() throws Exception {
        ReferredTrader chain = ReferredTrader.signUp(system, deviceStorage);
        for (int fill = 1; fill <= 5; fill++) {
            assertThat(outcome(chain.fill("PO-" + fill))).isEqualTo("FILL_APPLIED");
        }
        // Five fills earn the referrer 5 × 0.20 = 1.00, the smallest payout this system allows.
        await("the commissions are available").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(new BigDecimal(ReferredTrader.balances(chain.referrer).getString("available")))
                        .isEqualByComparingTo("1.00"));

        browser.signIn(chain.referrer);
        browser.go("#/payouts", "Payouts");
        browser.type(By.id("method-iban"), "GB82 WEST 1234 5698 7654 32");
        browser.type(By.id("method-holder_name"), "Web Console");
        browser.click(By.cssSelector("#method-form button[type=submit]"));
        browser.awaitNotice("Payout method saved");
        assertThat(browser.waitFor(By.id("payout-method")).getText()).contains("GB****5432");
        browser.type(By.id("payout-amount"), "1.00");
        browser.click(By.cssSelector("#payout-form button[type=submit]"));
        browser.awaitNotice("Payout of 1.00 USD requested");
        // The page looks again while the payout is on its way; the payout job completes it.
        WebElement completed = browser.waitFor(By.cssSelector("tr[data-status=COMPLETED]"));
        assertThat(completed.getText()).contains("1.00 USD", "GB****5432");
        String payoutId = completed.getDomAttribute("data-payout-id");
        chain.referrer.api().get("/api/v1/affiliates/payouts/" + payoutId).then().statusCode(200)
                .body("status", equalTo("COMPLETED"));
        browser.screenshot("payouts");
    }

    @Test
    void anOperatorApprovesAFlaggedFill() throws Exception {
        ReferredTrader chain = ReferredTrader.signUp(system, deviceStorage);
        String tradeId = "OOB-" + UUID.randomUUID().toString().substring(0, 8);
        // 1.10600 is 2.1 % from the signal's 1.08345 (FX allows 2 %): kept for review, earning nothing yet.
        assertThat(outcome(chain.fill(tradeId, "1.10600"))).isEqualTo("PRICE_OUT_OF_BAND");

        User operator = User.admin(system);
        browser.signIn(operator);
        assertThat(browser.findAll(By.cssSelector("#nav a")).stream().map(WebElement::getText))
                .contains("Fill review", "Affiliate ledger");
        browser.go("#/operator/fills", "Fill review");
        By row = By.cssSelector("tr[data-trade-id='" + tradeId + "']");
        assertThat(browser.waitFor(row).getText()).contains("FLAGGED", "price-out-of-band");
        browser.screenshot("operator-fills");
        browser.find(row).findElement(By.cssSelector("button.approve")).click();
        browser.type(By.cssSelector("dialog textarea[name=reason]"), "The broker's statement shows 1.10600");
        browser.screenshot("operator-approve");
        browser.click(By.cssSelector("dialog button[value=confirm]"));
        browser.awaitNotice("Fill " + tradeId + " approved: now APPLIED");
        assertThat(browser.findAll(row)).isEmpty();

        // Approved once, it earns the referrer the commission of one 0.10-lot fill.
        await("the approved fill earns its commission").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(new BigDecimal(ReferredTrader.balances(chain.referrer).getString("earned")))
                        .isEqualByComparingTo(ReferredTrader.REFERRER_PER_FILL));
        browser.go("#/operator/ledger/" + chain.referrer.id(), "Affiliate ledger");
        browser.waitFor(By.cssSelector("tr[data-entry-type=COMMISSION]"));
        assertThat(browser.find(By.id("ledger-standing")).getText()).contains("In good standing");
        browser.screenshot("operator-ledger");
    }

    @Test
    void anApiErrorIsShownAsItsProblemsTitleAndDetail() {
        User trader = User.signUp(system);
        JsonPath problem = trader.api().body(Map.of("user_code", "CCCC-CCCC", "name", "nothing"))
                .post("/api/v1/devices/pair").then().statusCode(400).extract().jsonPath();

        browser.signIn(trader);
        browser.type(By.id("pairing-code"), "BBBB-BBBB");
        browser.type(By.id("pairing-name"), "Terminal in the shop");
        browser.click(By.cssSelector("#pair-form button[type=submit]"));
        String[] shown = browser.awaitAlert();
        assertThat(shown[0]).isEqualTo(problem.getString("title"));
        assertThat(shown[1]).isEqualTo(problem.getString("detail"));
        browser.screenshot("error");

        // A page the console does not have is said so too.
        browser.go("#/no-such-page", "Not found");
        assertThat(browser.awaitAlert()[1]).contains("/no-such-page");
    }

    private static String outcome(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JsonPath.from(answer.body()).getString("outcome");
    }
}
