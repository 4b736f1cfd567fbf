package dev.crosscheck.bench;

import dev.crosscheck.claim.Claim;
import dev.crosscheck.claim.ClaimKind;
import dev.crosscheck.claim.Evidence;
import dev.crosscheck.compare.SourceInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Inputs of the benchmarks: real articles, a large synthetic article, and synthetic stories of any size. */
final class BenchData {

    /** An article and the bytes it has. */
    record Article(String id, byte[] content) {
    }

    private static final ClaimKind[] KINDS = ClaimKind.values();

    private BenchData() {
    }

    /** The seed articles, plus the test corpus beside the project when it is there. */
    static List<Article> corpus() {
        List<Article> articles = new ArrayList<>();
        for (Path root : List.of(Path.of("seeds"), Path.of("..", "shared", "corpus"))) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(p -> p.toString().endsWith(".txt")).sorted().forEach(p -> articles.add(
                        new Article(root.relativize(p).toString(), read(p))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return articles;
    }

    /**
     * A long article made of the corpus's paragraphs with their figures varied, so extraction does real work on every
     * paragraph rather than on repeats.
     */
    static Article largeArticle(int targetBytes) {
        List<String> paragraphs = new ArrayList<>();
        for (Article a : corpus()) {
            for (String p : new String(a.content(), StandardCharsets.UTF_8).split("\n\n")) {
                if (p.length() > 80) {
                    paragraphs.add(p.strip());
                }
            }
        }
        StringBuilder text = new StringBuilder("A long report on many events\n\n");
        for (int i = 0; text.length() < targetBytes; i++) {
            String p = paragraphs.get(i % paragraphs.size());
            int shift = i / paragraphs.size();
            text.append(p.replace("12", Integer.toString(12 + shift % 7)).replace("three", shift % 2 == 0 ? "three" : "four"))
                    .append("\n\n");
        }
        return new Article("large.txt", text.toString().getBytes(StandardCharsets.UTF_8));
    }

    static List<SourceInfo> sources(int n) {
        List<SourceInfo> out = new ArrayList<>(n);
        for (int s = 0; s < n; s++) {
            out.add(new SourceInfo("source-" + s, null, "Publisher " + (s % 50), "2023-03-" + (10 + s % 20), "metadata"));
        }
        return out;
    }

    /**
     * {@code perSource} claims from each of {@code sources} sources over {@code perSource} keys: every kind, a few
     * distinct values per key (so groups have agreements and contradictions), hedged values and running figures.
     */
    static List<Claim> claims(int sources, int perSource) {
        return claims(sources, perSource, false);
    }

    private static final String[] AUTHORITIES = {"Interior Ministry", "the police", "Governor Josh Green"};

    /** The same claims, three in four of them credited to an authority when {@code cited}. */
    static List<Claim> claims(int sources, int perSource, boolean cited) {
        List<Claim> claims = new ArrayList<>(sources * perSource);
        for (int s = 0; s < sources; s++) {
            for (int k = 0; k < perSource; k++) {
                ClaimKind kind = KINDS[k % KINDS.length];
                String value = switch (kind) {
                    case COUNT -> k % 2 == 0 ? String.valueOf(10 + s % 3) : ">" + (s % 5);
                    case QUANTITY -> (7 + s % 2) + " km";
                    case DATE -> "2023-03-" + (10 + s % 5);
                    case DURATION -> "P" + (1 + s % 4) + "D";
                    case PARTICIPANTS -> "Xi Jinping; Vladimir Putin" + (s % 7 == 0 ? "; Mikhail Mishustin" : "");
                    case QUOTE -> "both sides call for a halt " + (s % 3);
                    case STATEMENT -> s % 9 == 0 ? "negated" : "affirmed";
                };
                Claim claim = new Claim(kind, kind.wireName() + ":key" + k, "subject " + k, "attribute", value, value,
                        s % 5 == 0, k == 0, 0.8, new Evidence("source-" + s, "The sentence of claim " + k + ".", 4,
                        12, 0));
                if (cited && s % 4 != 0) {
                    claim = new Claim(claim.kind(), claim.key(), claim.subject(), claim.attribute(), claim.value(),
                            claim.display(), claim.approximate(), claim.running(), claim.confidence(),
                            claim.evidence(), null, AUTHORITIES[s % AUTHORITIES.length], null, null, false);
                }
                claims.add(claim);
            }
        }
        return claims;
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
