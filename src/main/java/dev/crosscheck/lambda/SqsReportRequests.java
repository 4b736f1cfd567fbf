package dev.crosscheck.lambda;

import dev.crosscheck.store.ReportRequests;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Report requests as messages to the report queue, an SQS FIFO queue: the message group is the story (a digest of
 * its name, which may hold any character), so the report function never computes one story twice at once; every
 * request is its own message (a fresh deduplication id), since the store already sends only one per burst.
 */
public final class SqsReportRequests implements ReportRequests {

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsReportRequests(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void request(String story) {
        sqs.sendMessage(b -> b.queueUrl(queueUrl)
                .messageBody(ReportHandler.messageBody(story))
                .messageGroupId(group(story))
                .messageDeduplicationId(UUID.randomUUID().toString()));
    }

    /** The message group of a story: 64 hexadecimal digits, within what SQS allows whatever the story's name. */
    static String group(String story) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(story.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
