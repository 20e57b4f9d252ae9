package org.starkit.site;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Headless Debian Chromium driven by its chromedriver, shared by the browser tests: one per test
 * class. Besides the driver it can switch the colour scheme and the viewport (through the DevTools
 * commands chromedriver forwards itself, so no selenium-devtools jar is needed), run axe-core, and
 * list every address the browser asked for (chromedriver's performance log).
 *
 * <p>{@link #startOrSkip} skips the calling test class when /usr/bin/chromium or
 * /usr/bin/chromedriver is missing, except on CI ({@code CI=true}), where it must run;
 * {@code .ci/run} installs both.
 */
public final class Browser implements AutoCloseable {
  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Logger SELENIUM_LOG = Logger.getLogger("org.openqa.selenium");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ChromeDriver driver;
  private String axe;

  private Browser(ChromeDriver driver) {
    this.driver = driver;
  }

  /** Starts Chromium with a fresh profile under {@code tmp}, or skips the test class. */
  public static Browser startOrSkip(Path tmp) throws IOException {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    assumeTrue(installed || "true".equals(System.getenv("CI")),
        "needs /usr/bin/chromium and /usr/bin/chromedriver (apt-get install chromium chromium-driver)");
    SELENIUM_LOG.setLevel(Level.SEVERE); // "Unable to find CDP implementation" is expected without devtools jars
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-quic", "--window-size=1280,900",
        "--user-data-dir=" + Files.createDirectories(tmp.resolve("chromium-profile")));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.PERFORMANCE, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().withSilent(true).build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    return new Browser(driver);
  }

  public ChromeDriver driver() {
    return driver;
  }

  public Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  /** Opens {@code url} and waits until it has loaded. */
  public void open(String url) {
    driver.get(url);
  }

  /** Makes {@code prefers-color-scheme} match {@code dark} or {@code light} for the pages that follow. */
  public void colorScheme(String scheme) {
    driver.executeCdpCommand("Emulation.setEmulatedMedia",
        Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
  }

  /** Emulates print media (and the light scheme) for the pages that follow, or screen again with null. */
  public void media(String media) {
    driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", media == null ? "" : media));
  }

  /** Sets the viewport to {@code width} CSS pixels, as a phone of that width shows the page. */
  public void viewport(int width, int height) {
    driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", true));
  }

  public void desktopViewport() {
    driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
  }

  /**
   * Runs axe-core on the open page with the WCAG 2.1 A and AA rules and returns its violations, each as
   * {@code rule-id: help (target, target…)}.
   */
  @SuppressWarnings("unchecked")
  public List<String> axeViolations() throws IOException {
    if (axe == null) {
      try (InputStream in = Browser.class.getResourceAsStream("/axe.min.js")) {
        if (in == null) {
          throw new IllegalStateException("axe.min.js is not on the test classpath (com.deque.html.axe-core:selenium)");
        }
        axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
    script(axe);
    Object result = driver.executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
                           resultTypes: ['violations']})
          .then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' ('
              + v.nodes.map(n => n.target.join(' ') + (n.failureSummary ? ' [' + n.failureSummary.replace(/\\s+/g, ' ') + ']' : '')).join(', ') + ')')))
          .catch(e => done(['axe failed: ' + e]));
        """);
    return new ArrayList<>((List<String>) result);
  }

  /** Every URL the browser requested since the last call (including ones that failed or were blocked). */
  public List<String> requestedUrls() {
    List<String> urls = new ArrayList<>();
    for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
      try {
        JsonNode message = JSON.readTree(entry.getMessage()).path("message");
        if (message.path("method").asText().equals("Network.requestWillBeSent")) {
          urls.add(message.path("params").path("request").path("url").asText());
        }
      } catch (IOException e) {
        throw new IllegalStateException("unreadable performance log entry: " + entry.getMessage(), e);
      }
    }
    return urls;
  }

  @Override
  public void close() {
    driver.quit();
  }
}
