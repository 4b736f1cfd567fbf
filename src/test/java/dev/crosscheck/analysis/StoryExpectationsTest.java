package dev.crosscheck.analysis;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crosscheck.claim.Claim;
import dev.crosscheck.compare.Report;
import dev.crosscheck.compare.SourceInfo;
import dev.crosscheck.compare.StoryComparator;
import dev.crosscheck.document.Document;
import dev.crosscheck.document.DocumentMetadata;
import dev.crosscheck.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Stories from domains the sample corpus does not cover (a storm, company results, a court ruling), each a folder
 * of articles with {@code .meta.json} sidecars and an {@code expected.json}: read, extract and compare every
 * article, then check the report the way the evaluation's scorer does. Every required expectation must be found,
 * and no forbidden finding may appear, above all no contradiction that the articles do not support.
 */
class StoryExpectationsTest {

    private static final Path STORIES = Path.of("src", "test", "resources", "stories");

    static Stream<Path> stories() throws IOException {
        try (Stream<Path> dirs = Files.list(STORIES)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("expected.json"))).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stories")
    void reportMeetsExpectations(Path dir) throws IOException {
        JsonNode expected = Json.MAPPER.readTree(dir.resolve("expected.json").toFile());
        Report report = compare(dir, expected.path("story").asText(dir.getFileName().toString()));
        List<String> problems = new ArrayList<>();
        for (JsonNode e : expected.path("expect")) {
            boolean found = report.findings().stream().anyMatch(f -> matches(f, e));
            if (!found && !e.path("stretch").asBoolean(false)) {
                problems.add("missing " + e.path("id").asText());
            }
        }
        for (JsonNode rule : expected.path("forbid")) {
            for (Report.Finding f : report.findings()) {
                if (forbidden(f, rule)) {
                    problems.add("forbidden " + rule.path("id").asText() + ": " + describe(f));
                }
            }
        }
        assertTrue(problems.isEmpty(), () -> String.join("\n", problems) + "\nfindings:\n"
                + String.join("\n", report.findings().stream().map(StoryExpectationsTest::describe).toList()));
        assertFalse(report.findings().isEmpty());
    }

    private static Report compare(Path dir, String story) throws IOException {
        ArticleAnalyzer analyzer = new ArticleAnalyzer();
        List<SourceInfo> sources = new ArrayList<>();
        List<Claim> claims = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            Path sidecar = file.resolveSibling(name.substring(0, name.length() - 4) + ".meta.json");
            JsonNode meta = Files.exists(sidecar) ? Json.MAPPER.readTree(sidecar.toFile()) : Json.MAPPER.createObjectNode();
            DocumentMetadata metadata = new DocumentMetadata(text(meta, "published"), text(meta, "publisher"),
                    text(meta, "title"), text(meta, "url"), Instant.EPOCH);
            AnalyzedArticle article = analyzer.analyze(name, Files.readAllBytes(file), metadata);
            assertFalse(article.rejected(), () -> name + " rejected: " + article.rejection());
            Document d = article.document();
            sources.add(new SourceInfo(name, d.title(), d.publisher(),
                    d.published() == null ? null : d.published().toString(), d.publishedFrom()));
            claims.addAll(article.claims());
        }
        return new StoryComparator().compare(story, sources, claims);
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    // ---- the scorer's semantics --------------------------------------------------------------------------------

    private static String base(String source) {
        String s = source.endsWith("/") ? source.substring(0, source.length() - 1) : source;
        return s.substring(s.lastIndexOf('/') + 1);
    }

    private static boolean about(Report.Finding f, JsonNode about) {
        if (about.isMissingNode() || about.isEmpty()) {
            return true;
        }
        String t = (nz(f.subject()) + " " + nz(f.key()) + " " + nz(f.attribute())).toLowerCase(Locale.ROOT);
        for (JsonNode w : about) {
            if (t.contains(w.asText().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static Map<String, Set<String>> values(Report.Finding f) {
        Map<String, Set<String>> out = new HashMap<>();
        for (Report.Value v : f.values()) {
            Set<String> s = out.computeIfAbsent(v.value().strip(), k -> new HashSet<>());
            v.sources().forEach(src -> s.add(base(src)));
        }
        return out;
    }

    private static Set<String> sources(JsonNode list) {
        Set<String> out = new HashSet<>();
        list.forEach(n -> out.add(base(n.asText())));
        return out;
    }

    private static boolean matches(Report.Finding f, JsonNode e) {
        String verdict = e.path("verdict").asText();
        if (!verdict.equals(f.verdict()) || !e.path("kind").asText().equals(f.kind()) || !about(f, e.path("about"))) {
            return false;
        }
        Map<String, Set<String>> vm = values(f);
        if (verdict.equals("contradiction")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = e.path("values").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> v = it.next();
                if (!vm.containsKey(v.getKey()) || !vm.get(v.getKey()).containsAll(sources(v.getValue()))) {
                    return false;
                }
            }
            return true;
        }
        Set<String> want = sources(e.path("sources"));
        Set<String> all = new HashSet<>();
        vm.values().forEach(all::addAll);
        if (verdict.equals("single-source") && !all.equals(want)) {
            return false;
        }
        if (e.has("value")) {
            Set<String> behind = vm.get(e.get("value").asText());
            return behind != null && behind.containsAll(want);
        }
        return all.containsAll(want);
    }

    private static boolean forbidden(Report.Finding f, JsonNode rule) {
        if (rule.has("verdict") && !rule.get("verdict").asText().equals(f.verdict())) {
            return false;
        }
        if (rule.has("kind") && !rule.get("kind").asText().equals(f.kind())) {
            return false;
        }
        Map<String, Set<String>> vm = values(f);
        if (rule.has("values_include")) {
            for (JsonNode v : rule.get("values_include")) {
                if (!vm.containsKey(v.asText())) {
                    return false;
                }
            }
        }
        if (rule.has("max_sources")) {
            Set<String> all = new HashSet<>();
            vm.values().forEach(all::addAll);
            return all.size() <= rule.get("max_sources").asInt();
        }
        return true;
    }

    private static String describe(Report.Finding f) {
        StringBuilder b = new StringBuilder("[" + f.verdict() + "/" + f.kind() + "] " + f.key() + ":");
        values(f).forEach((v, s) -> b.append(' ').append(v).append(" <- ").append(new java.util.TreeSet<>(s)).append(';'));
        return b.toString();
    }
}
