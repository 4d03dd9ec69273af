package com.flowstate.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * A real headless Chromium for the browser tests. Uses Debian's chromium and chromedriver when installed (CI);
 * elsewhere Selenium Manager finds or fetches a browser. With {@code CI=true} and no browser the tests fail: they are
 * never skipped silently.
 */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final WebDriver driver;
    private final String baseUrl;

    public Browser(int port) {
        this.baseUrl = "http://localhost:" + port;
        ChromeOptions options = new ChromeOptions().addArguments("--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1500,950", "--lang=it-IT");
        LoggingPreferences console = new LoggingPreferences();
        console.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", console);
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            options.setBinary(CHROMIUM.toString());
            this.driver = new ChromeDriver(new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).build(), options);
        } else if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true but no /usr/bin/chromium and /usr/bin/chromedriver: "
                    + "install them (apt-get install -y chromium chromium-driver) — browser tests are not skipped");
        } else {
            this.driver = new ChromeDriver(options);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String path) {
        driver.get(baseUrl + path);
    }

    public void login(String username, String password) {
        open("/login");
        type(By.cssSelector("input[name=username]"), username);
        type(By.cssSelector("input[name=password]"), password);
        waitFor(By.cssSelector("vaadin-button[slot=submit], vaadin-login-form vaadin-button")).click();
        waitFor(By.id("user-menu"));
    }

    public WebElement waitFor(By locator) {
        return new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    public <T> T waitUntil(java.util.function.Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(20)).until(condition::apply);
    }

    public void type(By locator, String text) {
        WebElement field = waitFor(locator);
        field.clear();
        field.sendKeys(text);
    }

    /** Makes the UI speak this language (e.g. "it"), whatever language the browser asks for. */
    public void speak(String languageCode) {
        open("/login");
        driver.manage().addCookie(new Cookie("flowstate-language", languageCode));
    }

    /** Opens the action history the way a user does: user menu → Account information → Action history. */
    public void openActionHistory() {
        waitFor(By.id("user-menu-button")).click();
        WebElement account = waitFor(By.id("account-information"));
        new Actions(driver).moveToElement(account).click().perform();
        waitFor(By.id("menu-action-history")).click();
        waitFor(By.id("action-history-tabs"));
    }

    /** Opens the action history, then its tab with this id, and waits for that tab's grid. */
    public void openActionHistoryTab(String tabId, String gridId) {
        openActionHistory();
        waitFor(By.id(tabId)).click();
        waitFor(By.id(gridId));
    }

    /** The ids of the action history's tabs, in their order. */
    @SuppressWarnings("unchecked")
    public List<String> tabIds() {
        return (List<String>) ((JavascriptExecutor) driver).executeScript("""
                return [...document.querySelectorAll('#action-history-tabs vaadin-tab')].map(tab => tab.id);
                """);
    }

    /** Picks the item with this label in the select (or combo) box with this id. */
    public void choose(String selectId, String label) {
        choose(By.id(selectId), label);
    }

    /** Picks the item with this label in the select (or combo) box this locator finds. */
    public void choose(By select, String label) {
        WebElement box = waitFor(select);
        // A filter in a grid's header may sit under the columns frozen at the right edge: bring it to the middle.
        ((JavascriptExecutor) driver).executeScript(
                "arguments[0].scrollIntoView({block: 'nearest', inline: 'center'});", box);
        box.click();
        waitUntil(d -> d.findElements(By.cssSelector("vaadin-select-item, vaadin-combo-box-item")).stream()
                .filter(item -> item.isDisplayed() && item.getText().strip().equals(label))
                .findFirst().orElse(null)).click();
    }

    /** Waits until the grid shows more than {@code rows} non-empty cells. */
    public void waitForCells(String gridId, int cells) {
        waitUntil(d -> gridCells(gridId).size() > cells);
    }

    /**
     * Texts of a grid's body cells that are rendered now, empty ones left out (Vaadin keeps cell contents in the
     * light DOM, slotted into the grid's rows).
     */
    @SuppressWarnings("unchecked")
    public List<String> gridCells(String gridId) {
        return (List<String>) ((JavascriptExecutor) driver).executeScript("""
                const grid = document.getElementById(arguments[0]);
                if (!grid) return [];
                return [...grid.querySelectorAll('vaadin-grid-cell-content')]
                    .filter(c => c.assignedSlot && c.assignedSlot.parentElement
                        && c.assignedSlot.parentElement.parentElement
                        && c.assignedSlot.parentElement.parentElement.parentElement
                        && c.assignedSlot.parentElement.parentElement.parentElement.id === 'items'
                        && !c.assignedSlot.parentElement.parentElement.hidden)
                    .map(c => c.textContent.trim())
                    .filter(t => t.length > 0);
                """, gridId);
    }

    /** What the page wrote to the browser console since the last call (Chromium also reports CSP violations there). */
    public List<String> consoleMessages() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(entry -> entry.getLevel() + " " + entry.getMessage()).toList();
    }

    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
