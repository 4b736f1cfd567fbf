package dev.crosscheck.api;

import dev.crosscheck.analysis.ObjectKeys;
import dev.crosscheck.json.SafeJson;
import dev.crosscheck.claim.Claim;
import dev.crosscheck.claim.ClaimKind;
import dev.crosscheck.compare.Report;
import dev.crosscheck.compare.ReportFilter;
import dev.crosscheck.compare.ReportMarkdown;
import dev.crosscheck.compare.SourceInfo;
import dev.crosscheck.compare.StoryComparator;
import dev.crosscheck.compare.Timeline;
import dev.crosscheck.compare.Verdict;
import dev.crosscheck.reports.ReportRenderings;
import dev.crosscheck.store.ClaimPage;
import dev.crosscheck.store.ReportArchive;
import dev.crosscheck.store.ReportFile;
import dev.crosscheck.store.ReportState;
import dev.crosscheck.store.DocumentPage;
import dev.crosscheck.store.DocumentStatus;
import dev.crosscheck.store.StoredDocument;
import dev.crosscheck.store.StoryData;
import dev.crosscheck.store.StoryPage;
import dev.crosscheck.store.StoryRepository;
import dev.crosscheck.web.PageSource;
import dev.crosscheck.web.ReportPage;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The comparison API: routes, parameters, and errors as RFC 9457 problem details. Transport-free: the Lambda handler
 * and the local HTTP server both adapt to it.
 *
 * <p>Every route takes exactly the query parameters {@link #parameters(String)} lists; any other parameter is a 400
 * that names it, so that a misspelt filter never silently returns an unfiltered answer.
 */
public final class StoryApi {

    private static final String JSON = "application/json";
    /** The Markdown rendering of a report (RFC 7763). */
    public static final String MARKDOWN = "text/markdown; charset=utf-8";
    /** The most characters of a caller's text (a parameter name, a path) echoed back in a problem detail. */
    private static final int MAX_ECHO = 80;
    /** Longer parameter values are refused before they are read: no valid value comes close. */
    private static final int MAX_VALUE_LENGTH = 2048;
    private static final Pattern STORY_ROUTE =
            Pattern.compile("^/stories/([^/]+)/(report|claims|sources|timeline|report\\.html|link)$");
    /** A story's own URL: the report page for clients that accept HTML. */
    private static final Pattern STORY_PAGE = Pattern.compile("^/stories/([^/]+)$");
    private static final Pattern LIMIT = Pattern.compile("[0-9]{1,3}");
    /** Stories per page of GET /stories unless {@code limit} says otherwise. */
    public static final int DEFAULT_LIMIT = 50;

    /** Each route, as (method, path template), and the query parameters it takes. */
    private static final Map<String, Set<String>> ROUTES = routeTable();

    private final StoryRepository repository;
    private final StoryComparator comparator;
    private final ReportArchive archive;
    private final long inlineMaxBytes;

    /** An API that computes each report when it is read (kept per story version): the command line, tests. */
    public StoryApi(StoryRepository repository, StoryComparator comparator) {
        this.repository = repository;
        this.comparator = comparator;
        this.archive = null;
        this.inlineMaxBytes = INLINE_MAX_BYTES;
    }

    /**
     * An API that serves the reports the report function stored ({@link ReportArchive}); it never computes one, so
     * neither the comparator nor the extraction models are on its request path.
     */
    public StoryApi(StoryRepository repository, ReportArchive archive) {
        this(repository, archive, INLINE_MAX_BYTES);
    }

    /** @param inlineMaxBytes stored files larger than this are answered with a link (tests make it small) */
    StoryApi(StoryRepository repository, ReportArchive archive, long inlineMaxBytes) {
        this.repository = repository;
        this.comparator = null;
        this.archive = archive;
        this.inlineMaxBytes = inlineMaxBytes;
    }

    private static Map<String, Set<String>> routeTable() {
        Map<String, Set<String>> routes = new LinkedHashMap<>();
        routes.put("GET /stories", new TreeSet<>(List.of("limit", "next")));
        routes.put("GET /stories/{story}/report", new TreeSet<>(List.of("kind", "verdict", "format")));
        routes.put("GET /stories/{story}/claims", new TreeSet<>(List.of("limit", "next")));
        routes.put("GET /stories/{story}/sources", new TreeSet<>(List.of("limit", "next")));
        routes.put("GET /stories/{story}/timeline", new TreeSet<>());
        routes.put("GET /stories/{story}", new TreeSet<>());
        routes.put("GET /stories/{story}/report.html", new TreeSet<>(List.of("kind", "verdict")));
        routes.put("GET /stories/{story}/link", new TreeSet<>(List.of("file", "minutes")));
        routes.replaceAll((k, v) -> Collections.unmodifiableSet(v));
        return Collections.unmodifiableMap(routes);
    }

    /** The routes this API serves, as (method, path template): the OpenAPI document must describe exactly these. */
    public static List<String> routes() {
        return List.copyOf(ROUTES.keySet());
    }

    /** The query parameters a route of {@link #routes()} takes, in name order. */
    public static Set<String> parameters(String route) {
        Set<String> names = ROUTES.get(route);
        if (names == null) {
            throw new IllegalArgumentException("no such route: " + route);
        }
        return names;
    }

    public ApiResponse handle(ApiRequest request) {
        String path = request.path() == null || request.path().isEmpty() ? "/" : request.path();
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        try {
            if (path.equals("/stories")) {
                requireGet(request);
                return stories(checkParameters("GET /stories", request.query()));
            }
            Matcher m = STORY_ROUTE.matcher(path);
            if (m.matches()) {
                requireGet(request);
                String story = storyName(m.group(1), "story");
                Map<String, String> query = checkParameters("GET /stories/{story}/" + m.group(2), request.query());
                String route = m.group(2);
                if (route.equals("link")) {
                    return link(story, query);
                }
                if (archive != null && !route.equals("claims") && !route.equals("sources")) {
                    return stored(story, request, route, query,
                            request.path().endsWith("/") ? "../report.html" : "./report.html");
                }
                return conditional(story, request, route, version -> switch (route) {
                    case "report" -> report(story, query, version);
                    case "report.html" -> page(story, query, request.path().endsWith("/") ? "../report.html"
                            : "./report.html", version);
                    case "claims" -> claims(story, query);
                    case "timeline" -> timeline(story);
                    default -> sources(story, query);
                });
            }
            Matcher page = STORY_PAGE.matcher(path);
            if (page.matches()) {
                requireGet(request);
                String story = storyName(page.group(1), "story");
                checkParameters("GET /stories/{story}", request.query());
                if (!acceptsHtml(request.headers())) {
                    ApiResponse notHtml = problem(404, "Not Found", "This path is the story's report page, served to "
                            + "clients that accept text/html. The report as JSON is at /stories/{story}/report.",
                            echo(path), null);
                    Map<String, String> headers = new LinkedHashMap<>(notHtml.headers());
                    headers.put("Vary", "Accept");
                    return new ApiResponse(404, headers, notHtml.body());
                }
                // "./" keeps a story name such as "a:b" from reading as a URL scheme.
                String action = request.path().endsWith("/") ? "./report.html" : "./" + page.group(1) + "/report.html";
                if (archive != null) {
                    return stored(story, request, "page:" + action, Map.of(), action);
                }
                return conditional(story, request, "page:" + action, version -> page(story, Map.of(), action,
                        version));
            }
            throw ApiException.notFound("No resource at this path. Try GET /stories.");
        } catch (ApiException e) {
            return problem(e.status(), e.title(), e.getMessage(), echo(path), e.parameter());
        } catch (RuntimeException e) {
            return problem(500, "Internal Server Error", "The request could not be completed.", echo(path), null);
        }
    }

    /** The query, once every parameter is one the route takes and no value is absurdly long. */
    private static Map<String, String> checkParameters(String route, Map<String, String> query) {
        Set<String> allowed = ROUTES.get(route);
        for (Map.Entry<String, String> e : new TreeMap<>(query).entrySet()) {
            String name = e.getKey();
            if (!allowed.contains(name)) {
                String takes = allowed.isEmpty() ? "takes no query parameters"
                        : "takes " + String.join(", ", allowed);
                throw ApiException.badParameter(echo(name), "Unknown parameter '" + echo(name) + "'; "
                        + route.substring(4) + " " + takes + ".");
            }
            if (e.getValue() != null && e.getValue().length() > MAX_VALUE_LENGTH) {
                throw ApiException.badParameter(name, "'" + name + "' is too long.");
            }
        }
        return query;
    }

    /** The {@code limit} parameter: a whole number from 1 to {@code max}, else {@code fallback} when absent. */
    private static int limit(Map<String, String> query, int fallback, int max) {
        return wholeNumber(query, "limit", fallback, max);
    }

    /** The parameter {@code name}: a whole number from 1 to {@code max}, else {@code fallback} when absent. */
    private static int wholeNumber(Map<String, String> query, String name, int fallback, int max) {
        String limitText = query.get(name);
        if (limitText == null) {
            return fallback;
        }
        if (!LIMIT.matcher(limitText).matches() || Integer.parseInt(limitText) < 1
                || Integer.parseInt(limitText) > max) {
            throw ApiException.badParameter(name, "'" + name + "' must be a whole number from 1 to " + max + ".");
        }
        return Integer.parseInt(limitText);
    }

    private ApiResponse stories(Map<String, String> query) {
        int limit = limit(query, DEFAULT_LIMIT, StoryRepository.MAX_PAGE);
        String after = query.get("next") == null ? null : PageToken.decode(query.get("next"));
        StoryPage page = repository.listStories(limit, after);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("stories", page.stories());
        if (page.hasMore()) {
            body.put("next", PageToken.encode(page.last()));
        }
        return json(200, body);
    }

    private ApiResponse report(String story, Map<String, String> query, long version) {
        Set<ClaimKind> kinds = parseList(query.get("kind"), "kind", ClaimKind::fromWireName, kindNames());
        Set<Verdict> verdicts = parseList(query.get("verdict"), "verdict", Verdict::fromWireName, verdictNames());
        String format = query.getOrDefault("format", "json");
        if (!format.equals("json") && !format.equals("md")) {
            throw ApiException.badParameter("format", "'format' must be one of [json, md].");
        }
        Report report = computed(story, version).report();
        if (kinds != null || verdicts != null) {
            report = ReportFilter.filter(report, kinds, verdicts);
        }
        if (format.equals("md")) {
            return new ApiResponse(200, Map.of("Content-Type", MARKDOWN), ReportMarkdown.render(report));
        }
        return json(200, report);
    }

    /**
     * The report page of a story: every finding is on it, those the filters leave out hidden, so that the page's
     * script can apply other filters without a request. {@code formAction} is the page's own URL relative to the
     * request's, where the filter form sends its query.
     */
    private ApiResponse page(String story, Map<String, String> query, String formAction, long version) {
        Set<ClaimKind> kinds = parseList(blankToNull(query.get("kind")), "kind", ClaimKind::fromWireName, kindNames());
        Set<Verdict> verdicts = parseList(blankToNull(query.get("verdict")), "verdict", Verdict::fromWireName,
                verdictNames());
        Computed computed = computed(story, version);
        StoryData data = computed.data();
        return pageResponse(ReportPage.render(new ReportPage.Input(computed.report(),
                ReportRenderings.pageSources(data), Timeline.of(data.claims()), wireNames(kinds, ClaimKind::wireName),
                wireNames(verdicts, Verdict::wireName), formAction)));
    }

    private static <T> Set<String> wireNames(Set<T> values, java.util.function.Function<T, String> name) {
        Set<String> names = new TreeSet<>();
        if (values != null) {
            values.forEach(v -> names.add(name.apply(v)));
        }
        return names;
    }

    private static ApiResponse pageResponse(String html) {
        Map<String, String> headers = new LinkedHashMap<>(ReportPage.headers());
        headers.put("Vary", "Accept");
        return new ApiResponse(200, headers, html);
    }

    /** Stored files up to this size are answered inline: even escaped twice over, far under Lambda's 6 MB. */
    static final long INLINE_MAX_BYTES = 2_500_000;
    /** A stored report up to this size is filtered on request; a larger one only linked to. */
    static final long FILTER_MAX_BYTES = 32_000_000;
    /** How long a link to a stored file stays valid. */
    static final java.time.Duration LINK_VALIDITY = java.time.Duration.ofMinutes(15);

    /**
     * A report route answered from the stored report: its version is the validator ({@code ETag},
     * {@code X-Story-Version}), {@code X-Report-Pending} says whether a newer one is on its way, and a story whose
     * first report is still being computed answers 202 with {@code Retry-After}.
     */
    private ApiResponse stored(String story, ApiRequest request, String route, Map<String, String> query,
                               String formAction) {
        String format = query.getOrDefault("format", "json");
        if (route.equals("report") && !format.equals("json") && !format.equals("md")) {
            throw ApiException.badParameter("format", "'format' must be one of [json, md].");
        }
        boolean html = route.equals("report.html") || route.startsWith("page:");
        Set<ClaimKind> kinds = parseList(html ? blankToNull(query.get("kind")) : query.get("kind"), "kind",
                ClaimKind::fromWireName, kindNames());
        Set<Verdict> verdicts = parseList(html ? blankToNull(query.get("verdict")) : query.get("verdict"), "verdict",
                Verdict::fromWireName, verdictNames());
        for (int attempt = 1; ; attempt++) {
            ReportState state = archive.state(story).orElseThrow(() -> unknownStory(story));
            if (state.ended()) {
                throw unknownStory(story);  // every document removed: the story has ended
            }
            if (state.reportVersion() <= 0) {
                return firstReportPending(story, state);
            }
            Map<String, String> validators = new LinkedHashMap<>();
            validators.put("ETag", "\"r" + state.reportVersion() + "-" + representation(route, request) + "\"");
            validators.put("X-Story-Version", Long.toString(state.reportVersion()));
            validators.put("X-Report-Pending", Boolean.toString(state.pending()));
            validators.put("Cache-Control", "no-cache");
            if (matches(request, validators.get("ETag"))) {
                return new ApiResponse(304, validators, "");
            }
            ApiResponse response;
            try {
                response = switch (route) {
                    case "timeline" -> storedFile(story, state, ReportFile.TIMELINE, text -> text);
                    case "report" -> kinds == null && verdicts == null
                            ? storedFile(story, state, format.equals("md") ? ReportFile.MARKDOWN : ReportFile.JSON,
                                    text -> text)
                            : filteredReport(story, state, kinds, verdicts, format);
                    default -> kinds == null && verdicts == null
                            ? storedFile(story, state, ReportFile.PAGE, text -> ReportPage.withBase(text,
                                    formAction.substring(0, formAction.length() - "report.html".length())))
                            : filteredPage(story, state, kinds, verdicts, formAction);
                };
            } catch (MissingReportFile replaced) {
                if (attempt < 3) {
                    continue; // replaced twice between the state and the file: read the new state
                }
                throw replaced;
            }
            Map<String, String> headers = new LinkedHashMap<>(response.headers());
            headers.putAll(validators);
            return new ApiResponse(response.status(), headers, response.body());
        }
    }

    private static ApiResponse firstReportPending(String story, ReportState state) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("story", story);
        body.put("status", "pending");
        body.put("storyVersion", state.version());
        body.put("detail", "The story's first report is being computed; ask again in a moment.");
        return new ApiResponse(202, Map.of("Content-Type", JSON, "Retry-After", "2",
                "X-Report-Pending", "true", "Cache-Control", "no-store"), SafeJson.write(body));
    }

    /** The longest a link handed out by GET /stories/{story}/link stays valid, in minutes. */
    static final int MAX_LINK_MINUTES = 60;

    /**
     * A short-lived link to the story's stored report (the page by default) that a person can open without AWS
     * credentials or access to the API: whoever may call the API may hand one out.
     */
    private ApiResponse link(String story, Map<String, String> query) {
        if (archive == null) {
            throw ApiException.notFound("Links are made to stored reports, which this API does not keep.");
        }
        String fileName = query.getOrDefault("file", "page");
        ReportFile file = switch (fileName) {
            case "page" -> ReportFile.PAGE;
            case "json" -> ReportFile.JSON;
            case "md" -> ReportFile.MARKDOWN;
            default -> throw ApiException.badParameter("file", "'file' must be one of [page, json, md].");
        };
        int minutes = wholeNumber(query, "minutes", MAX_LINK_MINUTES, MAX_LINK_MINUTES);
        ReportState state = archive.state(story).filter(st -> !st.ended())
                .orElseThrow(() -> unknownStory(story));
        if (state.reportVersion() <= 0) {
            return firstReportPending(story, state);
        }
        java.time.Duration validity = java.time.Duration.ofMinutes(minutes);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("story", story);
        body.put("storyVersion", state.reportVersion());
        body.put("pending", state.pending());
        body.put("file", file.fileName());
        body.put("href", archive.link(story, state.reportVersion(), file, validity).toString());
        body.put("expiresInSeconds", validity.toSeconds());
        return new ApiResponse(200, Map.of("Content-Type", JSON, "Cache-Control", "no-store",
                "X-Story-Version", Long.toString(state.reportVersion())), SafeJson.write(body));
    }

    /** A stored file was deleted between reading the story's state and reading the file. */
    private static final class MissingReportFile extends RuntimeException {
        MissingReportFile(String key) {
            super("stored report file " + key + " is gone");
        }
    }

    private static boolean matches(ApiRequest request, String etag) {
        String ifNoneMatch = header(request.headers(), "if-none-match");
        return ifNoneMatch != null && java.util.Arrays.stream(ifNoneMatch.split(","))
                .map(String::strip).map(t -> t.startsWith("W/") ? t.substring(2) : t)
                .anyMatch(t -> t.equals(etag) || t.equals("*"));
    }

    private String readText(String story, ReportState state, ReportFile file) {
        return archive.read(story, state.reportVersion(), file)
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
                .orElseThrow(() -> new MissingReportFile(ReportArchive.key(story, state.reportVersion(), file)));
    }

    /** One stored file as it is (after {@code adapt}), or a link to it when it is too large to answer inline. */
    private ApiResponse storedFile(String story, ReportState state, ReportFile file,
                                   java.util.function.UnaryOperator<String> adapt) {
        long size = state.size(file);
        if (size > inlineMaxBytes) {
            return link(story, state, file, size);
        }
        String body = adapt.apply(readText(story, state, file));
        Map<String, String> headers = file == ReportFile.PAGE ? new LinkedHashMap<>(ReportPage.headers())
                : new LinkedHashMap<>(Map.of("Content-Type", file.contentType()));
        if (file == ReportFile.PAGE) {
            headers.put("Vary", "Accept");
        }
        return new ApiResponse(200, headers, body);
    }

    /** 303 See Other to a short-lived link to a stored file, described in the body too. */
    private ApiResponse link(String story, ReportState state, ReportFile file, long size) {
        String url = archive.link(story, state.reportVersion(), file, LINK_VALIDITY).toString();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("story", story);
        body.put("storyVersion", state.reportVersion());
        body.put("file", file.fileName());
        body.put("bytes", size);
        body.put("href", url);
        body.put("expiresInSeconds", LINK_VALIDITY.toSeconds());
        body.put("detail", "Too large to answer inline; the stored file is at href until it expires.");
        return new ApiResponse(303, Map.of("Content-Type", JSON, "Location", url), SafeJson.write(body));
    }

    private Report storedReport(String story, ReportState state) {
        long size = state.size(ReportFile.JSON);
        if (size > FILTER_MAX_BYTES) {
            throw new ApiException(413, "Content Too Large", "This report (" + size + " bytes) is too large to "
                    + "filter here; GET the report without filters for a link to all of it.", null);
        }
        return dev.crosscheck.json.Json.read(readText(story, state, ReportFile.JSON), Report.class);
    }

    private ApiResponse filteredReport(String story, ReportState state, Set<ClaimKind> kinds, Set<Verdict> verdicts,
                                       String format) {
        Report report = ReportFilter.filter(storedReport(story, state), kinds, verdicts);
        ApiResponse response = format.equals("md")
                ? new ApiResponse(200, Map.of("Content-Type", MARKDOWN), ReportMarkdown.render(report))
                : json(200, report);
        return inline(response);
    }

    private ApiResponse filteredPage(String story, ReportState state, Set<ClaimKind> kinds, Set<Verdict> verdicts,
                                     String formAction) {
        Report report = storedReport(story, state);
        List<PageSource> sources = List.of(dev.crosscheck.json.Json.MAPPER.convertValue(
                dev.crosscheck.json.Json.read(readText(story, state, ReportFile.PAGE_SOURCES), List.class),
                PageSource[].class));
        @SuppressWarnings("unchecked")
        Map<String, Object> timeline = dev.crosscheck.json.Json.read(readText(story, state, ReportFile.TIMELINE),
                Map.class);
        List<Timeline.Entry> events = List.of(dev.crosscheck.json.Json.MAPPER.convertValue(timeline.get("events"),
                Timeline.Entry[].class));
        return inline(pageResponse(ReportPage.render(new ReportPage.Input(report, sources, events,
                wireNames(kinds, ClaimKind::wireName), wireNames(verdicts, Verdict::wireName), formAction))));
    }

    /** A computed answer, refused with 413 when it would be too large to answer inline. */
    private ApiResponse inline(ApiResponse response) {
        if (response.body().length() > inlineMaxBytes / 3
                && response.body().getBytes(StandardCharsets.UTF_8).length > inlineMaxBytes) {
            throw new ApiException(413, "Content Too Large", "The filtered report is too large to answer inline; "
                    + "narrow the filters, or GET the report without filters for a link to all of it.", null);
        }
        return response;
    }

    /** An empty filter (the page's form sends "kind=" for "all kinds") filters nothing. */
    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /**
     * Whether the client asked for HTML: an Accept header naming text/html or application/xhtml+xml with a non-zero
     * quality, as browsers send. A wildcard alone (curl's default) is not taken as asking for HTML.
     */
    static boolean acceptsHtml(Map<String, String> headers) {
        String accept = header(headers, "accept");
        if (accept == null) {
            return false;
        }
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].strip().toLowerCase(java.util.Locale.ROOT);
            if (!type.equals("text/html") && !type.equals("application/xhtml+xml")) {
                continue;
            }
            boolean zero = false;
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].strip().toLowerCase(java.util.Locale.ROOT);
                if (p.startsWith("q=")) {
                    try {
                        zero = Double.parseDouble(p.substring(2).strip()) <= 0;
                    } catch (NumberFormatException ignored) {
                        zero = true;
                    }
                }
            }
            if (!zero) {
                return true;
            }
        }
        return false;
    }

    /**
     * A story route's response, with the story's version as its validator: an {@code ETag} that names the version and
     * the representation (route, query, whether HTML was asked for), {@code X-Story-Version}, and {@code 304 Not
     * Modified} without reading the story when {@code If-None-Match} names the same. A story of unknown version (0)
     * gets no validator.
     */
    private ApiResponse conditional(String story, ApiRequest request, String route,
                                    java.util.function.LongFunction<ApiResponse> respond) {
        long version = repository.version(story);
        if (version <= 0) {
            return respond.apply(0);
        }
        String etag = "\"" + version + "-" + representation(route, request) + "\"";
        if (matches(request, etag)) {
            return new ApiResponse(304, Map.of("ETag", etag, "X-Story-Version", Long.toString(version),
                    "Cache-Control", "no-cache"), "");
        }
        ApiResponse response = respond.apply(version);
        if (response.status() != 200) {
            return response;
        }
        Map<String, String> headers = new LinkedHashMap<>(response.headers());
        headers.put("ETag", etag);
        headers.put("X-Story-Version", Long.toString(version));
        headers.put("Cache-Control", "no-cache");
        return new ApiResponse(200, headers, response.body());
    }

    /** A short digest of what a response represents besides the story's version. */
    private static String representation(String route, ApiRequest request) {
        StringBuilder b = new StringBuilder(route).append('\u0000');
        new TreeMap<>(request.query()).forEach((k, v) -> b.append(k).append('=').append(v).append('\u0000'));
        b.append(acceptsHtml(request.headers()));
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(b.toString().getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A header's value whatever the case of its name (the last, should two spellings be there); null without it. */
    private static String header(Map<String, String> headers, String name) {
        String value = null;
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                value = e.getValue();
            }
        }
        return value;
    }

    /** A story as read at a version, and its report. */
    private record Computed(long version, StoryData data, Report report) {
    }

    /** Stories whose report is kept, the most recently read ones: a report is computed once per version. */
    static final int MEMO_STORIES = 8;
    /** A story with more claims than this is not kept: its report is computed again (bounded memory). */
    static final int MEMO_MAX_CLAIMS = 50_000;
    private final Map<String, Computed> memo = new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Computed> eldest) {
            return size() > MEMO_STORIES;
        }
    };

    /**
     * The story and its report at {@code version}: kept from an earlier request of the same version, else read and
     * computed (and kept, when the version is known and the story not too large).
     */
    private Computed computed(String story, long version) {
        if (version > 0) {
            synchronized (memo) {
                Computed kept = memo.get(story);
                if (kept != null && kept.version() == version) {
                    return kept;
                }
            }
        }
        StoryData data = load(story);
        Computed fresh = new Computed(version, data, buildReport(data));
        if (version > 0 && data.claims().size() <= MEMO_MAX_CLAIMS) {
            synchronized (memo) {
                Computed kept = memo.get(story);
                if (kept == null || kept.version() < version) {
                    memo.put(story, fresh);
                }
            }
        }
        return fresh;
    }

    /** The report of a story's stored claims. */
    public Report buildReport(StoryData data) {
        return ReportRenderings.report(comparator, data);
    }

    /** Claims per page unless the request says: whole documents are added until the page holds this many. */
    static final int DEFAULT_CLAIMS = 500;
    /** The most claims a request may ask for: a page stays well under a megabyte of claims of ordinary articles. */
    static final int MAX_CLAIMS = 2_000;

    private ApiResponse claims(String story, Map<String, String> query) {
        int limit = limit(query, DEFAULT_CLAIMS, MAX_CLAIMS);
        String after = query.get("next") == null ? null : PageToken.decodeDocument(query.get("next"), story);
        ClaimPage page = repository.listClaims(story, limit, after).orElseThrow(() -> unknownStory(story));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("story", story);
        body.put("claims", page.claims());
        if (page.last() != null) {
            body.put("next", PageToken.encode(page.last()));
        }
        return json(200, body);
    }

    private ApiResponse timeline(String story) {
        StoryData data = load(story);
        return json(200, ReportRenderings.timeline(story, Timeline.of(data.claims())));
    }

    private ApiResponse sources(String story, Map<String, String> query) {
        int limit = limit(query, StoryRepository.MAX_PAGE, StoryRepository.MAX_PAGE);
        String after = query.get("next") == null ? null : PageToken.decodeDocument(query.get("next"), story);
        DocumentPage page = repository.listDocuments(story, limit, after).orElseThrow(() -> unknownStory(story));
        List<Map<String, Object>> sources = new ArrayList<>();
        for (StoredDocument d : page.documents()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("id", d.id());
            s.put("status", d.status().wireName());
            s.put("reason", d.reason());
            s.put("title", d.title());
            s.put("publisher", d.publisher());
            s.put("publisherFrom", d.publisherFrom());
            s.put("published", d.published());
            s.put("publishedFrom", d.publishedFrom());
            s.put("url", d.url());
            s.put("claims", d.claims());
            if (!d.warnings().isEmpty()) {
                s.put("warnings", d.warnings());
            }
            if (d.status() == DocumentStatus.INGESTED) {
                s.put("coverage", d.coverage());
            }
            s.put("updatedAt", d.updatedAt());
            sources.add(s);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("story", story);
        body.put("sources", sources);
        if (page.last() != null) {
            body.put("next", PageToken.encode(page.last()));
        }
        return json(200, body);
    }

    private StoryData load(String story) {
        return repository.loadStory(story).orElseThrow(() -> unknownStory(story));
    }

    private static ApiException unknownStory(String story) {
        return ApiException.notFound("No story named '" + story + "'. GET /stories lists them.");
    }

    private static String storyName(String encoded, String parameter) {
        String story;
        try {
            story = URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter(parameter, "The story name is not validly percent-encoded.");
        }
        return checkStoryName(story, parameter);
    }

    /** A story name as the store keeps it: one path segment of 1 to 256 characters, no control characters. */
    static String checkStoryName(String story, String parameter) {
        // the rule ingestion applies too: a document under a story no route could reach is recorded elsewhere
        String problem = ObjectKeys.storyNameProblem(story);
        if (problem == null) {
            return story;
        }
        if (story.isBlank() || story.length() > ObjectKeys.MAX_STORY_LENGTH) {
            throw ApiException.badParameter(parameter, "A story name has 1 to " + ObjectKeys.MAX_STORY_LENGTH
                    + " characters.");
        }
        throw ApiException.badParameter(parameter,
                "A story name is one path segment without control characters, '/', '.' or '..'.");
    }


    /** Text from the request, cut short and without control characters, to quote back in a problem detail. */
    private static String echo(String text) {
        String clean = text.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return clean.length() <= MAX_ECHO ? clean : clean.substring(0, MAX_ECHO) + "...";
    }

    private static void requireGet(ApiRequest request) {
        if (!"GET".equalsIgnoreCase(request.method()) && !"HEAD".equalsIgnoreCase(request.method())) {
            throw new ApiException(405, "Method Not Allowed", "Only GET is supported here.", null);
        }
    }

    /**
     * A filter parameter: one name or several separated by commas (how API Gateway passes a repeated parameter);
     * null when absent.
     */
    private static <T> Set<T> parseList(String value, String parameter, java.util.function.Function<String, T> parser,
                                        List<String> allowed) {
        if (value == null) {
            return null;
        }
        Set<T> parsed = new LinkedHashSet<>();
        for (String name : value.split(",", -1)) {
            try {
                parsed.add(parser.apply(name.strip()));
            } catch (IllegalArgumentException e) {
                throw ApiException.badParameter(parameter, "'" + parameter + "' must be one or more of " + allowed
                        + ", separated by commas.");
            }
        }
        return parsed;
    }

    private static List<String> kindNames() {
        return java.util.Arrays.stream(ClaimKind.values()).map(ClaimKind::wireName).toList();
    }

    private static List<String> verdictNames() {
        return java.util.Arrays.stream(Verdict.values()).map(Verdict::wireName).toList();
    }

    static ApiResponse json(int status, Object body) {
        return new ApiResponse(status, Map.of("Content-Type", JSON), SafeJson.write(body));
    }

    static ApiResponse problem(int status, String title, String detail, String instance, String parameter) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", Problem.MEDIA_TYPE);
        if (status == 405) {
            headers.put("Allow", "GET, HEAD");
        }
        String type = "about:blank";
        return new ApiResponse(status, headers,
                SafeJson.write(new Problem(type, title, status, detail, instance, parameter)));
    }
}
