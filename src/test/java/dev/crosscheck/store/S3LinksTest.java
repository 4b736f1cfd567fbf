package dev.crosscheck.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** Links to stored reports as S3 expects them: virtual-hosted on AWS, the key encoded once, the signature in the query. */
class S3LinksTest {

    private static Map<String, String> query(URL url) {
        Map<String, String> q = new TreeMap<>();
        for (String pair : url.getQuery().split("&")) {
            int eq = pair.indexOf('=');
            q.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return q;
    }

    @Test
    void anAwsLinkIsVirtualHostedWithTheKeyEncodedOnceAndASignatureOfTheHostOnly() {
        S3Links links = new S3Links(StaticCredentialsProvider.create(
                AwsSessionCredentials.create("AKIDEXAMPLE", "secret", "session-token")), "eu-west-1", null);

        URL url = links.link("news-reports-123456789012-eu-west-1", "my+story/7/report.html", Duration.ofMinutes(15));

        assertEquals("https", url.getProtocol());
        assertEquals("news-reports-123456789012-eu-west-1.s3.eu-west-1.amazonaws.com", url.getHost());
        assertEquals("/my%2Bstory/7/report.html", url.getPath(), "a '+' of the key is a '+', not a space");
        Map<String, String> q = query(url);
        assertEquals("AWS4-HMAC-SHA256", q.get("X-Amz-Algorithm"));
        assertTrue(q.get("X-Amz-Credential").startsWith("AKIDEXAMPLE%2F") && q.get("X-Amz-Credential")
                .endsWith("%2Feu-west-1%2Fs3%2Faws4_request"), q.toString());
        assertEquals("900", q.get("X-Amz-Expires"));
        assertEquals("host", q.get("X-Amz-SignedHeaders"));
        assertEquals("session-token", q.get("X-Amz-Security-Token"));
        assertEquals(64, q.get("X-Amz-Signature").length());
    }

    @Test
    void anEmulatorIsAddressedPathStyle() {
        S3Links links = new S3Links(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")),
                "us-east-1", URI.create("http://127.0.0.1:4566/"));
        URL url = links.link("crosscheck-articles-reports", "a%20b/3/report.json", Duration.ofMinutes(1));
        assertEquals("http://127.0.0.1:4566/crosscheck-articles-reports/a%2520b/3/report.json",
                url.toString().substring(0, url.toString().indexOf('?')));
    }
}
