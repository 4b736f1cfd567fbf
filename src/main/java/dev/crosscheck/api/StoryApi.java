package dev.crosscheck.api;

import dev.crosscheck.claim.Claim;
import dev.crosscheck.claim.ClaimKind;
import dev.crosscheck.compare.Report;
import dev.crosscheck.compare.ReportFilter;
import dev.crosscheck.compare.SourceInfo;
import dev.crosscheck.compare.StoryComparator;
import dev.crosscheck.compare.Verdict;
import dev.crosscheck.json.Json;
import dev.crosscheck.store.DocumentStatus;
import dev.crosscheck.store.StoredDocument;
import dev.crosscheck.store.StoryData;
import dev.crosscheck.store.StoryRepository;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The comparison API: routes, parameters, and errors as RFC 9457 problem details. Transport-free: the Lambda handler
 * and the local HTTP server both adapt to it.
 */
public final class StoryApi {

    private static final String JSON = "application/json";
    private static final int MAX_STORY_LENGTH = 256;
    private static final Pattern STORY_ROUTE = Pattern.compile("^/stories/([^/]+)/(report|claims|sources)$");
    private static final Set<String> REPORT_PARAMETERS = Set.of("kind", "verdict");

    private final StoryRepository repository;
    private final StoryComparator comparator;

    public StoryApi(StoryRepository repository, StoryComparator comparator) {
        this.repository = repository;
        this.comparator = comparator;
    }

    /** The routes this API serves, as (method, path template): the OpenAPI document must describe exactly these. */
    public static List<String> routes() {
        return List.of("GET /stories", "GET /stories/{story}/report", "GET /stories/{story}/claims",
                "GET /stories/{story}/sources");
    }

    public ApiResponse handle(ApiRequest request) {
        String path = request.path() == null || request.path().isEmpty() ? "/" : request.path();
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        try {
            if (path.equals("/stories")) {
                requireGet(request);
                return json(200, Map.of("stories", repository.listStories()));
            }
            Matcher m = STORY_ROUTE.matcher(path);
            if (m.matches()) {
                requireGet(request);
                String story = storyName(m.group(1));
                return switch (m.group(2)) {
                    case "report" -> report(story, request.query());
                    case "claims" -> claims(story);
                    default -> sources(story);
                };
            }
            throw ApiException.notFound("No resource at this path. Try GET /stories.");
        } catch (ApiException e) {
            return problem(e.status(), e.title(), e.getMessage(), path, e.parameter());
        } catch (RuntimeException e) {
            return problem(500, "Internal Server Error", "The request could not be completed.", path, null);
        }
    }

    private ApiResponse report(String story, Map<String, String> query) {
        for (String name : query.keySet()) {
            if (!REPORT_PARAMETERS.contains(name)) {
                throw ApiException.badParameter(name, "Unknown parameter '" + name + "'; the report takes "
                        + String.join(", ", REPORT_PARAMETERS.stream().sorted().toList()) + ".");
            }
        }
        ClaimKind kind = parse(query.get("kind"), "kind", ClaimKind::fromWireName, kindNames());
        Verdict verdict = parse(query.get("verdict"), "verdict", Verdict::fromWireName, verdictNames());
        Report report = buildReport(load(story));
        if (kind != null || verdict != null) {
            report = ReportFilter.filter(report, kind == null ? null : Set.of(kind),
                    verdict == null ? null : Set.of(verdict));
        }
        return json(200, report);
    }

    /** The report of a story's stored claims. */
    public Report buildReport(StoryData data) {
        List<SourceInfo> sources = new ArrayList<>();
        for (StoredDocument d : data.documents()) {
            if (d.status() == DocumentStatus.INGESTED) {
                sources.add(new SourceInfo(d.id(), d.title(), d.publisher(), d.published(), d.publishedFrom()));
            }
        }
        return comparator.compare(data.story(), sources, data.claims());
    }

    private ApiResponse claims(String story) {
        StoryData data = load(story);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("story", story);
        body.put("claims", data.claims());
        return json(200, body);
    }

    private ApiResponse sources(String story) {
        StoryData data = load(story);
        List<Map<String, Object>> sources = new ArrayList<>();
        for (StoredDocument d : data.documents()) {
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
            s.put("updatedAt", d.updatedAt());
            sources.add(s);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("story", story);
        body.put("sources", sources);
        return json(200, body);
    }

    private StoryData load(String story) {
        return repository.loadStory(story)
                .orElseThrow(() -> ApiException.notFound("No story named '" + story + "'. GET /stories lists them."));
    }

    private static String storyName(String encoded) {
        String story;
        try {
            story = URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter("story", "The story name is not validly percent-encoded.");
        }
        if (story.isBlank() || story.length() > MAX_STORY_LENGTH) {
            throw ApiException.badParameter("story", "A story name has 1 to " + MAX_STORY_LENGTH + " characters.");
        }
        if (story.equals(".") || story.equals("..") || story.contains("/")
                || story.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw ApiException.badParameter("story",
                    "A story name is one path segment without control characters, '/', '.' or '..'.");
        }
        return story;
    }

    private static void requireGet(ApiRequest request) {
        if (!"GET".equalsIgnoreCase(request.method()) && !"HEAD".equalsIgnoreCase(request.method())) {
            throw new ApiException(405, "Method Not Allowed", "Only GET is supported here.", null);
        }
    }

    private static <T> T parse(String value, String parameter, java.util.function.Function<String, T> parser,
                               List<String> allowed) {
        if (value == null) {
            return null;
        }
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter(parameter, "'" + parameter + "' must be one of " + allowed + ".");
        }
    }

    private static List<String> kindNames() {
        return java.util.Arrays.stream(ClaimKind.values()).map(ClaimKind::wireName).toList();
    }

    private static List<String> verdictNames() {
        return java.util.Arrays.stream(Verdict.values()).map(Verdict::wireName).toList();
    }

    static ApiResponse json(int status, Object body) {
        return new ApiResponse(status, Map.of("Content-Type", JSON), Json.write(body));
    }

    static ApiResponse problem(int status, String title, String detail, String instance, String parameter) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", Problem.MEDIA_TYPE);
        if (status == 405) {
            headers.put("Allow", "GET, HEAD");
        }
        String type = "about:blank";
        return new ApiResponse(status, headers, Json.write(new Problem(type, title, status, detail, instance, parameter)));
    }
}
