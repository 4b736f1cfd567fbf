package dev.crosscheck.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crosscheck.compare.Report;
import dev.crosscheck.compare.Timeline;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

/** The report page: what it shows, in which order, and that nothing from an article becomes markup. */
class ReportPageTest {

    private static final String HOSTILE = "<script>window.pwned=1</script>\"><img src=x onerror=alert(1)>"
            + "</textarea><svg onload=alert(2)>'\u0000&amp;";

    // ---- fixtures -------------------------------------------------------------------------------------------------

    private static Report.EvidenceRef evidence(String source, String sentence, String words) {
        int at = sentence.indexOf(words);
        assertTrue(at >= 0, words + " in " + sentence);
        // offsets in the document's text; the sentence starts at 100
        return new Report.EvidenceRef(source, sentence, 100 + at, 100 + at + words.length(), 100);
    }

    private static Report.Value value(String value, String display, String source, String sentence, String words) {
        return new Report.Value(value, display, false, List.of(source),
                List.of(evidence(source, sentence, words)));
    }

    private static Report.Finding finding(String verdict, String kind, String subject, double confidence,
                                          Report.Value... values) {
        return new Report.Finding(verdict, kind, subject, subject.toLowerCase().replace(' ', '-'), null,
                List.of(values), confidence, "Explanation of " + subject + ".");
    }

    private static Report.Value shared(String value, List<String> sources) {
        List<Report.EvidenceRef> refs = new ArrayList<>();
        for (String s : sources) {
            refs.add(evidence(s, "The plan has " + value + " points.", value));
        }
        return new Report.Value(value, value, false, sources, refs);
    }

    private static Report report(String publisher, List<Report.Finding> findings) {
        List<Report.Source> sources = List.of(
                new Report.Source("s/a.txt", "Title A", publisher, "2023-03-21", "metadata", 3),
                new Report.Source("s/b.txt", "Title B", "Bee News", "2023-03-22", "dateline", 2),
                new Report.Source("s/c.txt", null, null, null, null, 1));
        int agreements = 0, contradictions = 0, single = 0, evolving = 0;
        for (Report.Finding f : findings) {
            switch (f.verdict()) {
                case "agreement" -> agreements++;
                case "contradiction" -> contradictions++;
                case "evolving" -> evolving++;
                default -> single++;
            }
        }
        return new Report(1, "story-one", "2023-03-25T00:00:00Z", sources, findings,
                new Report.Summary(agreements, contradictions, single, evolving));
    }

    /** In the comparator's order: contradictions, evolving, agreements (the weaker first here), single-source. */
    private static List<Report.Finding> findings() {
        return List.of(
                finding("contradiction", "duration", "Visit length", 0.8,
                        value("P3D", "three-day", "s/a.txt", "Xi began a three-day visit.", "three-day"),
                        value("P2D", "two-day", "s/b.txt", "Xi ended a two-day visit.", "two-day")),
                finding("evolving", "count", "Death toll", 0.7,
                        value("10", "10", "s/a.txt", "At least 10 died.", "10"),
                        value("20", "20", "s/b.txt", "At least 20 died.", "20")),
                finding("agreement", "count", "Weak plan", 0.9, shared("10", List.of("s/a.txt", "s/b.txt"))),
                finding("agreement", "count", "Strong plan", 0.8,
                        shared("12", List.of("s/a.txt", "s/b.txt", "s/c.txt"))),
                finding("single-source", "date", "Arrival", 0.5,
                        value("2023-03-20", "Monday", "s/a.txt", "He arrived on Monday.", "Monday")));
    }

    private static List<PageSource> documents(String publisher, String reason) {
        return List.of(
                new PageSource("s/a.txt", "ingested", null, "Title A", publisher, "2023-03-21", "metadata",
                        "https://example.com/a", 3),
                new PageSource("s/b.txt", "ingested", null, "Title B", "Bee News", "2023-03-22", "dateline",
                        "javascript:alert(3)", 2),
                new PageSource("s/c.txt", "ingested", null, null, null, null, null, null, 1),
                new PageSource("s/photo.txt", "rejected", reason, null, null, null, null, null, 0));
    }

