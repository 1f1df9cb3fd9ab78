package dev.vecdb.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.TestPropertySource;

/**
 * The page at {@code /} in a real browser: headless system Chromium driven by Selenium WebDriver through the system
 * chromedriver. Skipped when {@code /usr/bin/chromium} or {@code /usr/bin/chromedriver} is absent.
 */
@TestPropertySource(properties = {
    "sample.feed.initial-blocks=5000", "sample.feed.interval=0s",
    "logging.level.org.openqa.selenium.devtools=error"})
class PageBrowserTest extends RunningSample {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  @TempDir
  Path profile;

  private WebDriver browser;

  @BeforeAll
  static void requireChromium() {
    assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "skipped: the browser test needs " + CHROMIUM + " and " + CHROMEDRIVER
            + " (Debian packages chromium and chromium-driver; .ci/run installs them)");
  }

  @BeforeEach
  void openBrowser() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
  }

  @AfterEach
  void closeBrowser() {
    browser.quit();
  }

  @Test
  void chartsTheSeriesAndItsMovingAverageAndListsTheVectors() {
    browser.get("http://localhost:" + port + "/");
    WebElement chart = awaitChart();
    assertThat(chart.getDomAttribute("data-points")).isEqualTo("500");
    assertThat(pointCount("series-line")).isEqualTo(500);
    assertThat(pointCount("sma-line")).isEqualTo(500);
    assertThat(browser.findElement(By.id("chart-caption")).getText()).startsWith("price: heights 4500 to 4999")
        .contains("SMA stored series price-sma, computed by vecdb (500 values)");
    assertThat(browser.findElement(By.id("latest")).getText()).startsWith("Latest block 4999");

    List<WebElement> rows = browser.findElements(By.cssSelector("#vectors tbody tr"));
    assertThat(rows).extracting(row -> row.findElement(By.cssSelector("td")).getText())
        .containsExactly("timestamp", "price", "tx-count", "fees", "hash", "price-sma", "price-ema",
            "tx-count-cumulative", "fees-rolling");
    assertThat(rows.get(1).findElements(By.cssSelector("td")).get(2).getText()).isEqualTo("pco");
    assertThat(Double.parseDouble(rows.get(1).findElements(By.cssSelector("td")).get(7).getText()))
        .isGreaterThan(1.5);
    assertThat(new Select(browser.findElement(By.id("series"))).getOptions()).extracting(WebElement::getText)
        .containsExactly("timestamp", "price", "tx-count", "fees", "price-sma", "price-ema", "tx-count-cumulative",
            "fees-rolling", "fee-per-tx");

    assertThat(browser.findElement(By.id("window")).isEnabled()).isFalse();
    new Select(browser.findElement(By.id("series"))).selectByValue("fees");
    awaitChart();
    assertThat(pointCount("series-line")).isEqualTo(500);
    assertThat(pointCount("sma-line")).isEqualTo(500 - 50 + 1);
    setValue("points", "200");
    setValue("window", "20");
    browser.findElement(By.cssSelector("#controls button")).click();
    chart = awaitChart();
    assertThat(pointCount("series-line")).isEqualTo(200);
    assertThat(pointCount("sma-line")).isEqualTo(200 - 20 + 1);
    assertThat(chart.getDomAttribute("data-sma-points")).isEqualTo("181");
    assertThat(browser.findElement(By.id("chart-caption")).getText()).startsWith("fees: heights 4800 to 4999")
        .contains("SMA over 20 blocks, computed in the page (181 values)");
  }

  private WebElement awaitChart() {
    new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver ->
        "true".equals(driver.findElement(By.id("chart")).getDomAttribute("data-rendered")));
    return browser.findElement(By.id("chart"));
  }

  private int pointCount(String polyline) {
    String points = browser.findElement(By.id(polyline)).getDomAttribute("points");
    return points.isBlank() ? 0 : points.trim().split("\\s+").length;
  }

  private void setValue(String input, String value) {
    WebElement field = browser.findElement(By.id(input));
    field.clear();
    field.sendKeys(value);
  }
}
