package dev.vecdb.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vecdb.sample.chain.Chain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The page at {@code /} in a real browser: headless system Chromium driven by Selenium WebDriver through the system
 * chromedriver: the chart's axes, units and grouped digits, a refresh when a block arrives, and a 400 px wide window
 * (whose screenshot it leaves in {@code target/page-400px.png}). Skipped, saying why on standard error and in the
 * report, when {@code /usr/bin/chromium} or {@code /usr/bin/chromedriver} is absent.
 */
@TestPropertySource(properties = {
    "sample.feed.initial-blocks=5000", "sample.feed.interval=0s",
    "logging.level.org.openqa.selenium.devtools=error"})
class PageBrowserTest extends RunningSample {
  @TempDir
  Path profile;

  private WebDriver browser;

  @Autowired
  Chain chain;

  @BeforeAll
  static void requireChromium() {
    String missing = HeadlessChromium.missing();
    if (!missing.isEmpty()) {
      System.err.println("PageBrowserTest skipped: " + missing);
    }
    assumeTrue(missing.isEmpty(), "PageBrowserTest skipped: " + missing);
  }

  @BeforeEach
  void openBrowser() {
    browser = HeadlessChromium.open(profile);
  }

  @AfterEach
  void closeBrowser() {
    browser.quit();
  }

  @Test
  void chartsTheSeriesAndItsMovingAverageAndListsTheVectors() throws Exception {
    long tip = chain.latest().height();
    browser.manage().window().setSize(new Dimension(1000, 1000));
    browser.get("http://localhost:" + port + "/");
    awaitTip(tip); // the page's refresh has drawn the chart and, in parallel, listed the vectors
    WebElement chart = awaitChart();
    assertThat(chart.getDomAttribute("data-points")).isEqualTo("500");
    assertThat(pointCount("series-line")).isEqualTo(500);
    assertThat(pointCount("sma-line")).isEqualTo(500);
    assertThat(browser.findElement(By.id("chart-caption")).getText()).startsWith("price: heights " + grouped(tip - 499) + " to " + grouped(tip))
        .contains("SMA stored series price-sma, computed by vecdb (500 values)").containsPattern("min \\$[0-9,]+\\.\\d\\d");
    assertThat(browser.findElement(By.id("latest")).getText()).startsWith("Latest block " + grouped(tip) + " at 20")
        .containsPattern(" UTC: price \\$[0-9]{2},[0-9]{3}\\.[0-9]{2}, [0-9],[0-9]{3} transactions");
    assertAxes("US$", "\\$[0-9]{2},[0-9]{3}");
    assertThat(browser.findElement(By.id("replication")).isDisplayed()).as("no replication line alone").isFalse();
    Files.write(Path.of("target", "page.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

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
    assertThat(browser.findElement(By.id("chart-caption")).getText()).startsWith("fees: heights " + grouped(tip - 199) + " to " + grouped(tip))
        .contains("SMA over 20 blocks, computed in the page (181 values)");
    assertAxes("sat", "[0-9]{1,3}(,[0-9]{3})*");
  }

  @Test
  void theWholePageRefreshesWhenABlockArrives() {
    browser.get("http://localhost:" + port + "/");
    awaitChart();
    long tip = chain.latest().height();
    awaitTip(tip);
    chain.produce();
    awaitTip(tip + 1);
    assertThat(browser.findElement(By.id("latest")).getText()).startsWith("Latest block " + grouped(tip + 1));
    assertThat(browser.findElement(By.id("chart")).getDomAttribute("data-to")).isEqualTo(String.valueOf(tip + 2));
    assertThat(browser.findElement(By.id("chart-caption")).getText()).contains("to " + grouped(tip + 1) + " (");
    assertThat(browser.findElements(By.cssSelector("#vectors tbody tr")).get(1)
        .findElements(By.cssSelector("td")).get(3).getText()).isEqualTo(grouped(tip + 2));
  }

  @Test
  void isUsableFourHundredPixelsWide() throws Exception {
    browser.manage().window().setSize(new Dimension(400, 900));
    browser.get("http://localhost:" + port + "/");
    awaitTip(chain.latest().height()); // the whole page, vectors table included, before measuring its width
    awaitChart();
    JavascriptExecutor page = (JavascriptExecutor) browser;
    long viewport = (Long) page.executeScript("return document.documentElement.clientWidth;");
    assertThat((Long) page.executeScript("return document.documentElement.scrollWidth;"))
        .as("the page scrolls sideways").isLessThanOrEqualTo(viewport);
    assertThat(browser.findElement(By.id("chart")).getSize().getWidth()).isLessThanOrEqualTo((int) viewport);
    assertAxes("US$", "\\$[0-9]{2},[0-9]{3}");
    Files.write(Path.of("target", "page-400px.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }

  /** The chart has labelled axes: y ticks in the unit, x ticks as grouped block heights within the range shown. */
  private void assertAxes(String yLabel, String yTickPattern) {
    WebElement chart = browser.findElement(By.id("chart"));
    long toHeight = Long.parseLong(chart.getDomAttribute("data-to")) - 1;
    long fromHeight = toHeight - Long.parseLong(chart.getDomAttribute("data-points")) + 1;
    List<String> yTicks = texts("#y-axis text.tick");
    assertThat(yTicks).hasSizeGreaterThanOrEqualTo(3).allMatch(tick -> tick.matches(yTickPattern), yTickPattern);
    assertThat(texts("#y-axis text.label")).containsExactly(yLabel);
    List<String> xTicks = texts("#x-axis text.tick");
    assertThat(xTicks).hasSizeGreaterThanOrEqualTo(2).allSatisfy(tick -> {
      assertThat(tick).matches("[0-9]{1,3}(,[0-9]{3})*");
      assertThat(Long.parseLong(tick.replace(",", ""))).isBetween(fromHeight, toHeight);
    });
    assertThat(texts("#x-axis text.label")).containsExactly("block height");
  }

  private List<String> texts(String css) {
    return browser.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
  }

  private void awaitTip(long height) {
    new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver ->
        String.valueOf(height).equals(driver.findElement(By.tagName("body")).getDomAttribute("data-tip")));
  }

  private static String grouped(long value) {
    return String.format(Locale.ROOT, "%,d", value);
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
