package org.certrevoke.web;

import java.util.ArrayList;
import java.util.List;
import org.certrevoke.it.Browser;
import org.certrevoke.it.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.JavascriptExecutor;

/**
 * How long the holder's first page takes to load in headless Chromium, from navigation start to the load event
 * (the browser's Navigation Timing), with an empty cache (a new browser profile for each visit) and, interleaved
 * with it, the same page again in that browser (cached scripts and styles, the reference). Prints the median and
 * p95 of 30 of each and their ratio; asserts nothing. Run with
 * {@code mvn -B -ntp verify -Pbench -Dit.test=PageLoadBench -Dit.axe=off}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PageLoadBench {

    private static final String PAGE = "/view/certificats/recherche.jsf";
    private static final int ROUNDS = 30;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void searchPageLoadCold() {
        warmUp();
        List<Double> cold = new ArrayList<>();
        List<Double> cached = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            try (Browser browser = new Browser()) {
                cold.add(load(browser));
                cached.add(load(browser));
            }
        }
        double coldMedian = percentile(cold, 50);
        double cachedMedian = percentile(cached, 50);
        System.out.printf("search page, load event after navigation start, %d visits each: cold cache median %.0f ms,"
                        + " p95 %.0f ms; cached median %.0f ms, p95 %.0f ms; cold / cached %.2f%n", ROUNDS, coldMedian,
                percentile(cold, 95), cachedMedian, percentile(cached, 95), coldMedian / cachedMedian);
    }

    private static void warmUp() {
        for (int i = 0; i < 3; i++) {
            try (Browser browser = new Browser()) {
                load(browser);
            }
        }
    }

    private static double load(Browser browser) {
        browser.open(PAGE).find("[id='search:email']");
        Number millis = (Number) ((JavascriptExecutor) browser.driver()).executeScript(
                "var n = performance.getEntriesByType('navigation')[0]; return n.loadEventEnd - n.startTime;");
        return millis.doubleValue();
    }

    private static double percentile(List<Double> values, int percent) {
        List<Double> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }
}
