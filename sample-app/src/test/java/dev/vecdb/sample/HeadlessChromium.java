package dev.vecdb.sample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless system Chromium driven by Selenium WebDriver through the system chromedriver, for the page tests: the
 * Debian packages chromium and chromium-driver ({@code .ci/run} installs them).
 */
final class HeadlessChromium {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private HeadlessChromium() {}

  /** Why the browser cannot run here, or empty when it can. */
  static String missing() {
    List<Path> missing = Stream.of(CHROMIUM, CHROMEDRIVER).filter(path -> !Files.isExecutable(path)).toList();
    return missing.isEmpty() ? "" : missing + " not installed; the browser test needs " + CHROMIUM + " and "
        + CHROMEDRIVER + " (Debian packages chromium and chromium-driver; .ci/run installs them)";
  }

  /** A new browser with its profile in {@code profile}; quit it after use. */
  static WebDriver open(Path profile) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    return new ChromeDriver(service, options);
  }
}
