package dev.crosscheck.local;

import dev.crosscheck.analysis.ArticleAnalyzer;
import dev.crosscheck.claim.Claim;
import dev.crosscheck.document.DocumentMetadata;
import dev.crosscheck.json.Json;
import dev.crosscheck.support.Seeds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Distinct articles made from the seed articles: each is a seed article with one more sentence of its own, uploaded
 * with the seed's metadata, so every upload has its own content and its own known claims.
 */
final class Articles {

    record Article(String key, byte[] body, Map<String, String> metadata) {

        void upload(S3Client s3, String bucket) {
            s3.putObject(b -> b.bucket(bucket).key(key).metadata(metadata), RequestBody.fromBytes(body));
        }

        /** The claims the ingest function must store for this content, as sorted JSON. */
        List<String> expectedClaims(ArticleAnalyzer analyzer) {
            DocumentMetadata meta = new DocumentMetadata(metadata.get("published"), metadata.get("publisher"),
                    metadata.get("title"), metadata.get("url"), Instant.EPOCH);
            List<String> claims = new ArrayList<>();
            for (Claim claim : analyzer.analyze(key, body, meta).claims()) {
                claims.add(Json.write(claim));
            }
            claims.sort(null);
            return claims;
        }
    }

    private Articles() {
    }

    /** Article number {@code n} at {@code key}: a seed article and two sentences whose figures
     * (a count and a duration) tell it from the article numbers near it. */
    static Article variant(String key, int n) {
        String seed = Seeds.FILES.get(n % Seeds.FILES.size());
        try {
            String text = Files.readString(Seeds.file(seed), StandardCharsets.UTF_8);
            int body = text.indexOf("\n\n", text.indexOf("\n\n") + 2);   // after the title and the first paragraph
            text = text.substring(0, body) + "\n\nXi and Putin signed " + (n % 97 + 2)
                    + " agreements on energy. The talks lasted " + (n % 11 + 2) + " hours." + text.substring(body);
            return new Article(key, text.getBytes(StandardCharsets.UTF_8), Seeds.metadata(seed));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
