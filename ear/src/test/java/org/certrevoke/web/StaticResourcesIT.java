package org.certrevoke.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.certrevoke.it.Browser;
import org.certrevoke.it.Deployments;
import org.certrevoke.it.Http;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.JavascriptExecutor;

/**
 * What a holder's browser downloads on a slow line: the pages' scripts and styles compressed and cached
 * under versioned addresses, and the bytes of a first visit of the search page with an empty cache.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StaticResourcesIT {

    /** A first visit of the search page, headers included, with an empty cache. */
    private static final long FIRST_VISIT_BOUND = 350 * 1024;

    private static final Pattern RESOURCE = Pattern.compile("(?:src|href)=\"([^\"]*/jakarta\\.faces\\.resource/[^\"]+)\"");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void scriptsAndStylesAreSentCompressedUnderVersionedAddressesAndCached() throws IOException {
        String page = new String(Http.get("/view/certificats/recherche.jsf").body(), StandardCharsets.UTF_8);
        List<String> resources = new ArrayList<>();
        Matcher matcher = RESOURCE.matcher(page);
        while (matcher.find()) {
            resources.add(matcher.group(1).replace("&amp;", "&"));
        }
        assertTrue(resources.stream().anyMatch(r -> r.contains("ln=primefaces") && r.contains(".js")), page);
        assertTrue(resources.stream().anyMatch(r -> r.contains(".css")), page);
        for (String resource : resources) {
            assertTrue(resource.contains("v="), "a versioned address: " + resource);
            HttpResponse<byte[]> plain = Http.get(resource);
            HttpResponse<byte[]> gzipped = Http.get(resource, "Accept-Encoding", "gzip");
            assertEquals(200, gzipped.statusCode(), resource);
            assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElse(null), resource);
            assertTrue(gzipped.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Accept-Encoding")), resource);
            byte[] unzipped = new GZIPInputStream(new ByteArrayInputStream(gzipped.body())).readAllBytes();
            assertEquals(plain.body().length, unzipped.length, resource);
            assertTrue(gzipped.body().length < plain.body().length, resource);
            String cacheControl = gzipped.headers().firstValue("Cache-Control").orElse("");
            Matcher maxAge = Pattern.compile("max-age=(\\d+)").matcher(cacheControl);
            assertTrue(maxAge.find() && Long.parseLong(maxAge.group(1)) >= Duration.ofDays(7).toSeconds(),
                    resource + " Cache-Control: " + cacheControl);
            System.out.printf("%-90s %8d bytes, %7d gzipped%n", resource, plain.body().length, gzipped.body().length);
        }
        assertFalse(resources.isEmpty());
    }

    @Test
    void aFirstVisitOfTheSearchPageStaysWithinTheBound() {
        try (Browser browser = new Browser()) {
            browser.open("/view/certificats/recherche.jsf").find("[id='search:email']");
            Number bytes = (Number) ((JavascriptExecutor) browser.driver()).executeScript(
                    "return performance.getEntries().filter(function (e) { return e.transferSize !== undefined; })"
                            + ".reduce(function (sum, e) { return sum + e.transferSize; }, 0);");
            System.out.printf("first visit of the search page: %d bytes transferred%n", bytes.longValue());
            assertTrue(bytes.longValue() > 0);
            assertTrue(bytes.longValue() <= FIRST_VISIT_BOUND, bytes + " bytes");
        }
    }
}
