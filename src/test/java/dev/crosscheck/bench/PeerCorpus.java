package dev.crosscheck.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The test corpus beside the project ({@code ../shared/corpus}) as the date comparison with a peer parser sees it:
 * every article with its publication date (the reference date relative expressions resolve against), and every date
 * expectation of the stories' {@code expected.json} that names a value, one check per source that must give it.
 */
final class PeerCorpus {

    static final Path ROOT = Path.of("..", "shared", "corpus");

    /** One article: its story, file name, publication date (ISO, from the metadata sidecar) and bytes. */
    record Article(String story, String name, String published, String publisher, byte[] content) {
        String text() {
            return new String(content, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** A date value one source must give: from expectation {@code id} of {@code story}. */
    record DateCheck(String story, String id, String source, String value, boolean stretch) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private PeerCorpus() {
    }

    static boolean present() {
        return Files.isDirectory(ROOT);
    }

    /** Every article of every story, in path order. */
    static List<Article> articles() {
        return articles(ROOT);
    }

    static List<Article> articles(Path root) {
        List<Article> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                Path meta = p.resolveSibling(p.getFileName().toString().replaceFirst("\\.txt$", ".meta.json"));
                JsonNode m = Files.exists(meta) ? JSON.readTree(meta.toFile()) : JSON.createObjectNode();
                out.add(new Article(p.getParent().getFileName().toString(), p.getFileName().toString(),
                        m.path("published").asText(null), m.path("publisher").asText(null), Files.readAllBytes(p)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static List<DateCheck> dateChecks() {
        return dateChecks(ROOT);
    }

    /**
     * The checks of the date expectations with a value: an agreement or single-source finding gives one check per
     * listed source; a contradiction one per value and source. An expectation without a value checks nothing here.
     */
    static List<DateCheck> dateChecks(Path root) {
        List<DateCheck> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(f -> f.getFileName().toString().equals("expected.json")).sorted().toList()) {
                String story = p.getParent().getFileName().toString();
                for (JsonNode e : JSON.readTree(p.toFile()).path("expect")) {
                    if (!e.path("kind").asText().equals("date")) {
                        continue;
                    }
                    Map<String, List<String>> bySource = new LinkedHashMap<>();
                    if (e.has("values")) {
                        e.get("values").fields().forEachRemaining(v -> v.getValue().forEach(
                                s -> bySource.computeIfAbsent(v.getKey(), k -> new ArrayList<>()).add(s.asText())));
                    } else if (e.has("value")) {
                        e.get("sources").forEach(s -> bySource.computeIfAbsent(e.get("value").asText(),
                                k -> new ArrayList<>()).add(s.asText()));
                    }
                    bySource.forEach((value, sources) -> sources.forEach(source -> out.add(new DateCheck(story,
                            e.path("id").asText(), source, value, e.path("stretch").asBoolean(false)))));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
