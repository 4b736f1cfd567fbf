package dev.crosscheck.reports;

import dev.crosscheck.compare.Report;
import dev.crosscheck.compare.StoryComparator;
import dev.crosscheck.store.ClaimStore;
import dev.crosscheck.store.ReportArchive;
import dev.crosscheck.store.ReportFile;
import dev.crosscheck.store.ReportState;
import dev.crosscheck.store.StoryData;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Computes a story's report when asked and stores it with the story's version. It first takes the story's outstanding
 * request (so that any change from then on asks again), then reads the story: the report holds at least every change
 * the version counts. A request finding the stored report as new as the story does nothing: that is how a burst of
 * requests coalesces.
 */
public final class ReportComputation {

    /** What one computation did. */
    public enum Outcome {
        /** computed and stored as the story's report */
        STORED,
        /** the stored report was as new as the story already */
        CURRENT,
        /** computed, but a report as new was stored first by another computation */
        SUPERSEDED,
        /** no such story */
        NO_STORY
    }

    /** @param bytes the stored files' bytes together (0 unless stored) */
    public record Result(Outcome outcome, long version, int sources, int findings, long bytes) {
    }

    private final ClaimStore store;
    private final ReportArchive archive;
    private final StoryComparator comparator;
    private final Map<Outcome, java.util.concurrent.atomic.AtomicLong> counts = new java.util.EnumMap<>(Outcome.class);

    public ReportComputation(ClaimStore store, ReportArchive archive, StoryComparator comparator) {
        this.store = store;
        this.archive = archive;
        this.comparator = comparator;
        for (Outcome o : Outcome.values()) {
            counts.put(o, new java.util.concurrent.atomic.AtomicLong());
        }
    }

    /** How many computations ended with each outcome since this instance was made. */
    public Map<Outcome, Long> counts() {
        Map<Outcome, Long> copy = new java.util.EnumMap<>(Outcome.class);
        counts.forEach((o, n) -> copy.put(o, n.get()));
        return copy;
    }

    public Result compute(String story) {
        Result result = computeOnce(story);
        counts.get(result.outcome()).incrementAndGet();
        return result;
    }

    private Result computeOnce(String story) {
        Optional<ReportState> state = store.takeReportRequest(story);
        if (state.isEmpty()) {
            return new Result(Outcome.NO_STORY, 0, 0, 0, 0);
        }
        long version = state.get().version();
        if (state.get().reportVersion() >= version) {
            return new Result(Outcome.CURRENT, state.get().reportVersion(), 0, 0, 0);
        }
        StoryData data = store.loadStory(story).orElseGet(() -> new StoryData(story, List.of(), List.of()));
        Report report = ReportRenderings.report(comparator, data);
        Map<ReportFile, byte[]> files = ReportRenderings.files(report, data);
        long bytes = files.values().stream().mapToLong(b -> b.length).sum();
        boolean stored = archive.save(story, version, files, data.documents().size());
        return new Result(stored ? Outcome.STORED : Outcome.SUPERSEDED, version, report.sources().size(),
                report.findings().size(), stored ? bytes : 0);
    }
}
