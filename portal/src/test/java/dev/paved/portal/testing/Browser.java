package dev.paved.portal.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven by Selenium for the journeys, with what the journeys do on Vaadin's
 * pages: click by id, answer a confirmation, read a grid, walk a golden path's wizard, take screenshots
 * (into {@code target/screenshots}, where the README's come from).
 */
public final class Browser implements AutoCloseable {
  public static final Path SCREENSHOTS = Path.of("target/screenshots");
  private final ChromeDriver driver;

  private Browser(ChromeDriver driver) {
    this.driver = driver;
  }

  public static Browser start() {
    try {
      Files.createDirectories(SCREENSHOTS);
      ChromeOptions options = new ChromeOptions();
      options.setBinary("/usr/bin/chromium");
      options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
          "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--disable-dev-shm-usage", "--user-data-dir=" + Files.createTempDirectory("paved-chromium-"));
      ChromeDriverService service = new ChromeDriverService.Builder()
          .usingDriverExecutable(new java.io.File("/usr/bin/chromedriver")).build();
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().window().setSize(new Dimension(1400, 900));
      return new Browser(driver);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public ChromeDriver driver() {
    return driver;
  }

  public WebDriverWait waiting() {
    return new WebDriverWait(driver, Duration.ofSeconds(60));
  }

  /** Clicks a button wherever it is on the page, scrolling it into view first. */
  public void click(String id) {
    WebElement button = driver.findElement(By.id(id));
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
    button.click();
  }

  /** Answers Yes in the confirmation dialog that is open. */
  public void confirm() {
    waiting().until(d -> !d.findElements(By.cssSelector("vaadin-confirm-dialog [slot='confirm-button']")).isEmpty());
    ((JavascriptExecutor) driver).executeScript(
        "document.querySelector(\"vaadin-confirm-dialog [slot='confirm-button']\").click()");
  }

  /** The texts of a grid's rendered cells. */
  public List<String> cellsOf(String gridId) {
    return driver.findElements(By.cssSelector("#" + gridId + " vaadin-grid-cell-content")).stream()
        .map(WebElement::getText).filter(t -> !t.isBlank()).toList();
  }

  /** Next on the golden path's wizard, once the page has answered. */
  public void next() {
    String before = driver.findElement(By.id("template-progress")).getText();
    click("template-next");
    waiting().until(d -> !d.findElement(By.id("template-progress")).getText().equals(before));
  }

  /** Next until the review page, where Preview and Create are. */
  public void toReview() {
    while (!driver.findElement(By.id("template-progress")).getText().contains("Review]")) {
      next();
    }
  }

  public void screenshot(String name) {
    try {
      Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
