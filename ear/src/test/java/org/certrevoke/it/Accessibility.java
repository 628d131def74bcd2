package org.certrevoke.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * axe-core (the pinned copy in the test resources) run on each page state a browser test reaches, at the
 * browser's own width and at a phone's (390 × 844). A state is the page's path, language, the ids of the
 * elements shown and whether an error is shown: each one is checked once per run. Every violation, whatever
 * its impact, fails the test; each state's report and a screenshot are written to {@code target/axe}, with a
 * line in {@code target/axe/summary.txt}. {@code -Dit.axe=report} only writes the reports, {@code -Dit.axe=off} skips
 * the checks.
 */
public final class Accessibility {

    public static final Dimension PHONE = new Dimension(390, 844);

    private static final String MODE = System.getProperty("it.axe", "fail");
    private static final Path REPORTS = Path.of(System.getProperty("it.axe.reports", "target/axe"));
    private static final Set<String> CHECKED = ConcurrentHashMap.newKeySet();
    private static final AtomicInteger STATES = new AtomicInteger();
    private static volatile String axe;

    static {
        try {
            Files.createDirectories(REPORTS);
            Files.writeString(REPORTS.resolve("summary.txt"), "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final String QUIET = "return document.readyState === 'complete'"
            + " && (!window.jQuery || jQuery.active === 0)"
            + " && (!window.PrimeFaces || !PrimeFaces.ajax || PrimeFaces.ajax.Queue.isEmpty())"
            + " && (!window.jQuery || jQuery(':animated').length === 0);";

    private static final String STATE = "const shown = Array.from(document.querySelectorAll('body [id]'))"
            + "  .filter(function (e) { return e.getClientRects().length > 0; })"
            + "  .map(function (e) { return e.tagName + '#' + e.id.replace(/[0-9]+/g, '#'); });"
            + "const error = document.querySelector('.ui-state-error, .ui-message-error, .message-error') !== null;"
            + "return location.pathname + '|' + document.documentElement.lang + '|' + error + '|'"
            + "  + Array.from(new Set(shown)).sort().join(',');";

    private static final String RUN = "const done = arguments[arguments.length - 1];"
            + "axe.run(document, { resultTypes: ['violations'] }).then(function (r) {"
            + "  const violations = r.violations.map(function (v) {"
            + "    return { id: v.id, impact: v.impact, help: v.help, tags: v.tags,"
            + "      nodes: v.nodes.map(function (n) { return { target: n.target, html: n.html, summary: n.failureSummary }; }) };"
            + "  });"
            + "  done({ json: JSON.stringify({ url: location.href, lang: document.documentElement.lang,"
            + "      width: window.innerWidth, violations: violations }, null, 1),"
            + "    lines: violations.map(function (v) {"
            + "      return v.impact + ' ' + v.id + ' (' + v.help + '): ' + v.nodes.map(function (n) { return n.target.join(' '); }).join(', ');"
            + "    }) });"
            + "}).catch(function (e) { done({ json: '{}', lines: ['error ' + e] }); });";

    private Accessibility() {
    }

    /** Checks the page state shown, at its width and at a phone's, unless this run already checked it. */
    public static void check(WebDriver driver, String name) {
        if ("off".equals(MODE)) {
            return;
        }
        Dimension size = driver.manage().window().getSize();
        checkAtWidth(driver, name, size.getWidth());
        if (size.getWidth() != PHONE.getWidth()) {
            driver.manage().window().setSize(PHONE);
            try {
                checkAtWidth(driver, name, PHONE.getWidth());
            } finally {
                driver.manage().window().setSize(size);
            }
        }
    }

    private static void checkAtWidth(WebDriver driver, String name, int width) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> Boolean.TRUE.equals(js.executeScript(QUIET)));
        String state = js.executeScript(STATE) + "|" + width;
        if (!CHECKED.add(state)) {
            return;
        }
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe !== 'undefined';"))) {
            js.executeScript(axeSource());
        }
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) js.executeAsyncScript(RUN);
        @SuppressWarnings("unchecked")
        List<String> violations = (List<String>) result.get("lines");
        String path = String.valueOf(js.executeScript("return location.pathname + '-' + document.documentElement.lang;"));
        String file = String.format("%03d-%s-%d-%s", STATES.incrementAndGet(),
                path.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_", ""), width,
                name.replaceAll("[^A-Za-z0-9]+", "_"));
        write(file + ".json", (String) result.get("json"));
        try {
            Files.write(REPORTS.resolve(file + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder line = new StringBuilder(file).append(": ").append(violations.size()).append(" violations");
        for (String violation : violations) {
            line.append("\n    ").append(violation);
        }
        append(line.append('\n').toString());
        if (!violations.isEmpty() && !"report".equals(MODE)) {
            throw new AssertionError("axe-core: " + line);
        }
    }

    private static String axeSource() {
        if (axe == null) {
            try (InputStream in = Accessibility.class.getResourceAsStream("/axe-core/axe.min.js")) {
                axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return axe;
    }

    private static void write(String file, String content) {
        try {
            Files.createDirectories(REPORTS);
            Files.writeString(REPORTS.resolve(file), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized void append(String line) {
        try {
            Files.createDirectories(REPORTS);
            Files.writeString(REPORTS.resolve("summary.txt"), line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
