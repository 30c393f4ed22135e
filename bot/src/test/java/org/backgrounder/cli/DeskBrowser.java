package org.backgrounder.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless chromium driven through its chromedriver, with a fresh profile and nothing
 * that reaches out on its own (no sync, component updates or background networking).
 */
final class DeskBrowser {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  private DeskBrowser() {}

  /** Why the browser tests cannot run here, or null when they can. */
  static String missing() {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
      return "the desk's browser tests need Debian's chromium and chromium-driver ("
          + CHROMIUM + ", " + DRIVER + "): apt-get install -y chromium chromium-driver;"
          + " the plain HTTP tests (DeskHttpTest) still cover sign-in and escaping";
    }
    return null;
  }

  static ChromeDriver start(Path profile) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + profile.toAbsolutePath());
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(new Dimension(1280, 900));
    return driver;
  }

  /** Saves what the browser shows, as tall as the page up to 1,150 pixels (a few hundred KB). */
  static void screenshot(ChromeDriver driver, Path file) throws IOException {
    Object height = driver.executeScript("return document.documentElement.scrollHeight");
    int h = Math.min(1150, Math.max(600, ((Number) height).intValue()));
    driver.manage().window().setSize(new Dimension(1280, h));
    Files.createDirectories(file.getParent());
    Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    driver.manage().window().setSize(new Dimension(1280, 900));
  }
}
