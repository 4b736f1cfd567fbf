package dev.crosscheck.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crosscheck.json.Json;
import dev.crosscheck.local.LocalStack;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The report page in a real browser: headless Chromium (the system's {@code chromium} and {@code chromedriver}) against
 * the local stack that {@code ./crosscheck local} runs, with the xi-moscow-2023 seeds, the corpus article that
 * contradicts them and a hostile article uploaded through its S3 endpoint.
 *
 * <p>Without Chromium the test is skipped, with the reason; with the environment variable {@code CI} set it fails
 * instead, so that continuous integration cannot skip it silently.
 */
@Timeout(300)
@ExtendWith(RequiresChromium.class)
class ReportPageBrowserIT {

    private static final String STORY = "xi-moscow-2023";
    private static final Path SEEDS = Path.of("seeds", STORY);
    private static final Path CORPUS = Path.of("..", "shared", "corpus", STORY);
    private static final String CHROMIUM = RequiresChromium.CHROMIUM;
    private static final String CHROMEDRIVER = RequiresChromium.CHROMEDRIVER;
    private static final String HOSTILE_SCRIPT = "<script>document.title='pwned';window.pwned=1</script>";
    private static final String HOSTILE_IMAGE = "<img src=x onerror=\"window.pwned=2\">";
    /** Two sentences with claims (a meeting's date, a plan's points) about nothing the other articles mention. */
    private static final String HOSTILE_TEXT = "Sergei Sobyanin met Wang Yi " + HOSTILE_SCRIPT
            + " in Moscow on Sunday, March 19, 2023.\n\nThe zoo unveiled a 25-point safety plan " + HOSTILE_IMAGE
            + " for visitors.\n";
    /** A corpus story with a dispute between authorities, a republished wire story and figures left unread. */
    private static final String DISPUTED_STORY = "maui-wildfire-2023";
    private static final Path DISPUTED_CORPUS = Path.of("..", "shared", "corpus", DISPUTED_STORY);
    private static final Path SCREENSHOT = Path.of("target", "report-page.png");
    private static final Path PHONE_SCREENSHOT = Path.of("target", "report-page-phone.png");

    private static Path data;
    private static LocalStack stack;
    private static ChromeDriverService service;
    private static ChromeDriver browser;
    /** Each article's file name and the publisher its metadata names. */
    private static final Map<String, String> PUBLISHERS = new LinkedHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        requirePresent(RequiresChromium.installed(), RequiresChromium.missing());
        requirePresent(Files.isDirectory(CORPUS), "the shared corpus is not beside the project (" + CORPUS + ")");

        data = Files.createTempDirectory("crosscheck-browser");
        stack = LocalStack.start(LocalStack.Config.defaults(data).withPorts(0, 0).withLog(line -> { }));
        List<Path> articles = new ArrayList<>();
        try (var seeds = Files.list(SEEDS)) {
            seeds.filter(p -> p.toString().endsWith(".txt")).sorted().forEach(articles::add);
        }
        try (var corpus = Files.list(CORPUS)) {
            corpus.filter(p -> p.toString().endsWith(".txt"))
                    .filter(p -> !Files.exists(SEEDS.resolve(p.getFileName()))).sorted().forEach(articles::add);
        }
        for (Path article : articles) {
            Map<String, String> metadata = metadata(article);
            PUBLISHERS.put(article.getFileName().toString(), metadata.get("publisher"));
            stack.s3().putObject(b -> b.bucket(stack.bucket()).key(STORY + "/" + article.getFileName())
                    .metadata(metadata), RequestBody.fromFile(article));
        }
        stack.s3().putObject(b -> b.bucket(stack.bucket()).key(STORY + "/hostile.txt").metadata(Map.of(
                        "published", "2023-03-21", "publisher", "Evil Wire <script>window.pwned=3</script>",
                        "title", "\"><img src=x onerror=\"window.pwned=4\">")),
                RequestBody.fromString(HOSTILE_TEXT));
        try (var corpus = Files.list(DISPUTED_CORPUS)) {
            for (Path article : corpus.filter(p -> p.toString().matches(".*\\.(txt|html)$")).sorted().toList()) {
                Map<String, String> metadata = metadata(article);
                stack.s3().putObject(b -> b.bucket(stack.bucket()).key(DISPUTED_STORY + "/" + article.getFileName())
                        .metadata(metadata), RequestBody.fromFile(article));
            }
        }
        stack.awaitIngestion(120_000);

        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,900", "--lang=en-US");
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    private static void requirePresent(boolean present, String reason) {
        if (present) {
            return;
        }
        if (System.getenv("CI") != null) {
            fail(reason + "; CI must run the browser test");
        }
        System.err.println("ReportPageBrowserIT skipped: " + reason);
        Assumptions.abort(reason);
    }

    private static Map<String, String> metadata(Path article) throws Exception {
        Path sidecar = article.resolveSibling(article.getFileName().toString()
                .replaceFirst("\\.(txt|html)$", ".meta.json"));
        Map<String, String> metadata = new LinkedHashMap<>();
        Json.MAPPER.readTree(Files.readString(sidecar)).fields()
                .forEachRemaining(e -> metadata.put(e.getKey(), e.getValue().asText()));
        return metadata;
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.stop();
        }
        if (stack != null) {
            stack.close();
        }
        if (data != null) {
            try (var walk = Files.walk(data)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The story's URL, asked for by a browser: the page, through content negotiation. */
    private static void open() {
        browser.get(stack.apiEndpoint() + "/stories/" + STORY);
        assertEquals("Cross-source report: " + STORY, browser.getTitle());
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private static String textContent(WebElement element) {
        return (String) js("return arguments[0].textContent;", element);
    }

    @Test
    void theTwelvePointAgreementIsShownWithEachSourcesEvidence() {
        open();
        WebElement agreement = null;
        for (WebElement article : browser.findElements(By.cssSelector("#agreements article.finding"))) {
            for (WebElement value : article.findElements(By.cssSelector("ul.values > li"))) {
                if (value.findElement(By.cssSelector("p.by strong")).getText().equals("12")) {
                    agreement = article;
                }
            }
        }
        assertNotNull(agreement, "an agreement on 12");
        assertEquals("count", agreement.getAttribute("data-kind"));
        assertTrue(agreement.isDisplayed());
        assertEquals("AGREEMENT", agreement.findElement(By.className("badge")).getText().toUpperCase());
        List<WebElement> evidence = agreement.findElements(By.cssSelector("ul.evidence > li"));
        TreeSet<String> quoted = new TreeSet<>();
        for (WebElement e : evidence) {
            WebElement mark = e.findElement(By.tagName("mark"));
            assertTrue(mark.getText().contains("12"), "the claim's words are marked: " + e.getText());
            assertTrue(e.findElement(By.tagName("blockquote")).getText().length() > mark.getText().length(),
                    "the whole sentence is quoted");
            quoted.add(e.findElement(By.className("who")).getText().replace("\u2014 ", ""));
        }
        assertEquals(new TreeSet<>(PUBLISHERS.values()), quoted, "the sentence of every source that says 12");
        // the strongest agreement comes first
        assertEquals(agreement, browser.findElement(By.cssSelector("#agreements article.finding")));
    }

    @Test
    void everyExpectedContradictionIsShownSideBySideWithItsEvidence() throws Exception {
        open();
        JsonNode expected = Json.MAPPER.readTree(CORPUS.resolve("expected.json").toFile());
        int checked = 0;
        for (JsonNode e : expected.get("expect")) {
            if (!e.get("verdict").asText().equals("contradiction")) {
                continue;
            }
            checked++;
            String kind = e.get("kind").asText();
            WebElement match = null;
            for (WebElement article : browser.findElements(
                    By.cssSelector("#contradictions article.finding[data-kind='" + kind + "']"))) {
                if (sidesMatch(article, e.get("values"))) {
                    match = article;
                }
            }
            assertNotNull(match, "contradiction " + e.get("id").asText() + " is on the page");
            assertTrue(match.isDisplayed());
            assertEquals("CONTRADICTION", match.findElement(By.className("badge")).getText().toUpperCase());
        }
        assertEquals(2, checked, "expected.json names two contradictions");
    }

    /** Each expected value has its own side, naming exactly its sources, each with a quoted, marked sentence. */
    private static boolean sidesMatch(WebElement article, JsonNode values) {
        List<WebElement> sides = article.findElements(By.cssSelector(".sides > .side"));
        if (sides.size() != values.size()) {
            return false;
        }
        var names = values.fieldNames();
        while (names.hasNext()) {
            String value = names.next();
            TreeSet<String> publishers = new TreeSet<>();
            values.get(value).forEach(file -> publishers.add(PUBLISHERS.get(file.asText())));
            boolean found = false;
            for (WebElement side : sides) {
                if (!value.equals(side.getAttribute("data-value"))) {
                    continue;
                }
                found = true;
                TreeSet<String> given = new TreeSet<>(List.of(side.findElement(By.className("by")).getText()
                        .replaceFirst("^Given by ", "").split(", ")));
                assertEquals(publishers, given, "sources of " + value);
                List<WebElement> quotes = side.findElements(By.cssSelector("ul.evidence blockquote"));
                assertEquals(publishers.size(), quotes.size(), "one sentence per source for " + value);
                for (WebElement q : quotes) {
                    assertFalse(q.findElement(By.tagName("mark")).getText().isBlank(), q.getText());
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    @Test
    void authoritiesThatDisagreeTheirAttributionsTheUnreadFiguresAndTheWireCopyAreShown() throws Exception {
        browser.get(stack.apiEndpoint() + "/stories/" + DISPUTED_STORY);
        assertEquals("Cross-source report: " + DISPUTED_STORY, browser.getTitle());
        JsonNode report = Json.MAPPER.readTree(java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(stack.apiEndpoint() + "/stories/"
                        + DISPUTED_STORY + "/report")).build(), java.net.http.HttpResponse.BodyHandlers.ofString())
                .body());

        // the dispute: its own section, each side naming the authority and the outlets that report it
        assertEquals("Authorities disagree", browser.findElement(By.cssSelector("#disputed h2")).getText()
                .replaceFirst(" \\(\\d+\\)$", ""));
        List<WebElement> disputes = browser.findElements(By.cssSelector("#disputed article.finding"));
        assertEquals(report.get("summary").get("disputed").asInt(), disputes.size());
        assertFalse(disputes.isEmpty(), "the missing count is disputed between the governor, the mayor and others");
        WebElement missing = disputes.get(0);
        assertTrue(missing.isDisplayed());
        assertEquals("DISPUTED", missing.findElement(By.className("badge")).getText().toUpperCase());
        List<WebElement> sides = missing.findElements(By.cssSelector(".sides > .side"));
        assertTrue(sides.size() >= 2, "each authority's value side by side");
        for (WebElement side : sides) {
            String by = side.findElement(By.className("by")).getText();
            assertTrue(by.startsWith("From ") && by.contains(", reported by "), by);
        }
        assertTrue(missing.findElement(By.className("explanation")).getText()
                .contains("The authorities disagree; the outlets report them faithfully."));

        // attribution beside the values of the other findings, and the turns of a running figure
        List<WebElement> cites = browser.findElements(By.cssSelector("ul.values .cites"));
        assertFalse(cites.isEmpty(), "values credited to an authority say whom they cite");
        assertTrue(cites.stream().anyMatch(c -> c.isDisplayed() && c.getText().startsWith("citing ")));
        List<String> turns = browser.findElements(By.cssSelector("#evolving ul.values .turn")).stream()
                .map(t -> t.getAttribute("aria-label")).toList();
        assertTrue(turns.contains("up") && turns.contains("down"), "the toll rose, then was revised down: " + turns);

        // the wire copy: marked beside the source it repeats
        Map<String, String> copies = new LinkedHashMap<>();
        Map<String, String> publisherOf = new LinkedHashMap<>();
        for (JsonNode src : report.get("sources")) {
            publisherOf.put(src.get("id").asText(), src.get("publisher").asText());
            if (src.hasNonNull("copyOf")) {
                copies.put(src.get("id").asText(), src.get("copyOf").asText());
            }
        }
        assertFalse(copies.isEmpty(), "the republished wire story is found");
        for (Map.Entry<String, String> copy : copies.entrySet()) {
            WebElement row = null;
            for (WebElement r : browser.findElements(By.cssSelector("#sources tbody tr"))) {
                if (r.findElement(By.tagName("th")).getText().startsWith(publisherOf.get(copy.getKey()))) {
                    row = r;
                }
            }
            assertNotNull(row, "the copy's row");
            assertTrue(row.getText().contains("copy of " + publisherOf.get(copy.getValue())), row.getText());
        }

        // per source, how many figures were read, and every unread one listed with its sentence
        WebElement unread = browser.findElement(By.xpath("//details[.//h3[@id='unread-h']]"));
        js("arguments[0].open = true;", unread);
        String listed = unread.getText();
        for (JsonNode src : report.get("sources")) {
            JsonNode coverage = src.get("coverage");
            int left = coverage.get("figures").asInt() - coverage.get("claimed").asInt();
            if (left == 0) {
                continue;
            }
            assertTrue(listed.contains(publisherOf.get(src.get("id").asText()) + ": " + left + " of "
                    + coverage.get("figures").asInt() + " figures"), listed);
            for (JsonNode u : coverage.get("unread")) {
                assertTrue(listed.contains(u.get("text").asText()), u.get("text").asText());
            }
        }
    }

    @Test
    void theKindFilterHidesEveryOtherKind() {
        open();
        int all = browser.findElements(By.cssSelector("article.finding")).size();
        new Select(browser.findElement(By.id("filter-kind"))).selectByValue("count");
        int shown = 0;
        int hidden = 0;
        for (WebElement article : browser.findElements(By.cssSelector("article.finding"))) {
            boolean count = article.getAttribute("data-kind").equals("count");
            boolean visible = !Boolean.TRUE.equals(js("return arguments[0].hidden;", article))
                    && !"none".equals(article.getCssValue("display"));
            assertEquals(count, visible, "data-kind " + article.getAttribute("data-kind"));
            shown += visible ? 1 : 0;
            hidden += visible ? 0 : 1;
        }
        assertTrue(shown > 0 && hidden > 0, shown + " shown, " + hidden + " hidden");
        assertEquals("Showing " + shown + " of " + all + " findings.", browser.findElement(By.id("filter-status"))
                .getText());
        assertTrue(browser.findElement(By.cssSelector("#contradictions .empty")).isDisplayed(),
                "no contradiction is about a count");

        new Select(browser.findElement(By.id("filter-kind"))).selectByValue("");
        assertEquals(0, browser.findElements(By.cssSelector("article.finding[hidden]")).size());
    }

    @Test
    void theHostileArticlesMarkupIsShownAsTextAndNeverRuns() {
        open();
        assertEquals("Cross-source report: " + STORY, browser.getTitle(), "the title is the page's");
        assertEquals(Boolean.TRUE, js("return typeof window.pwned === 'undefined';"), "no injected code ran");
        assertEquals(0L, js("return document.images.length;"), "no injected image");
        assertEquals(1L, js("return document.scripts.length;"), "only the page's own script");
        assertEquals(0L, js("return document.querySelectorAll('[onerror],[onload],[onclick]').length;"));
        String text = textContent(browser.findElement(By.tagName("main")));
        assertTrue(text.contains("Sergei Sobyanin met Wang Yi " + HOSTILE_SCRIPT), "the hostile sentences are "
                + "quoted as written");
        assertTrue(text.contains("safety plan " + HOSTILE_IMAGE + " for visitors"), text);
        assertTrue(text.contains("Evil Wire <script>window.pwned=3</script>"), "the hostile publisher is listed");
        assertTrue(text.contains("\"><img src=x onerror=\"window.pwned=4\">"), "the hostile title is listed");
    }

    @Test
    void theStyleAndScriptAreAllowedByThePolicyAndTheKeyboardReachesTheContent() {
        open();
        String badge = browser.findElement(By.cssSelector("#contradictions .badge")).getCssValue("background-color");
        assertNotEquals("rgba(0, 0, 0, 0)", badge, "the inline stylesheet applies");
        assertFalse(browser.findElement(By.cssSelector("#filters button[type=submit]")).isDisplayed(),
                "the script ran: filters apply as they change");
        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        WebElement focused = browser.switchTo().activeElement();
        assertEquals("Skip to the findings", focused.getText(), "the first stop is the skip link, and it shows");
        assertTrue(focused.isDisplayed());
    }

    @Test
    void withJavaScriptOffTheFilterFormAsksTheServerForTheFilteredPage() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,900");
        options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        // a driver of its own: quitting a driver stops its driver service
        ChromeDriver plain = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build(), options);
        try {
            plain.get(stack.apiEndpoint() + "/stories/" + STORY);
            WebElement apply = plain.findElement(By.cssSelector("#filters button[type=submit]"));
            assertTrue(apply.isDisplayed(), "without script the form has its Apply button");
            new Select(plain.findElement(By.id("filter-verdict"))).selectByValue("contradiction");
            apply.click();
            assertTrue(plain.getCurrentUrl().endsWith("/stories/" + STORY + "/report.html?kind=&verdict=contradiction"),
                    plain.getCurrentUrl());
            List<WebElement> findings = plain.findElements(By.cssSelector("article.finding"));
            int shown = 0;
            for (WebElement f : findings) {
                assertEquals(f.getAttribute("data-verdict").equals("contradiction"), f.isDisplayed(),
                        f.getAttribute("id") + " " + f.getAttribute("data-verdict"));
                shown += f.isDisplayed() ? 1 : 0;
            }
            assertEquals(2, shown);
            assertEquals("contradiction", new Select(plain.findElement(By.id("filter-verdict")))
                    .getFirstSelectedOption().getAttribute("value"), "the form shows the filter in force");
        } finally {
            plain.quit();
        }
    }

    @Test
    void theLocalHttpApiPassesThePagesHeadersOnForGetAndHead() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        for (String method : new String[] {"GET", "HEAD"}) {
            java.net.http.HttpResponse<String> response = http.send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(stack.apiEndpoint() + "/stories/" + STORY + "/report.html?kind=count"))
                    .method(method, java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), method);
            assertEquals("text/html; charset=utf-8", response.headers().firstValue("Content-Type").orElse(null));
            assertEquals(ReportPage.headers().get("Content-Security-Policy"),
                    response.headers().firstValue("Content-Security-Policy").orElse(null), method);
            assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(null));
            assertEquals("no-referrer", response.headers().firstValue("Referrer-Policy").orElse(null));
            assertEquals(method.equals("HEAD"), response.body().isEmpty(), method);
        }
    }

    @Test
    void screenshotsAtDesktopAndPhoneWidthWithoutSidewaysScrolling() throws Exception {
        open();
        js("document.querySelector('#single-source details').open = true;");
        screenshot(SCREENSHOT, 1280, false);
        assertTrue(Files.size(SCREENSHOT) > 10_000);

        screenshot(PHONE_SCREENSHOT, 390, true);
        long pageWidth = (Long) js("return document.documentElement.scrollWidth;");
        assertTrue(pageWidth <= 390, "no sideways scrolling at 390 px: the page is " + pageWidth + " px wide");
        browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    /** A full-page PNG at the given CSS width, as the DevTools protocol captures it. */
    private static void screenshot(Path file, int width, boolean mobile) throws Exception {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", 900,
                "deviceScaleFactor", 1, "mobile", mobile));
        Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true));
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
    }
}
