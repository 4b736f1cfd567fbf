package dev.crosscheck.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The arithmetic the capacity model projects with: DynamoDB's sizing rules and the partition simulation. */
class CapacityModelTest {

    @Test
    void itemSizeCountsAttributeNamesAndUtf8Values() {
        // "pk"(2) + "story#x"(7) + "sk"(2) + "doc#é"(6 bytes in UTF-8) + "claims"(6) + number 12 (1 + 1)
        assertEquals(2 + 7 + 2 + 6 + 6 + 2, CapacityModel.itemBytes(Map.of("pk", AttributeValue.fromS("story#x"),
                "sk", AttributeValue.fromS("doc#é"), "claims", AttributeValue.fromN("12"))));
    }

    @Test
    void aListCountsThreeBytesPlusOneAndTheSizeOfEachElement() {
        // "chunk"(5) + list overhead 3 + ("ab" 2 + 1) + ("cde" 3 + 1)
        assertEquals(5 + 3 + 3 + 4, CapacityModel.itemBytes(Map.of("chunk", AttributeValue.fromL(java.util.List.of(
                AttributeValue.fromS("ab"), AttributeValue.fromS("cde"))))));
    }

    @Test
    void writesAreBilledPerStartedKilobyteAndStrongReadsPerStartedFourKilobytes() {
        assertEquals(1, CapacityModel.writeUnits(1));
        assertEquals(1, CapacityModel.writeUnits(1024));
        assertEquals(2, CapacityModel.writeUnits(1025));
        assertEquals(1, CapacityModel.readUnits(4096));
        assertEquals(2, CapacityModel.readUnits(4097));
        assertEquals(1843, CapacityModel.readUnits(7_545_333));
    }

    @Test
    void aPartitionCompletesOnlyWhatFitsItsWriteLimitAndTheRestWaits() {
        int[] burst = new int[10];
        burst[0] = 1000;   // 1,000 articles at once, 10 WCU each: 100 fit in a second
        CapacityModel.Outcome o = CapacityModel.simulate(burst, 1000, 0.25, 0, 10, 1, 5000);
        assertEquals(1000, o.stored());
        assertEquals(10, o.secondsOverWcu() + 1);   // 9 throttled seconds, the last one fits
        assertEquals(9, o.lastIngestSecond());
    }

    @Test
    void limitingConcurrencyKeepsWritesUnderThePartitionLimit() {
        int[] burst = new int[60];
        Arrays.fill(burst, 300);
        CapacityModel.Outcome o = CapacityModel.simulate(burst, 20, 0.25, 0, 12, 2, 7500);
        assertEquals(0, o.secondsOverWcu());
        assertTrue(o.peakWcu() <= 1000);
        assertEquals(18_000, o.stored());
    }

    @Test
    void storedReportsKeepReadsOffThePartitionAndComputeABurstOnce() {
        int[] steady = new int[3600];
        Arrays.fill(steady, 1);
        // 20 reads a second of a story growing by one 7,500-byte article a second: each read is one GetItem, so the
        // reads never reach 3,000 RCU/s (reading the partition per read, they passed it at ~82 articles)
        CapacityModel.Outcome o = CapacityModel.simulate(steady, 1000, 0.25, 20, 12, 2, 7545);
        assertEquals(0, o.secondsOverRcu(), o.toString());
        assertTrue(o.computations() < 3600 / 5, "at most one computation per queue delay: " + o);
        assertTrue(o.maxReportLagSeconds() < 60, o.toString());
        // a burst of 500 articles within a second is computed in a handful of computations
        int[] burst = new int[2];
        burst[0] = 500;
        CapacityModel.Outcome b = CapacityModel.simulate(burst, 1000, 0.25, 0, 12, 2, 7545);
        assertEquals(500, b.stored());
        assertTrue(b.computations() >= 1 && b.computations() <= 3, b.toString());
    }

    @Test
    void poissonArrivalsMeetTheirHourlyRate() {
        int total = Arrays.stream(CapacityModel.poisson(7, 600, 600)).sum();
        assertTrue(total > 1100 && total < 1300, "got " + total);
    }
}