    private static List<Timeline.Entry> timeline() {
        return List.of(
                new Timeline.Entry("2023-03-20", "day", "China's arrival", "arrival", "arrive", false,
                        List.of("s/a.txt"), List.of(new Timeline.Mention("s/a.txt", "Monday", false,
                        "He arrived on Monday.", 111, 117, 100))),
                new Timeline.Entry("2023-03-21", "day", "China's departure", "departure", "depart", false,
                        List.of("s/b.txt"), List.of(new Timeline.Mention("s/b.txt", "Tuesday", false,
                        "He left on Tuesday.", 211, 218, 200))),
                new Timeline.Entry("2023-03-22", "day", "China's departure", "departure", "depart", false,
                        List.of("s/a.txt"), List.of(new Timeline.Mention("s/a.txt", "Wednesday", false,
                        "He left on Wednesday.", 311, 320, 300))));
    }

    private static Document page(Report report, List<PageSource> documents, Set<String> kinds, Set<String> verdicts) {
        return Jsoup.parse(ReportPage.render(new ReportPage.Input(report, documents, timeline(), kinds, verdicts,
                "./report.html")));
    }

    private static Document page() {
        return page(report("Ay Times", findings()), documents("Ay Times", "not text: binary content"), Set.of(),
                Set.of());
    }

    /** A value credited to an authority, as of a day. */
    private static Report.Value cited(String value, String authority, String asOf, String source, String sentence) {
        return new Report.Value(value, value, false, List.of(authority), asOf, List.of(source),
                List.of(evidence(source, sentence, value)));
    }

    @Test
    void authoritiesThatDisagreeHaveTheirOwnSectionAndEveryValueShowsWhomItCites() {
        Report.Finding disputed = new Report.Finding("disputed", "count", "Missing", "count:-:-:person:missing",
                "missing", List.of(cited("850", "the mayor", "2023-08-22", "s/a.txt", "The mayor put it at 850."),
                cited("1000", "the governor", "2023-08-20", "s/b.txt", "The governor said 1000 were missing.")),
                0.6, "The authorities disagree.");
        Report.Finding toll = new Report.Finding("evolving", "count", "Deaths", "count:-:-:person:deaths", "deaths",
                null, List.of(cited("93", "the county", "2023-08-12", "s/a.txt", "The toll rose to 93."),
                        cited("115", "the police", "2023-08-21", "s/b.txt", "The toll stood at 115."),
                        cited("97", "the state", "2023-09-15", "s/a.txt", "The toll was cut to 97.")),
                0.7, "A running figure.").withNote("The parts add up to more than the whole.");
        Report report = new Report(2, "story-one", "2023-09-16T00:00:00Z", report("Ay Times", List.of()).sources(),
                List.of(disputed, toll), new Report.Summary(0, 0, 1, 0, 1));
        Document page = page(report, documents("Ay Times", "not text"), Set.of(), Set.of());

        assertEquals("Authorities disagree (1)", page.selectFirst("#disputed h2").text());
        Elements sides = page.select("#disputed article .sides > .side");
        assertEquals(List.of("850", "1000"), sides.stream().map(e -> e.attr("data-value")).toList());
        assertEquals("From the mayor, reported by Ay Times, as of August 22, 2023", sides.get(0).selectFirst(".by").text());

        Elements values = page.select("#evolving article ul.values > li");
        assertEquals(3, values.size());
        assertNull(values.get(0).selectFirst(".turn"), "the first value of a series went nowhere yet");
        assertEquals("\u2191", values.get(1).selectFirst(".turn").text());
        assertEquals("up", values.get(1).selectFirst(".turn").attr("aria-label"));
        assertEquals("\u2193", values.get(2).selectFirst(".turn").text(), "115 revised down to 97");
        assertEquals("citing the state", values.get(2).selectFirst(".cites").text());
        assertEquals("2023-09-15", values.get(2).selectFirst(".by time").attr("datetime"));
        assertTrue(values.get(2).selectFirst(".by").text().endsWith("as of September 15, 2023"),
                values.get(2).selectFirst(".by").text());
        assertEquals("Note: The parts add up to more than the whole.", page.selectFirst("#evolving .note").text(),
                "a note is shown beside the verdict");
    }

