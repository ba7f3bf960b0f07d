package io.glomers.bench.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.glomers.bench.run.BenchResult;
import io.glomers.bench.history.Op;
import io.glomers.bench.view.SimulatedRuns;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web view as a person sees it: Debian's Chromium, headless, driven through Debian's chromedriver
 * (both paths given, so Selenium never looks for or downloads a driver of its own). Opens the run
 * list, follows a run, and waits for its pictures to be loaded. Screenshots of each page go to
 * {@code target/screenshots}. CI installs Chromium ({@code .ci/run}); elsewhere the test is skipped,
 * with the reason, when Chromium is missing.
 */
class ServeInBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    static Path store;

    @TempDir
    static Path profile;

    static BenchResult run;
    static StoreServer server;
    static WebDriver browser;

    @BeforeAll
    static void aRunServedAndABrowser() throws IOException {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && System.getenv("CI") == null) {
            Assumptions.abort("Chromium is not installed (apt-get install -y chromium chromium-driver; .ci/run does it)");
        }
        assertThat(installed).as("CI must have Debian's chromium and chromium-driver (.ci/run installs them)").isTrue();
        run = SimulatedRuns.write(store, 21, "3c", "--time-limit", "4", "--nemesis-interval", "1", "--recovery-wait", "3");
        server = StoreServer.start(store, 0);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // As root, in a closed network: no sandbox, and none of Chromium's own connections home.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1366,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theRunListLeadsToARunWhosePicturesAllLoad() throws IOException {
        browser.get(server.uri().toString());
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        List<WebElement> rows = wait.until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector("#runs tr.run"));
            return found.isEmpty() ? null : found;
        });
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getText()).contains("3c").contains("VALID");
        screenshot("serve-runs.png");

        rows.get(0).findElement(By.cssSelector("a.run-link")).click();
        wait.until(d -> d.getCurrentUrl().contains("/runs/"));
        List<WebElement> pictures = wait.until(d -> {
            List<WebElement> images = d.findElements(By.cssSelector("img.picture"));
            return images.size() == 3 && images.stream().allMatch(ServeInBrowserTest::loaded) ? images : null;
        });
        for (WebElement picture : pictures) {
            assertThat(naturalSize(picture)).as(picture.getAttribute("src")).isEqualTo(List.of(900L, 400L));
        }
        // The framed diagram and timeline are documents of their own: look inside them.
        scrollTo(browser.findElement(By.id("frame-messages")));
        long arrows = countInFrame("frame-messages", "g.msg", wait);
        long receipts = Files.readAllLines(run.dir().resolve("messages.log")).stream().filter(l -> l.contains(" recv #")).count();
        assertThat(arrows).isEqualTo(receipts);
        long bars = countInFrame("frame-timeline", "div.op", wait);
        assertThat(bars).isEqualTo(run.history().stream().filter(op -> !op.isClient()
                || op.type() == Op.Type.INVOKE).count());
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
        screenshot("serve-run.png");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theTimelineKeepsItsProcessNamesAtTheTopAndItsTimesAtTheLeftWhenScrolledToTheFarCorner() throws IOException {
        browser.manage().window().setSize(new Dimension(700, 500));
        try {
            String path = store.relativize(run.dir()).toString().replace('\\', '/');
            browser.get(server.uri().resolve("/files/" + path + "/timeline.html").toString());
            List<Number> seen = (List<Number>) ((JavascriptExecutor) browser).executeScript(
                    "var page = document.documentElement; window.scrollTo(page.scrollWidth, page.scrollHeight);"
                    + " return [window.scrollX, window.scrollY, document.querySelector('.heads').getBoundingClientRect().top,"
                    + " document.querySelector('.times').getBoundingClientRect().left];");
            assertThat(seen.get(0).doubleValue()).as("scrolled across").isPositive();
            assertThat(seen.get(1).doubleValue()).as("scrolled down").isPositive();
            assertThat(seen.get(2).doubleValue()).as("process names at the top of the window").isZero();
            assertThat(seen.get(3).doubleValue()).as("times at the left of the window").isZero();
            screenshot("timeline-far-corner.png");
        } finally {
            browser.manage().window().setSize(new Dimension(1366, 900));
        }
    }

    private static boolean loaded(WebElement image) {
        return Boolean.TRUE.equals(((JavascriptExecutor) browser).executeScript(
                "return arguments[0].complete && arguments[0].naturalWidth > 0", image));
    }

    @SuppressWarnings("unchecked")
    private static List<Long> naturalSize(WebElement image) {
        return (List<Long>) ((JavascriptExecutor) browser).executeScript(
                "return [arguments[0].naturalWidth, arguments[0].naturalHeight]", image);
    }

    private static void scrollTo(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", element);
    }

    /** Elements matching {@code selector} inside the framed document, once it has loaded. */
    private static long countInFrame(String frame, String selector, WebDriverWait wait) {
        scrollTo(browser.findElement(By.id(frame)));
        return wait.until(d -> {
            Object n = ((JavascriptExecutor) d).executeScript("var f = document.getElementById(arguments[0]);"
                    + " var doc = f && f.contentDocument; if (!doc || doc.readyState !== 'complete') return null;"
                    + " var n = doc.querySelectorAll(arguments[1]).length; return n > 0 ? n : null;", frame, selector);
            return n == null ? null : ((Number) n).longValue();
        });
    }

    private static void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
