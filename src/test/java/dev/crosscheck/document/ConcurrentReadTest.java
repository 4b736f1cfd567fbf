package dev.crosscheck.document;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/** One reader shared by many threads (as a warm Lambda container does) gives every thread the same document. */
class ConcurrentReadTest {

    @Test
    void parallelReadsAgreeWithASequentialRead() throws Exception {
        byte[] upi;
        byte[] ani;
        try (InputStream a = getClass().getResourceAsStream("/document/corpus/000_8e30010a3892d27c.txt");
                InputStream b = getClass().getResourceAsStream("/document/corpus/004_ce661559d7daa382.txt")) {
            upi = a.readAllBytes();
            ani = b.readAllBytes();
        }
        DocumentReader reader = new DocumentReader();
        DocumentMetadata metadata = DocumentMetadata.none(Instant.parse("2023-03-25T00:00:00Z"));
        ReadResult expectedUpi = reader.read("upi.txt", upi, metadata);
        ReadResult expectedAni = reader.read("ani.txt", ani, metadata);

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<ReadResult>> upiReads = new ArrayList<>();
            List<Future<ReadResult>> aniReads = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                upiReads.add(pool.submit(() -> reader.read("upi.txt", upi, metadata)));
                aniReads.add(pool.submit(() -> reader.read("ani.txt", ani, metadata)));
            }
            for (int i = 0; i < 100; i++) {
                assertEquals(expectedUpi, upiReads.get(i).get());
                assertEquals(expectedAni, aniReads.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