    // ---- escaping -------------------------------------------------------------------------------------------------

    @Test
    void theEscapingFunctionLeavesNoMarkupCharacter() {
        assertEquals("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;",
                Html.escape("<a href=\"x\" title='y'>&amp;</a>"));
        assertEquals("a\uFFFDb\tc", Html.escape("a\u0000b\tc"));
        assertEquals("\uD83D\uDE00 and \uFFFD", Html.escape("\uD83D\uDE00 and \uD83D"), "pairs kept, lone surrogates replaced");
        assertEquals("", Html.escape(null));
    }

    @Test
    void hostileTextFromArticlesStaysText() {
        Report.Value evil = new Report.Value(HOSTILE, HOSTILE, false, List.of("s/a.txt"),
                List.of(new Report.EvidenceRef("s/a.txt", "Before " + HOSTILE + " after.", 107, 107 + HOSTILE.length(),
                        100)));
        Report.Finding f = new Report.Finding("contradiction", "quote", HOSTILE, HOSTILE, HOSTILE,
                List.of(evil, value("x", "x", "s/b.txt", "Plain x.", "x")), 0.5, HOSTILE);
        Report hostile = new Report(1, HOSTILE, HOSTILE, List.of(
                new Report.Source("s/a.txt", HOSTILE, HOSTILE, HOSTILE, HOSTILE, 1),
                new Report.Source("s/b.txt", "B", "B", "2023-03-21", "metadata", 1)),
                List.of(f), new Report.Summary(0, 1, 0, 0));
        List<PageSource> documents = List.of(
                new PageSource("s/a.txt", "ingested", null, HOSTILE, HOSTILE, HOSTILE, HOSTILE, HOSTILE, 1),
                new PageSource("s/" + HOSTILE, "rejected", HOSTILE, HOSTILE, HOSTILE, null, null, null, 0));
        String html = ReportPage.render(new ReportPage.Input(hostile, documents, List.of(new Timeline.Entry(HOSTILE,
                "unknown", HOSTILE, HOSTILE, HOSTILE, false, List.of("s/a.txt"), List.of(new Timeline.Mention(
                "s/a.txt", HOSTILE, false, HOSTILE, 0, 5, 0)))), Set.of(), Set.of(), "./report.html"));
        Document doc = Jsoup.parse(html);

        assertEquals(1, doc.select("script").size(), "only the page's own script");
        assertEquals(ReportPageResources.js(), doc.select("script").first().data());
        assertTrue(doc.select("img, svg, textarea, iframe, object, embed, base, link").isEmpty(), html);
        for (Element e : doc.getAllElements()) {
            for (Attribute a : e.attributes()) {
                assertFalse(a.getKey().startsWith("on"), "event handler attribute " + a + " on " + e.tagName());
                assertFalse(a.getValue().strip().toLowerCase().startsWith("javascript:"), a.toString());
            }
        }
        assertFalse(html.contains("<script>window"), "the hostile script is escaped");
        assertEquals(HOSTILE.replace("\u0000", "\uFFFD"), doc.selectFirst("h1").text().isEmpty() ? null
                : doc.selectFirst("h1").wholeText(), "the story name reads as written");
        Element mark = doc.selectFirst("article.finding .side mark");
        assertNotNull(mark);
        assertEquals(HOSTILE.replace("\u0000", "\uFFFD"), mark.wholeText(), "the hostile claim is marked as text");
        assertTrue(doc.select("#sources a").isEmpty(), "a URL that is not http(s) is no link");
        assertTrue(doc.text().contains("script>window.pwned=1"), "the rejected document's reason shows as text");
    }

