package dev.crosscheck.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crosscheck.store.StoryData;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

/** The local stack's DynamoDB Local file runs in write-ahead-log mode, and keeps what was written across restarts. */
class WriteAheadLogTest {

    @TempDir
    Path data;

    @Test
    void theDatabaseIsInWalModeAndAnIngestedArticleSurvivesARestart() throws Exception {
        List<String> log = new ArrayList<>();
        LocalStack.Config config = LocalStack.Config.defaults(data).withPorts(0, 0).withLog(log::add);
        try (LocalStack stack = LocalStack.start(config)) {
            stack.s3().putObject(b -> b.bucket(stack.bucket()).key("wal/a.txt"),
                    RequestBody.fromString("Officials said on Tuesday that 12 people were injured in the fire."));
            stack.awaitIngestion(60_000);
        }
        Path database = data.resolve("dynamodb").resolve("claims.db");
        assertEquals(2, fileFormatVersions(database), "SQLite's header says WAL (read and write versions 2): " + log);
        assertFalse(log.stream().anyMatch(line -> line.contains("journal mode")), String.valueOf(log));

        try (LocalStack stack = LocalStack.start(config)) {
            StoryData story = stack.store().loadStory("wal").orElseThrow();
            assertEquals(1, story.documents().size());
            assertTrue(story.claims().stream().anyMatch(c -> c.value().equals("12")), String.valueOf(story.claims()));
        }
    }

    /** Bytes 18 and 19 of an SQLite database: 1 and 1 in rollback-journal mode, 2 and 2 in WAL mode. */
    private static int fileFormatVersions(Path database) throws Exception {
        try (InputStream in = Files.newInputStream(database)) {
            byte[] header = in.readNBytes(20);
            assertEquals(header[18], header[19]);
            return header[18];
        }
    }
}
