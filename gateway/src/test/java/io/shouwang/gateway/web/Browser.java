package io.shouwang.gateway.web;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium through its ChromeDriver, with the network log on so tests can see
 * every response the page received. Flags keep it from calling home or touching a shared profile.
 */
final class Browser implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Duration WAIT = Duration.ofSeconds(20);
  // Selenium warns that it has no DevTools bindings for this Chromium; the tests only use
  // ChromeDriver's own CDP endpoint, which needs none. Held here so the setting is not collected.
  private static final List<Logger> QUIET = List.of(
      Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder"),
      Logger.getLogger("org.openqa.selenium.chromium.ChromiumDriver"));

  static {
    QUIET.forEach(l -> l.setLevel(Level.SEVERE));
  }

  final ChromeDriver driver;
  private final String base;
  private final Path profile;
  private final List<JsonObject> network = new ArrayList<>();

  private Browser(String base, Path profile, ChromeOptions options) {
    this.base = base;
    this.profile = profile;
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .build();
    this.driver = new ChromeDriver(service, options);
  }

  /** A wall-screen-sized window. */
  static Browser desktop(String base, Path tempRoot) throws IOException {
    Path profile = Files.createTempDirectory(tempRoot, "chromium-");
    ChromeOptions options = options(profile);
    options.addArguments("--window-size=1600,1000");
    return new Browser(base, profile, options);
  }

  /** A phone: 390 CSS pixels wide, touch, as Chrome's device emulation gives it. */
  static Browser phone(String base, Path tempRoot) throws IOException {
    Path profile = Files.createTempDirectory(tempRoot, "chromium-");
    ChromeOptions options = options(profile);
    options.setExperimentalOption("mobileEmulation", Map.of(
        "deviceMetrics", Map.of("width", 390, "height", 844, "pixelRatio", 2.0, "touch", true)));
    return new Browser(base, profile, options);
  }

  private static ChromeOptions options(Path profile) {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      throw new IllegalStateException("browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
          + ": apt-get install chromium chromium-driver");
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu",
        "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
        "--user-data-dir=" + profile);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.PERFORMANCE, Level.ALL);
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    return options;
  }

  void open(String path) {
    driver.get(base + path);
  }

  WebDriverWait waiting() {
    WebDriverWait wait = new WebDriverWait(driver, WAIT);
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  /** Logs in through the form and waits until the server's redirect lands on the role's page. */
  void login(String username, String password, String expectedPage) {
    open("/login.html");
    type(By.id("username"), username);
    type(By.id("password"), password);
    click(By.id("login-submit"));
    waiting().until(ExpectedConditions.urlContains(expectedPage));
    waiting().until(d -> "live".equals(attribute(By.id("conn"), "data-state")));
  }

  WebElement await(By by) {
    return waiting().until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  /** Clicks once the element is there and clickable; pages redraw lists, so retry stale ones. */
  void click(By by) {
    WebDriverWait wait = waiting();
    wait.ignoring(ElementClickInterceptedException.class);
    wait.until(d -> {
      WebElement el = d.findElement(by);
      if (!el.isDisplayed() || !el.isEnabled()) {
        return false;
      }
      el.click();
      return true;
    });
  }

  void type(By by, String text) {
    WebElement el = await(by);
    el.clear();
    el.sendKeys(text);
  }

  String attribute(By by, String name) {
    List<WebElement> found = driver.findElements(by);
    return found.isEmpty() ? null : found.get(0).getDomAttribute(name);
  }

  String text(By by) {
    return await(by).getText();
  }

  String pageText() {
    return driver.findElement(By.tagName("body")).getText();
  }

  String pageSource() {
    return (String) ((JavascriptExecutor) driver)
        .executeScript("return document.documentElement.outerHTML");
  }

  /** Errors the pages wrote to the browser console (script errors, failed loads). */
  List<String> consoleErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .toList();
  }

  void screenshot(String name) throws IOException {
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
  }

  /** Network events of the DevTools log since the page opened (kept across calls). */
  List<JsonObject> networkEvents() {
    for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
      JsonObject message = new JsonObject(entry.getMessage()).getJsonObject("message");
      if (message.getString("method", "").startsWith("Network.")) {
        network.add(message);
      }
    }
    return network;
  }

  /**
   * The body of every /api/ response the page received, read back from DevTools; a body Chrome no
   * longer holds is fetched again with the page's own session. Server-sent events come as they
   * arrived.
   */
  List<String> apiTraffic() {
    List<String> bodies = new ArrayList<>();
    for (JsonObject event : networkEvents()) {
      JsonObject params = event.getJsonObject("params");
      switch (event.getString("method")) {
        case "Network.responseReceived" -> {
          String url = params.getJsonObject("response").getString("url");
          if (url.startsWith(base + "/api/") && !url.contains("/api/v1/stream")) {
            bodies.add(url + "\n" + body(params.getString("requestId"), url));
          }
        }
        case "Network.eventSourceMessageReceived" ->
            bodies.add("event " + params.getString("eventName") + "\n" + params.getString("data"));
        default -> { }
      }
    }
    return bodies;
  }

  private String body(String requestId, String url) {
    try {
      Map<String, Object> result =
          driver.executeCdpCommand("Network.getResponseBody", Map.of("requestId", requestId));
      return String.valueOf(result.get("body"));
    } catch (RuntimeException e) {
      return fetch(url);
    }
  }

  /** GETs a URL from inside the page, with its cookies, and returns the response text. */
  String fetch(String url) {
    return (String) ((JavascriptExecutor) driver).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "fetch(arguments[0], {credentials: 'same-origin'})"
            + ".then(r => r.text()).then(done, e => done('fetch failed: ' + e));", url);
  }

  @Override
  public void close() throws IOException {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
