package dev.drover.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * A real headless Chromium driven through Debian's chromedriver. Without them the browser tests are
 * skipped, except under {@code ./drover test} ({@code DROVER_TEST_BROWSER=1}), which installs both and
 * fails instead.
 *
 * <p>Chromium makes a Unix socket in its profile and temporary folders, and a socket's path has at most
 * {@value #SOCKET_PATH_MAX} bytes: both folders are one short private folder under {@code /tmp} (or
 * {@code DROVER_TEST_SCRATCH}, which {@code ./drover test} sets), never under the checkout, whose path may be
 * long. {@link #quit} removes it.
 */
final class TestBrowser {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** sun_path of a Unix socket address is 108 bytes, with its terminating NUL. */
    static final int SOCKET_PATH_MAX = 107;
    /** The longest path Chromium puts under its folders: {@code org.chromium.Chromium.XXXXXX/SingletonSocket}. */
    private static final int CHROMIUM_SOCKET_SUFFIX = "/org.chromium.Chromium.XXXXXX/SingletonSocket".length();

    private static Path scratch;

    private TestBrowser() {
    }

    static ChromeDriver start() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String why = "no " + CHROMIUM + " or " + CHROMEDRIVER + ": ./drover test installs chromium and chromium-driver";
            if ("1".equals(System.getenv("DROVER_TEST_BROWSER"))) {
                throw new IllegalStateException(why);
            }
            Assumptions.abort(why);
        }
        scratch = scratchFolder();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-extensions", "--lang=en-US", "--window-size=1280,900",
                "--no-first-run", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + scratch.resolve("profile"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .withEnvironment(Map.of("TMPDIR", scratch.toString()))
                .withLogFile(Path.of("target", "chromedriver.log").toFile()).build();
        return new ChromeDriver(service, options);
    }

    /** Quits the browser and removes its private folder. */
    static void quit(ChromeDriver driver) {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            if (scratch != null) {
                deleteTree(scratch);
                scratch = null;
            }
        }
    }

    /** A new private folder short enough for Chromium's sockets, or a failure that says what to change. */
    static Path scratchFolder() {
        Path parent = Path.of(System.getenv().getOrDefault("DROVER_TEST_SCRATCH", "/tmp"));
        try {
            Path folder = Files.createTempDirectory(Files.createDirectories(parent), "chromium-");
            int longest = folder.toString().getBytes(StandardCharsets.UTF_8).length + CHROMIUM_SOCKET_SUFFIX;
            if (longest > SOCKET_PATH_MAX) {
                deleteTree(folder);
                throw new IllegalStateException("Chromium's sockets under " + folder + " would have paths of "
                        + longest + " bytes, over the " + SOCKET_PATH_MAX + " a Unix socket allows: set DROVER_TEST_SCRATCH"
                        + " to a shorter folder");
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a private folder for Chromium under " + parent, e);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a folder left under /tmp is harmless
        }
    }

    /** The console's errors since the last call (reading empties it). */
    static List<String> consoleErrors(ChromeDriver driver) {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::toString).toList();
    }

    /** A screenshot of the whole page at {@code width} px, under target/screenshots/NAME-WIDTH.png. */
    static Path screenshot(ChromeDriver driver, String name, int width) throws IOException {
        driver.manage().window().setSize(new Dimension(width, 900));
        long height = (Long) ((JavascriptExecutor) driver).executeScript(
                "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)");
        driver.manage().window().setSize(new Dimension(width, (int) Math.min(Math.max(height, 600), 6000)));
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name + "-" + width + ".png");
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        return file;
    }
}
