package dev.crosscheck.web;

import dev.crosscheck.compare.Report;
import dev.crosscheck.compare.ReportLabels;
import dev.crosscheck.compare.Timeline;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A story's report as one self-contained HTML page: the sources (and rejected documents with their reasons), then the
 * findings by verdict (contradictions first, with the conflicting values side by side; agreements, strongest first;
 * evolving figures; single-source claims, collapsed), each value with the sources that give it and the sentences they
 * say it in, the claim's words marked; then a timeline of every dated event.
 *
 * <p>The page needs nothing from elsewhere: its stylesheet and script (resources {@code web/report.css} and
 * {@code web/report.js}) are inlined and allowed by their hashes in a Content-Security-Policy that allows nothing else
 * ({@link #headers()}). Everything from an article or a request goes through {@link Html#escape}. The filters are a
 * form that works without script (the server hides what does not match); the script only applies them at once.
 */
public final class ReportPage {

    public static final String MEDIA_TYPE = "text/html; charset=utf-8";

    private static final String CSS = resource("/web/report.css");
    private static final String JS = resource("/web/report.js");
    private static final String CSP = "default-src 'none'; style-src '" + sha256(CSS) + "'; script-src '"
            + sha256(JS) + "'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    private static final Map<String, String> HEADERS = headerMap();

    private static final List<String> KINDS =
            List.of("count", "quantity", "date", "duration", "participants", "quote", "statement");
    private static final Pattern HTML_DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?|-W\\d{2})?");
    /** A local date and time as HTML's datetime takes it: "2023-08-09T06:45". */
    private static final Pattern HTML_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?");
    private static final Pattern WEB_URL = Pattern.compile("(?i)https?://[^\\s]+");

    /** The verdict sections, in page order. */
    private enum Section {
        CONTRADICTION("contradiction", "contradictions", "Contradictions", "Contradiction"),
        DISPUTED("disputed", "disputed", "Authorities disagree", "Disputed"),
        AGREEMENT("agreement", "agreements", "Agreements", "Agreement"),
        EVOLVING("evolving", "evolving", "Evolving figures", "Evolving"),
        SINGLE_SOURCE("single-source", "single-source", "Single-source claims", "Single source");

        final String verdict;
        final String id;
        final String title;
        final String badge;

        Section(String verdict, String id, String title, String badge) {
            this.verdict = verdict;
            this.id = id;
            this.title = title;
            this.badge = badge;
        }
    }

    /**
     * What the page shows besides the report.
     *
     * @param documents  every document of the story, rejected ones included
     * @param timeline   the story's dated events
     * @param kinds      the kinds to show (wire names); empty shows all
     * @param verdicts   the verdicts to show (wire names); empty shows all
     * @param formAction where the filter form sends its query (this page's own URL, relative)
     */
    public record Input(Report report, List<PageSource> documents, List<Timeline.Entry> timeline, Set<String> kinds,
                        Set<String> verdicts, String formAction) {

        public Input {
            documents = List.copyOf(documents);
            timeline = List.copyOf(timeline);
            kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
            verdicts = verdicts == null ? Set.of() : Set.copyOf(verdicts);
        }
    }

    private ReportPage() {
    }

    /** The response headers of the page: its type, and a policy that lets it load and run nothing but itself. */
    public static Map<String, String> headers() {
        return HEADERS;
    }

    public static String render(Input input) {
        return new Writer(input).write();
    }

    /**
     * Where a stored page's own links start: a page rendered with {@code BASE + "report.html"} as its form action and
     * kept for any URL is given its base by {@link #withBase} when served.
     */
    public static final String BASE = "./crosscheck-page-base/";

    /** A page rendered with {@link #BASE} as the start of its links, with {@code base} (a relative URL) there instead. */
    public static String withBase(String page, String base) {
        return page.replace(BASE, Html.escape(base));
    }

    private static final class Writer {
        private final Html h = new Html();
        private final Input in;
        private final Report report;
        private final ReportLabels labels;
        private int findingNumber;

        Writer(Input input) {
            this.in = input;
            this.report = input.report();
            this.labels = ReportLabels.of(report.sources());
        }

        String write() {
            String story = report.story();
            h.trusted("<!DOCTYPE html>").newline();
            h.open("html", "lang", "en").newline().open("head").newline();
            h.empty("meta", "charset", "utf-8").newline();
            h.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1").newline();
            h.empty("meta", "name", "referrer", "content", "no-referrer").newline();
            h.element("title", "Cross-source report: " + story).newline();
            h.open("style").trusted(CSS).close("style").newline();
            h.close("head").newline().open("body").newline();
            h.element("a", "Skip to the findings", "class", "skip", "href", "#findings").newline();
            h.open("div", "class", "page");
            header();
            h.open("main", "id", "main").newline();
            sources();
            findings();
            timeline();
            h.close("main").newline();
            h.open("footer").open("p").text("Generated " + orDash(report.generatedAt())
                    + " by crosscheck. The same report as JSON: ").element("a", "report", "href", jsonHref())
                    .text("; as Markdown: ").element("a", "report?format=md", "href", jsonHref() + "?format=md")
                    .text(".").close("p").close("footer");
            h.close("div").newline();
            h.open("script").trusted(JS).close("script").newline();
            h.close("body").newline().close("html").newline();
            return h.toString();
        }

        private String jsonHref() {
            String action = in.formAction();
            return action.endsWith("report.html") ? action.substring(0, action.length() - ".html".length())
                    : action + "/report";
        }

        private void header() {
            Report.Summary s = report.summary();
            h.open("header", "class", "top").newline();
            h.element("p", "crosscheck: cross-source report", "class", "brand");
            h.element("h1", report.story()).newline();
            long rejected = in.documents().stream().filter(PageSource::rejected).count();
            h.element("p", plural(s.contradictions(), "contradiction") + ", " + s.disputed() + " disputed, "
                    + plural(s.agreements(), "agreement")
                    + ", " + s.evolving() + " evolving, " + s.singleSource() + " single-source, from "
                    + plural(report.sources().size(), "source")
                    + (rejected > 0 ? " (" + rejected + " rejected " + (rejected == 1 ? "document" : "documents") + ")"
                    : "") + ".", "class", "summary").newline();
            h.open("nav", "aria-label", "Sections").open("ul");
            navLink("sources", "Sources");
            navLink("contradictions", "Contradictions (" + s.contradictions() + ")");
            navLink("disputed", "Disputed (" + s.disputed() + ")");
            navLink("agreements", "Agreements (" + s.agreements() + ")");
            navLink("evolving", "Evolving (" + s.evolving() + ")");
            navLink("single-source", "Single-source (" + s.singleSource() + ")");
            navLink("timeline", "Timeline (" + in.timeline().size() + ")");
            h.close("ul").close("nav").newline();
            h.close("header").newline();
        }

        /** The figures no claim came from, per source, with the reason: what the report did not check. */
        private void unread() {
            boolean any = report.sources().stream().anyMatch(src -> !src.coverage().unread().isEmpty());
            if (!any) {
                return;
            }
            h.open("details", "class", "collapse").open("summary");
            h.element("h3", "Figures not checked", "id", "unread-h", "class", "rejected-h");
            h.close("summary").newline();
            for (Report.Source src : report.sources()) {
                if (src.coverage().unread().isEmpty()) {
                    continue;
                }
                h.element("h4", labels.sourceName(src.id()) + ": " + (src.coverage().figures()
                        - src.coverage().claimed()) + " of " + src.coverage().figures() + " figures");
                h.open("ul", "class", "rejected");
                for (dev.crosscheck.claim.Coverage.Unread u : src.coverage().unread()) {
                    h.open("li").element("strong", u.text()).text(u.reason() == null ? "" : " (" + u.reason() + ")")
                            .text(": " + u.quote()).close("li");
                }
                h.close("ul").newline();
            }
            h.close("details").newline();
        }

        private void navLink(String id, String text) {
            h.open("li").element("a", text, "href", "#" + id).close("li");
        }

        // ---- sources --------------------------------------------------------------------------------------------

        private void sources() {
            h.open("section", "id", "sources", "aria-labelledby", "sources-h").newline();
            h.element("h2", "Sources", "id", "sources-h");
            Map<String, PageSource> described = new HashMap<>();
            for (PageSource d : in.documents()) {
                described.put(d.id(), d);
            }
            h.open("div", "class", "scroll", "role", "region", "aria-label", "Sources table", "tabindex", "0");
            h.open("table").element("caption", "The story's sources and the claims read from each",
                    "class", "visually-hidden");
            h.open("thead").open("tr");
            for (String column : List.of("Source", "Published", "Claims", "Figures read")) {
                h.element("th", column, "scope", "col");
            }
            h.close("tr").close("thead").open("tbody").newline();
            for (Report.Source src : report.sources()) {
                PageSource d = described.get(src.id());
                h.open("tr");
                h.open("th", "scope", "row").text(labels.sourceName(src.id()));
                String title = src.title() == null || src.title().isBlank() ? null : src.title();
                String url = d == null || d.url() == null ? null : d.url().strip();
                boolean link = url != null && WEB_URL.matcher(url).matches();
                if (title != null || link) {
                    h.text(" ").open("span", "class", "title");
                    if (link) {
                        h.element("a", title == null ? url : title, "href", url, "rel", "noopener noreferrer nofollow");
                    } else {
                        h.text(title);
                    }
                    h.close("span");
                }
                if (!labels.sourceName(src.id()).equals(ReportLabels.fileName(src.id()))) {
                    h.text(" ").element("span", ReportLabels.fileName(src.id()), "class", "file");
                }
                h.close("th");
                h.open("td");
                if (src.published() != null) {
                    h.open("time", "datetime", HTML_DATE.matcher(src.published()).matches() ? src.published() : null)
                            .text(ReportLabels.dateText(src.published(), false)).close("time");
                    if (src.publishedFrom() != null) {
                        h.open("br").element("span", "from " + fromText(src.publishedFrom()), "class", "from");
                    }
                } else {
                    h.text("unknown");
                }
                h.close("td");
                h.element("td", Integer.toString(src.claims()), "class", "num");
                h.open("td", "class", "num").text(src.coverage().claimed() + " of " + src.coverage().figures());
                if (src.copyOf() != null) {
                    h.open("br").element("span", "copy of " + labels.sourceName(src.copyOf()), "class", "from");
                }
                h.close("td");
                h.close("tr").newline();
            }
            h.close("tbody").close("table").close("div").newline();
            unread();
            List<PageSource> rejected = in.documents().stream().filter(PageSource::rejected).toList();
            h.element("h3", "Rejected documents", "id", "rejected-h", "class", "rejected-h");
            if (rejected.isEmpty()) {
                h.element("p", "None: every document could be read.", "class", "empty");
            } else {
                h.open("ul", "class", "rejected", "aria-labelledby", "rejected-h");
                for (PageSource d : rejected) {
                    h.open("li").element("strong", ReportLabels.fileName(d.id())).text(": ")
                            .text(d.reason() == null ? "no reason recorded" : d.reason()).close("li");
                }
                h.close("ul");
            }
            h.close("section").newline();
        }

        private static String fromText(String publishedFrom) {
            return switch (publishedFrom) {
                case "metadata" -> "the metadata";
                case "html-meta" -> "the page's meta tags";
                case "dateline" -> "the dateline";
                case "upload-time" -> "the upload time";
                default -> publishedFrom;
            };
        }

        // ---- findings -------------------------------------------------------------------------------------------

        private boolean shown(Report.Finding f) {
            return (in.kinds().isEmpty() || in.kinds().contains(f.kind()))
                    && (in.verdicts().isEmpty() || in.verdicts().contains(f.verdict()));
        }

        private void findings() {
            filters();
            h.open("div", "id", "findings").newline();
            for (Section section : Section.values()) {
                List<Report.Finding> findings = new ArrayList<>();
                for (Report.Finding f : report.findings()) {
                    if (f.verdict().equals(section.verdict)) {
                        findings.add(f);
                    }
                }
                if (section == Section.AGREEMENT) {
                    findings.sort(STRONGEST_FIRST);
                }
                section(section, findings);
            }
            h.close("div").newline();
        }

        /** The filter form: GET to this page, so it works without script. */
        private void filters() {
            int shown = (int) report.findings().stream().filter(this::shown).count();
            h.open("form", "id", "filters", "class", "filters", "method", "get", "action", in.formAction(),
                    "aria-labelledby", "filters-h").newline();
            h.element("h2", "Filter the findings", "id", "filters-h", "class", "visually-hidden");
            Map<String, Integer> kindCounts = new LinkedHashMap<>();
            Map<String, Integer> verdictCounts = new LinkedHashMap<>();
            for (Report.Finding f : report.findings()) {
                kindCounts.merge(f.kind(), 1, Integer::sum);
                verdictCounts.merge(f.verdict(), 1, Integer::sum);
            }
            List<String[]> kindOptions = new ArrayList<>();
            for (String k : KINDS) {
                kindOptions.add(new String[] {k, k + " (" + kindCounts.getOrDefault(k, 0) + ")"});
            }
            select("kind", "Kind", "All kinds", kindOptions, in.kinds());
            List<String[]> verdictOptions = new ArrayList<>();
            for (Section s : Section.values()) {
                verdictOptions.add(new String[] {s.verdict, s.badge + " (" + verdictCounts.getOrDefault(s.verdict, 0)
                        + ")"});
            }
            select("verdict", "Verdict", "All verdicts", verdictOptions, in.verdicts());
            h.element("button", "Apply", "type", "submit");
            h.element("p", "Showing " + shown + " of " + report.findings().size() + " findings.", "id",
                    "filter-status", "class", "status", "role", "status", "aria-live", "polite");
            h.close("form").newline();
        }

        private void select(String name, String label, String all, List<String[]> options, Set<String> selected) {
            String id = "filter-" + name;
            h.open("div").element("label", label, "for", id);
            h.open("select", "id", id, "name", name);
            h.element("option", all, "value", "", "selected", selected.isEmpty() ? "" : null);
            boolean single = selected.size() == 1;
            for (String[] option : options) {
                h.element("option", option[1], "value", option[0],
                        "selected", single && selected.contains(option[0]) ? "" : null);
            }
            if (selected.size() > 1) {
                List<String> values = new ArrayList<>();
                for (String[] option : options) {
                    if (selected.contains(option[0])) {
                        values.add(option[0]);
                    }
                }
                h.element("option", String.join(" or ", values), "value", String.join(",", values), "selected", "");
            }
            h.close("select").close("div");
        }

        private void section(Section section, List<Report.Finding> findings) {
            int visible = (int) findings.stream().filter(this::shown).count();
            String headingId = section.id + "-h";
            h.open("section", "id", section.id, "class", "verdict", "data-verdict", section.verdict,
                    "data-total", Integer.toString(findings.size()), "aria-labelledby", headingId).newline();
            boolean collapsed = section == Section.SINGLE_SOURCE;
            if (collapsed) {
                h.open("details", "class", "collapse", "open", in.verdicts().contains(section.verdict) ? "" : null);
                h.open("summary");
            }
            h.open("h2", "id", headingId).text(section.title + " ")
                    .element("span", visible == findings.size() ? "(" + findings.size() + ")"
                            : "(" + visible + " of " + findings.size() + ")", "class", "count")
                    .close("h2");
            if (collapsed) {
                h.close("summary");
            }
            h.newline();
            h.element("p", findings.isEmpty() ? "None found." : "None match the filters.", "class", "empty",
                    "hidden", visible > 0 ? "" : null);
            for (Report.Finding f : findings) {
                finding(section, f);
            }
            if (collapsed) {
                h.close("details");
            }
            h.close("section").newline();
        }

        private void finding(Section section, Report.Finding f) {
            String id = "f-" + (++findingNumber);
            h.open("article", "id", id, "class", "finding v-" + section.verdict, "data-kind", f.kind(),
                    "data-verdict", f.verdict(), "aria-labelledby", id + "-h", "hidden", shown(f) ? null : "")
                    .newline();
            h.element("h3", ReportLabels.heading(f), "id", id + "-h");
            h.open("p", "class", "meta").element("span", section.badge, "class", "badge").text(" " + f.kind()
                    + " \u00b7 confidence " + String.format(Locale.ROOT, "%.2f", f.confidence()) + " \u00b7 key ")
                    .element("code", f.key()).close("p");
            if (f.explanation() != null) {
                h.element("p", f.explanation(), "class", "explanation");
            }
            for (String note : f.notes()) {
                h.open("p", "class", "note").element("strong", "Note: ").text(note).close("p");
            }
            if (section == Section.CONTRADICTION || section == Section.DISPUTED) {
                h.open("div", "class", "sides");
                int n = 0;
                for (Report.Value v : f.values()) {
                    n++;
                    h.open("section", "class", "side", "data-value", v.value(), "aria-label",
                            "Value " + n + " of " + f.values().size() + ": " + ReportLabels.valueText(f.kind(), v));
                    h.open("h4").text(valueWords(f.kind(), v)).close("h4");
                    h.open("p", "class", "by").text((v.attributedTo().isEmpty() ? "Given by " + names(v.sources())
                            : "From " + ReportLabels.joinWords(v.attributedTo()) + ", reported by "
                            + names(v.sources())) + (v.asOf() == null ? "" : ", as of "
                            + ReportLabels.dateText(v.asOf(), false))).close("p");
                    evidence(v);
                    h.close("section");
                }
                h.close("div");
            } else {
                h.open("ul", "class", "values");
                Report.Value previous = null;
                for (Report.Value v : f.values()) {
                    h.open("li").open("p", "class", "by");
                    String turn = section == Section.EVOLVING && previous != null
                            ? ReportLabels.turn(f.kind(), previous, v) : null;
                    if (turn != null) {
                        // the values are in time order: each says which way the figure went since the one before
                        h.element("span", turn.equals("up") ? "\u2191" : turn.equals("down") ? "\u2193" : "\u2192",
                                "class", "turn " + turn, "title", turn.equals("up") ? "higher than before"
                                        : turn.equals("down") ? "lower than before" : "as before", "aria-label",
                                turn.equals("up") ? "up" : turn.equals("down") ? "down" : "as before").text(" ");
                    }
                    h.open("strong").text(valueWords(f.kind(), v)).close("strong")
                            .text(" \u2014 " + names(v.sources()));
                    if (!v.attributedTo().isEmpty()) {
                        h.text(", ").element("span", "citing " + ReportLabels.joinWords(v.attributedTo()),
                                "class", "cites");
                    }
                    if (v.asOf() != null) {
                        h.text(", as of ").open("time", "datetime", HTML_DATE.matcher(v.asOf()).matches()
                                || HTML_TIME.matcher(v.asOf()).matches() ? v.asOf() : null)
                                .text(ReportLabels.dateText(v.asOf(), false)).close("time");
                    }
                    h.close("p");
                    evidence(v);
                    h.close("li");
                    previous = v;
                }
                h.close("ul");
            }
            h.close("article").newline();
        }

        private String valueWords(String kind, Report.Value v) {
            return ReportLabels.valueText(kind, v);
        }

        private String names(List<String> sourceIds) {
            List<String> all = new ArrayList<>();
            for (String id : sourceIds) {
                all.add(labels.sourceName(id));
            }
            return String.join(", ", all);
        }

        private void evidence(Report.Value v) {
            if (v.evidence().isEmpty()) {
                return;
            }
            h.open("ul", "class", "evidence");
            for (Report.EvidenceRef e : v.evidence()) {
                h.open("li");
                quote(e.quote(), e.start(), e.end(), e.sentenceStart());
                h.element("span", "\u2014 " + labels.sourceName(e.source()), "class", "who");
                h.close("li");
            }
            h.close("ul");
            int more = v.evidenceTotal() - v.evidence().size();
            if (more > 0) {
                h.element("p", more + (more == 1 ? " more sentence gives" : " more sentences give")
                        + " this value (the story's claims list them all).", "class", "more");
            }
        }

        /** The sentence, with the claim's own words (offsets relative to the sentence's start) in a mark. */
        private void quote(String quote, Integer start, Integer end, Integer sentenceStart) {
            String q = quote == null ? "" : quote;
            h.open("blockquote");
            int from = -1;
            int to = -1;
            if (start != null && end != null && sentenceStart != null) {
                from = start - sentenceStart;
                to = end - sentenceStart;
            }
            if (from >= 0 && to > from && to <= q.length()) {
                from = avoidSplit(q, from);
                to = avoidSplit(q, to);
                h.text(q.substring(0, from)).element("mark", q.substring(from, to)).text(q.substring(to));
            } else {
                h.text(q);
            }
            h.close("blockquote");
        }

        // ---- timeline -------------------------------------------------------------------------------------------

        private void timeline() {
            h.open("section", "id", "timeline", "aria-labelledby", "timeline-h").newline();
            h.element("h2", "Timeline", "id", "timeline-h");
            h.element("p", "Every dated event across the sources, earliest first. An event that sources date "
                    + "differently appears once for each date.", "class", "from");
            if (in.timeline().isEmpty()) {
                h.element("p", "No dated events.", "class", "empty");
            } else {
                Map<String, Set<String>> datesByKey = new HashMap<>();
                for (Timeline.Entry e : in.timeline()) {
                    datesByKey.computeIfAbsent(e.key(), k -> new LinkedHashSet<>()).add(e.date());
                }
                h.open("ol", "class", "timeline").newline();
                for (Timeline.Entry e : in.timeline()) {
                    h.open("li");
                    boolean dated = !"unknown".equals(e.precision());
                    h.open("time", "datetime", dated && HTML_DATE.matcher(e.date()).matches() ? e.date() : null)
                            .text(dated ? ReportLabels.dateText(e.date(), e.approximate()) : e.date()).close("time");
                    h.text(" ").element("span", "(" + e.precision() + ")", "class", "from").text(" ");
                    h.element("strong", ReportLabels.heading(e.subject(), e.attribute(), "date"));
                    h.text(" \u2014 " + names(e.sources()));
                    Set<String> dates = datesByKey.get(e.key());
                    if (dates.size() > 1) {
                        List<String> others = new ArrayList<>();
                        for (String d : dates) {
                            if (!d.equals(e.date())) {
                                others.add(d);
                            }
                        }
                        h.text(" ").element("span", "(also dated " + String.join(", ", others)
                                + " by a source; the findings say whether that conflicts)", "class", "differs");
                    }
                    h.open("details").element("summary", "Evidence (" + e.evidence().size() + ")");
                    h.open("ul", "class", "evidence");
                    for (Timeline.Mention m : e.evidence()) {
                        h.open("li");
                        quote(m.quote(), m.start(), m.end(), m.sentenceStart());
                        h.element("span", "\u2014 " + labels.sourceName(m.source()), "class", "who");
                        h.close("li");
                    }
                    h.close("ul").close("details");
                    h.close("li").newline();
                }
                h.close("ol").newline();
            }
            h.close("section").newline();
        }
    }

    /** Agreements backed by more sources first, then the more confident; otherwise the report's order. */
    private static final Comparator<Report.Finding> STRONGEST_FIRST = Comparator
            .comparingInt((Report.Finding f) -> distinctSources(f)).reversed()
            .thenComparing(Comparator.comparingDouble(Report.Finding::confidence).reversed());

    private static int distinctSources(Report.Finding f) {
        Set<String> sources = new LinkedHashSet<>();
        for (Report.Value v : f.values()) {
            sources.addAll(v.sources());
        }
        return sources.size();
    }

    private static int avoidSplit(String s, int index) {
        if (index > 0 && index < s.length() && Character.isLowSurrogate(s.charAt(index))
                && Character.isHighSurrogate(s.charAt(index - 1))) {
            return index - 1;
        }
        return index;
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "-" : s;
    }

    private static Map<String, String> headerMap() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", MEDIA_TYPE);
        headers.put("Content-Security-Policy", CSP);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Cache-Control", "no-cache");
        return java.util.Collections.unmodifiableMap(headers);
    }

    private static String resource(String name) {
        try (InputStream in = ReportPage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A CSP source expression allowing exactly this inline text. */
    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
