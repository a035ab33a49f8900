package cn.finance.disclosure.system;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One person's headless Chromium on the staff console (Debian chromium and chromedriver, paths given explicitly so
 * Selenium never tries to download a driver). Each step can save a screenshot under target/console-screenshots.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target/console-screenshots");
    private static final AtomicInteger SHOT = new AtomicInteger();

    final WebDriver driver;
    final String console;

    private ConsoleBrowser(String console) {
        assertThat(new File("/usr/bin/chromium")).as("Debian chromium (apt-get install chromium)").exists();
        assertThat(new File("/usr/bin/chromedriver")).as("Debian chromium-driver").exists();
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1600",
                "--lang=zh-CN", "--force-device-scale-factor=1");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        this.driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        this.console = console;
    }

    /** A fresh browser (no cookies) in which {@code username} has signed in through Keycloak's login page. */
    static ConsoleBrowser signedIn(String console, String username, String password) {
        ConsoleBrowser browser = new ConsoleBrowser(console);
        browser.open("/");
        browser.keycloakLogin(username, password);
        assertThat(browser.text(By.id("who"))).contains(username);
        return browser;
    }

    static ConsoleBrowser anonymous(String console) {
        return new ConsoleBrowser(console);
    }

    /** On Keycloak's own login page: type the credentials and sign in. */
    void keycloakLogin(String username, String password) {
        assertThat(onKeycloakLogin()).as("Keycloak's login page, at %s", driver.getCurrentUrl()).isTrue();
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("kc-login")).click();
        waitFor(d -> d.getCurrentUrl().startsWith(console));
    }

    boolean onKeycloakLogin() {
        return driver.getCurrentUrl().contains("/realms/finance/protocol/openid-connect/auth")
                && !driver.findElements(By.id("kc-login")).isEmpty();
    }

    void open(String path) {
        driver.get(console + path);
    }

    String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(console) ? url.substring(console.length()) : url;
    }

    String text(By by) {
        return driver.findElement(by).getText();
    }

    String title() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    /** The page's heading once it reads {@code expected} (after a form post the old page may still be in place). */
    String titleOnceItIs(String expected) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        String seen = null;
        while (System.nanoTime() < deadline) {
            try {
                seen = title();
                if (expected.equals(seen)) {
                    return seen;
                }
            } catch (org.openqa.selenium.StaleElementReferenceException
                     | org.openqa.selenium.NoSuchElementException navigating) {
                // the next page is replacing this one
            } catch (org.openqa.selenium.WebDriverException e) {
                if (!replacing(e)) {
                    throw e;
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return seen;
    }

    void type(String name, String value) {
        WebElement field = driver.findElement(By.name(name));
        if ("select".equals(field.getTagName())) {
            new Select(field).selectByValue(value);
        } else {
            field.clear();
            field.sendKeys(value);
        }
    }

    void typeId(String id, String value) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    void click(String id) {
        WebElement page = driver.findElement(By.tagName("html"));
        driver.findElement(By.id(id)).click();
        // a click that posts a form replaces the page: wait for that, so nothing is read off the old one (a click
        // that stays on the page, e.g. one handled by a script, just lets the short wait run out)
        try {
            new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(2)).until(d -> replaced(page));
        } catch (org.openqa.selenium.TimeoutException staysOnThePage) {
            // nothing to wait for
        }
    }

    /**
     * Whether {@code element}'s document has been replaced. Chrome answers a question about a node of a document it
     * is replacing either with a stale-element error or, while the new one comes in, with an inspector error ("Node
     * with given id does not belong to the document"): both mean the page is gone.
     */
    static boolean replaced(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException gone) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (replacing(e)) {
                return true;
            }
            throw e;
        }
    }

    /** Chrome's inspector error for a node of a document it is replacing. */
    static boolean replacing(org.openqa.selenium.WebDriverException e) {
        return e.getMessage() != null && e.getMessage().contains("does not belong to the document");
    }

    List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    /** Every cookie of every site in this browser (the console's and Keycloak's), as when both sessions have ended. */
    void clearAllCookies() {
        ((ChromeDriver) driver).executeCdpCommand("Network.clearBrowserCookies", java.util.Map.of());
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    void waitFor(java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(condition::apply);
    }

    /** Saves what the person sees now as target/console-screenshots/NN-name.png. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Path target = SCREENSHOTS.resolve(String.format("%02d-%s.png", SHOT.incrementAndGet(), name));
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