    // ---- structure ------------------------------------------------------------------------------------------------

    @Test
    void sectionsComeContradictionsDisputesAgreementsEvolvingSingleSourceThenTimeline() {
        Document doc = page();
        List<String> ids = new ArrayList<>();
        for (Element s : doc.select("main > section, main > div#findings > section")) {
            ids.add(s.id());
        }
        assertEquals(List.of("sources", "contradictions", "disputed", "agreements", "evolving", "single-source", "timeline"),
                ids);
        assertEquals(List.of("Strong plan", "Weak plan"), doc.select("#agreements article h3").eachText(),
                "three sources before two, though the report lists the weaker first");
        assertEquals(List.of("Visit length"), doc.select("#contradictions article h3").eachText());
        assertEquals(List.of("Death toll"), doc.select("#evolving article h3").eachText());
        Element single = doc.selectFirst("#single-source details");
        assertNotNull(single, "single-source claims are collapsible");
        assertFalse(single.hasAttr("open"), "and collapsed by default");
        assertEquals(List.of("Arrival"), single.select("article h3").eachText());
        for (Element article : doc.select("article.finding")) {
            assertFalse(article.selectFirst(".badge").text().isBlank(), "the verdict is said in words too");
        }
    }

    @Test
    void aContradictionShowsEachValueSideBySideWithItsSourcesAndMarkedEvidence() {
        Element contradiction = page().selectFirst("#contradictions article");
        Elements sides = contradiction.select(".sides > .side");
        assertEquals(2, sides.size());
        assertEquals("3 days", sides.get(0).selectFirst("h4").text());
        assertEquals("P3D", sides.get(0).attr("data-value"), "the normalized value, for scripts");
        assertTrue(sides.get(0).selectFirst(".by").text().contains("Ay Times"));
        assertEquals("Xi began a three-day visit.", sides.get(0).selectFirst("blockquote").text());
        assertEquals("three-day", sides.get(0).selectFirst("blockquote mark").text());
        assertEquals("2 days", sides.get(1).selectFirst("h4").text());
        assertTrue(sides.get(1).selectFirst(".by").text().contains("Bee News"));
        assertEquals("two-day", sides.get(1).selectFirst("blockquote mark").text());
    }

    @Test
    void evidenceWhoseOffsetsDoNotFitItsSentenceIsShownUnmarked() {
        Report.Value v = new Report.Value("12", "12", false, List.of("s/a.txt"), List.of(
                new Report.EvidenceRef("s/a.txt", "Short.", 500, 520, 100),
                new Report.EvidenceRef("s/a.txt", "No offsets.", null, null, null)));
        Report r = report("Ay", List.of(new Report.Finding("single-source", "count", "X", "x", null, List.of(v), 0.5,
                null)));
        Document doc = page(r, documents("Ay", "empty"), Set.of(), Set.of());
        assertEquals(List.of("Short.", "No offsets."), doc.select("blockquote").eachText().subList(0, 2));
        assertTrue(doc.select("#findings mark").isEmpty());
    }

    @Test
    void theHeaderListsSourcesAndRejectedDocumentsWithReasons() {
        Document doc = page();
        Elements rows = doc.select("#sources tbody tr");
        assertEquals(3, rows.size());
        assertEquals("Ay Times Title A a.txt", rows.get(0).selectFirst("th").text());
        assertEquals("https://example.com/a", rows.get(0).selectFirst("a").attr("href"));
        assertTrue(rows.get(0).text().contains("March 21, 2023") && rows.get(0).text().contains("from the metadata"),
                rows.get(0).text());
        assertEquals("3", rows.get(0).select("td").get(1).text(), "the claims column");
        assertTrue(rows.get(1).text().contains("from the dateline"), rows.get(1).text());
        assertTrue(rows.get(1).select("a").isEmpty(), "javascript: is not linked");
        assertEquals("Bee News Title B b.txt", rows.get(1).selectFirst("th").text());
        assertEquals("c.txt", rows.get(2).selectFirst("th").text());
        assertEquals(List.of("photo.txt: not text: binary content"), doc.select("#sources ul.rejected li").eachText());
        for (Element th : doc.select("th")) {
            assertTrue(th.hasAttr("scope"), "every table header has a scope: " + th);
        }
    }

