package com.tradesignals.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradesignals.testsupport.ProjectRoot;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web console in Debian's headless Chromium, driven through Debian's chromedriver (both set explicitly, so
 * Selenium Manager never runs and nothing is downloaded), with a fresh profile. Pages are reached through the
 * gateway as a user reaches them. Screenshots go to end-to-end-tests/target/screenshots/, or where the system property
 * {@code console.screenshots} says (relative to the project): {@code -Dconsole.screenshots=docs/screenshots} refreshes
 * the README's, so that an ordinary test run leaves the working tree as it was.
 */
final class ConsoleBrowser implements AutoCloseable {

    /** Debian's packages (chromium, chromium-driver). */
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    static final Dimension DESKTOP = new Dimension(1280, 1200);
    static final Dimension PHONE = new Dimension(390, 844);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Path SCREENSHOTS = ProjectRoot.path()
            .resolve(System.getProperty("console.screenshots", "end-to-end-tests/target/screenshots"));
    private static final Path LOGS = ProjectRoot.path().resolve("end-to-end-tests/target/e2e-logs");

    private final ChromeDriver driver;
    private final String gateway;
    private final WebDriverWait wait;

    ConsoleBrowser(String gateway, Path profile) throws IOException {
        this.gateway = gateway;
        Files.createDirectories(LOGS);
        for (String executable : new String[] { CHROMIUM, CHROMEDRIVER }) {
            if (!Files.isExecutable(Path.of(executable))) {
                throw new IllegalStateException(executable
                        + " not found: apt-get install chromium chromium-driver (.ci/run does)");
            }
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .withLogFile(LOGS.resolve("chromedriver.log").toFile())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        // The page's console messages, kept for the logs (saveConsoleLog).
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile.toAbsolutePath(),
                "--window-size=" + DESKTOP.width + "," + DESKTOP.height, "--lang=en-GB");
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, WAIT);
    }

    /** Opens the console afresh (a page load: any earlier sign-in is gone) and signs in by pasting the token. */
    void signIn(User user) {
        driver.get(gateway + "/?load=" + System.nanoTime() + "#/sign-in");
        WebElement token = waitFor(By.id("token"));
        token.sendKeys(user.token());
        driver.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.textToBe(By.id("session-user"), user.id().toString()));
    }

    /** Goes to a console page (#/devices, ...) within the page, as its links do, and waits for its heading. */
    void go(String route, String heading) {
        driver.executeScript("location.hash = arguments[0]", route);
        wait.until(ExpectedConditions.textToBe(By.cssSelector("main h1"), heading));
    }

    void reload() {
        driver.navigate().refresh();
    }

    WebElement waitFor(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    WebElement find(By by) {
        return driver.findElement(by);
    }

    List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    void click(By by) {
        wait.until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    void type(By by, String text) {
        WebElement field = waitFor(by);
        field.clear();
        field.sendKeys(text);
    }

    /** Waits until the status region says something containing {@code text}. */
    void awaitNotice(String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), text));
    }

    /** Waits until {@code condition} holds, doing {@code refresh} (e.g. clicking a Refresh button) before each look. */
    void awaitAfterRefresh(String what, Runnable refresh, java.util.function.BooleanSupplier condition) {
        // A refresh redraws the list: an element read while it is replaced is stale, and read again next time.
        new WebDriverWait(driver, WAIT, Duration.ofMillis(500)).withMessage(what)
                .ignoring(StaleElementReferenceException.class).until(d -> {
            refresh.run();
            return condition.getAsBoolean();
        });
    }

    /** The alert's title and detail, once it is shown. */
    String[] awaitAlert() {
        waitFor(By.id("alert"));
        return new String[] { find(By.id("alert-title")).getText(), find(By.id("alert-detail")).getText() };
    }

    boolean alertShown() {
        return find(By.id("alert")).isDisplayed();
    }

    String pageSource() {
        return driver.getPageSource();
    }

    /**
     * The viewport a desktop or a phone shows (emulated, exactly that size: desktop Chrome keeps a window wider than a
     * phone, and its frame takes some of the window's height).
     */
    void resize(Dimension size) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.<String, Object>of("width", size.width,
                "height", size.height, "deviceScaleFactor", 1, "mobile", size.equals(PHONE)));
    }

    /** How much wider than the window the page is (0: it fits). */
    long horizontalOverflow() {
        return (Long) driver.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
    }

    /** What the page keeps in the browser's storage: local and session storage, cookies, IndexedDB databases. */
    Map<String, Object> browserStorage() {
        JavascriptExecutor js = driver;
        @SuppressWarnings("unchecked")
        Map<String, Object> storage = (Map<String, Object>) js.executeScript(
                "return {local: localStorage.length, session: sessionStorage.length, cookies: document.cookie}");
        Object databases = js.executeAsyncScript(
                "const done = arguments[arguments.length - 1]; indexedDB.databases().then(d => done(d.length));");
        return Map.of("local", storage.get("local"), "session", storage.get("session"),
                "cookies", storage.get("cookies"), "indexedDb", databases);
    }

    void assertNothingStored() {
        assertThat(browserStorage()).containsEntry("local", 0L).containsEntry("session", 0L)
                .containsEntry("cookies", "").containsEntry("indexedDb", 0L);
    }

    /** Appends what the page wrote to its console (errors included) to e2e-logs/browser-console.log. */
    void saveConsoleLog(String test) {
        StringBuilder lines = new StringBuilder("== " + test + "\n");
        driver.manage().logs().get(LogType.BROWSER).forEach(entry -> lines.append(entry).append('\n'));
        try {
            Files.createDirectories(LOGS);
            Files.writeString(LOGS.resolve("browser-console.log"), lines, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the browser's console log", e);
        }
    }

    /** Writes {name}.png: what the window shows now. */
    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the screenshot " + name, e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
