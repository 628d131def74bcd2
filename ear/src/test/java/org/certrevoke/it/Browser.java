package org.certrevoke.it;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through chromedriver, with the few gestures the pages need.
 * Screenshots land in target/screenshots for a human to look at; every page state it opens, clicks to or
 * chooses into is checked by axe-core ({@link Accessibility}).
 */
public final class Browser implements AutoCloseable {

    private final WebDriver driver;
    private final WebDriverWait wait;

    public Browser() {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--disable-sync", "--window-size=1280,1000", "--lang=fr-FR",
                "--user-data-dir=" + temporaryProfile());
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    private static String temporaryProfile() {
        try {
            return Files.createTempDirectory("chromium-profile").toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Browser open(String path) {
        driver.get(Server.url(path));
        return checked("open");
    }

    /** Waits for the element; when it never shows, leaves a screenshot of what was shown instead. */
    public WebElement find(String cssSelector) {
        try {
            return wait.until(driver -> {
                try {
                    return ExpectedConditions.visibilityOfElementLocated(By.cssSelector(cssSelector)).apply(driver);
                } catch (WebDriverException e) {
                    if (replacedWhileRead(e)) {
                        return null;
                    }
                    throw e;
                }
            });
        } catch (TimeoutException e) {
            capture("missing-" + cssSelector.replaceAll("[^A-Za-z0-9]+", "_"));
            throw e;
        }
    }

    public boolean present(String cssSelector) {
        return !driver.findElements(By.cssSelector(cssSelector)).isEmpty();
    }

    public Browser type(String cssSelector, String text) {
        WebElement field = find(cssSelector);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /** Clicks and waits until the element it clicked has been replaced or the page has changed. */
    public Browser click(String cssSelector) {
        WebElement element = find(cssSelector);
        element.click();
        wait.until(driver -> {
            try {
                return ExpectedConditions.stalenessOf(element).apply(driver);
            } catch (WebDriverException e) {
                if (replacedWhileRead(e)) {
                    return true;
                }
                throw e;
            }
        });
        return checked("click");
    }

    /** Runs axe-core on the page state shown (once per state and run, see {@link Accessibility}). */
    public Browser checked(String name) {
        Accessibility.check(driver, name);
        return this;
    }

    /** Chromium's answer when the page is replaced while an element is being read (a navigation in progress). */
    private static boolean replacedWhileRead(WebDriverException e) {
        return e.getMessage() != null && e.getMessage().contains("does not belong to the document");
    }

    /** Picks an option of a select menu by its label, and waits for whatever the page does on the change. */
    public Browser choose(String menuId, String label) {
        new Select(find("[id='" + menuId + "']")).selectByVisibleText(label);
        settle();
        return checked("choose");
    }

    /** Waits until the page is loaded, its Ajax requests answered and its animations over. */
    public Browser settle() {
        wait.until(driver -> Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(Accessibility.QUIET)));
        return this;
    }

    public String selectedLabel(String menuId) {
        return new Select(driver.findElement(By.cssSelector("[id='" + menuId + "']"))).getFirstSelectedOption().getText();
    }

    public String text(String cssSelector) {
        return find(cssSelector).getText();
    }

    public String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public Browser waitForText(String cssSelector, String expected) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(cssSelector), expected));
        return this;
    }

    /** Keeps a screenshot of the page state, which is also checked by axe-core. */
    public Browser screenshot(String name) {
        capture(name);
        return checked(name);
    }

    private void capture(String name) {
        try {
            Path folder = Path.of(System.getProperty("it.screenshots", "target/screenshots"));
            Files.createDirectories(folder);
            Files.write(folder.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