    @Test
    void theTimelineListsEveryDatedEventAndFlagsEventsDatedDifferently() {
        Elements events = page().select("#timeline ol > li");
        assertEquals(3, events.size());
        assertEquals(List.of("2023-03-20", "2023-03-21", "2023-03-22"), events.select("time").eachAttr("datetime"));
        assertTrue(events.get(0).selectFirst(".differs") == null);
        assertTrue(events.get(1).selectFirst(".differs").text().contains("2023-03-22"));
        assertEquals("Tuesday", events.get(1).selectFirst("mark").text());
    }

    @Test
    void filtersHideWhatTheyLeaveOutAndSayHowMuchIsShown() {
        Document doc = page(report("Ay", findings()), documents("Ay", "x"), Set.of("count"), Set.of());
        for (Element article : doc.select("article.finding")) {
            assertEquals(!article.attr("data-kind").equals("count"), article.hasAttr("hidden"), article.id());
        }
        assertEquals("count", doc.selectFirst("#filter-kind option[selected]").val());
        assertEquals("", doc.selectFirst("#filter-verdict option[selected]").val());
        assertEquals("Showing 3 of 5 findings.", doc.getElementById("filter-status").text());
        assertFalse(doc.selectFirst("#contradictions .empty").hasAttr("hidden"), "no contradiction is a count");
        assertNotNull(doc.selectFirst("label[for=filter-kind]"));
        assertNotNull(doc.selectFirst("label[for=filter-verdict]"));

        Document singles = page(report("Ay", findings()), documents("Ay", "x"), Set.of(), Set.of("single-source"));
        assertTrue(singles.selectFirst("#single-source details").hasAttr("open"), "a filter on it opens the section");
    }

    @Test
    void thePolicyAllowsExactlyThePagesOwnStyleAndScript() {
        Map<String, String> headers = ReportPage.headers();
        String csp = headers.get("Content-Security-Policy");
        Document doc = page();
        assertTrue(csp.startsWith("default-src 'none';"), csp);
        assertTrue(csp.contains("script-src '" + ReportPage.sha256(doc.selectFirst("script").data()) + "'"), csp);
        assertTrue(csp.contains("style-src '" + ReportPage.sha256(doc.selectFirst("style").data()) + "'"), csp);
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);
        assertFalse(csp.contains("unsafe") || csp.contains("http") || csp.contains("*"), csp);
        assertEquals("nosniff", headers.get("X-Content-Type-Options"));
        assertEquals("no-referrer", headers.get("Referrer-Policy"));
        assertEquals("text/html; charset=utf-8", headers.get("Content-Type"));
        assertTrue(doc.select("[style]").isEmpty(), "no inline style attribute, which the policy would block");
        assertTrue(doc.select("link, script[src], img").isEmpty(), "nothing loaded from elsewhere");
    }

    @Test
    void landmarksAndHeadingsForScreenReaders() {
        Document doc = page();
        assertEquals("en", doc.selectFirst("html").attr("lang"));
        assertNotNull(doc.selectFirst("header h1"));
        assertNotNull(doc.selectFirst("nav[aria-label]"));
        assertEquals(1, doc.select("main").size());
        for (Element section : doc.select("section[aria-labelledby]")) {
            assertNotNull(doc.getElementById(section.attr("aria-labelledby")), section.id());
        }
        assertEquals("width=device-width, initial-scale=1", doc.selectFirst("meta[name=viewport]").attr("content"));
    }
}
