package cn.finance.disclosure.system;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

/**
 * Headless Chromium driven by Selenium, the driver path given explicitly (Selenium Manager cannot download here), with
 * screenshots under {@code target/portal-screenshots}.
 */
final class PortalBrowser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target/portal-screenshots");

    private final WebDriver driver;

    PortalBrowser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--lang=zh-CN",
                "--window-size=1280,1600", "--hide-scrollbars");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("chromedriver", "/usr/bin/chromedriver")))
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    void open(String url) {
        driver.get(url);
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    List<WebElement> all(String testId) {
        return driver.findElements(By.cssSelector("[data-test='" + testId + "']"));
    }

    List<WebElement> css(String selector) {
        return driver.findElements(By.cssSelector(selector));
    }

    String title() {
        return driver.getTitle();
    }

    void click(String linkText) {
        driver.findElement(By.partialLinkText(linkText)).click();
    }

    String currentUrl() {
        return driver.getCurrentUrl();
    }

    /** Reloads {@code url} until {@code done} holds for the page (the portal polls the platform every few seconds). */
    void awaitPage(String url, java.util.function.Predicate<PortalBrowser> done, Duration timeout, String what) {
        StackScenarios.await(timeout, () -> {
            open(url);
            return this;
        }, done, what + " at " + url);
    }

    /** A screenshot of the whole page (the window grown to the page's height, within reason). */
    Path screenshot(String name) {
        Object height = ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollHeight");
        int h = Math.min(6000, Math.max(900, ((Number) height).intValue()));
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, h));
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), target,
                    StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1600));
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
