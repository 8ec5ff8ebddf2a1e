package com.verdict;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driving the app like a person: signs in through the login page, presses keys
 * on the page, waits for Vaadin's round trips and takes screenshots into {@code target/screenshots} (one is
 * taken by itself when a test fails). Register it with {@code @RegisterExtension} and {@link #open} it
 * once the port is known.
 */
public class Browser implements AfterTestExecutionCallback, AfterEachCallback {

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** True when no Flow client has a request in flight or queued: Vaadin has finished reacting. */
    private static final String VAADIN_IDLE = """
            const clients = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;
            return !!clients && Object.values(clients).every(c => !c.isActive || !c.isActive());""";

    private ChromeDriver driver;
    private WebDriverWait wait;
    private Path profile;
    private String baseUrl;

    /** Starts Chromium for the app on {@code localhost:port}. */
    public Browser open(int port) {
        try {
            profile = Files.createTempDirectory("verdict-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1400,1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1400, 1000));
        wait = new WebDriverWait(driver, TIMEOUT);
        baseUrl = "http://localhost:" + port;
        return this;
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens a path of the app, e.g. {@code /leaderboard}, and waits until Vaadin has rendered it. */
    public void go(String path) {
        driver.get(baseUrl + path);
        waitForVaadin();
    }

    /** Signs in through the Vaadin login form, as a person would, and waits for the first view. */
    public void logIn(String username, String password) {
        go("/login");
        loginField("vaadinLoginUsername").sendKeys(username);
        loginField("vaadinLoginPassword").sendKeys(password, Keys.ENTER);
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
        waitForVaadin();
    }

    private WebElement loginField(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#" + id + " input")));
    }

    /**
     * Presses keys on the page itself, not in a field (whatever has the focus loses it first), and waits
     * for Vaadin after each.
     */
    public void press(CharSequence... keys) {
        for (CharSequence key : keys) {
            ((JavascriptExecutor) driver).executeScript("document.activeElement && document.activeElement.blur()");
            driver.findElement(By.tagName("body")).sendKeys(key);
            waitForVaadin();
        }
    }

    /** Presses a key on whatever has the focus, as a person using Tab would, and waits for Vaadin. */
    public void pressOnFocused(CharSequence key) {
        new Actions(driver).sendKeys(key).perform();
        waitForVaadin();
    }

    public void waitForVaadin() {
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(VAADIN_IDLE)));
    }

    /** Waits until an element matching {@code css} shows exactly {@code text}. */
    public WebElement waitForText(String css, String text) {
        wait.until(ExpectedConditions.textToBe(By.cssSelector(css), text));
        return driver.findElement(By.cssSelector(css));
    }

    public WebElement find(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    public Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Saves what the page shows now as {@code target/screenshots/<name>.png}. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (driver != null && context.getExecutionException().isPresent()) {
            screenshot(context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName()
                    + "-failed");
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
            profile = null;
        }
    }
}
