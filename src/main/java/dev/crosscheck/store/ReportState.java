package dev.crosscheck.store;

/**
 * What a story's meta item says of its report.
 *
 * @param version       the story's version: one more with every change applied
 * @param reportVersion the version the stored report reflects (0: none stored yet)
 * @param queued        a computation has been asked for and has not started
 * @param sizes         the stored report's files: bytes by file name ({@link ReportFile#fileName()})
 * @param documents     the documents (ingested or rejected) the stored report covers; -1 when not recorded
 */
public record ReportState(long version, long reportVersion, boolean queued, java.util.Map<String, Long> sizes,
                          long documents) {

    public ReportState {
        sizes = java.util.Map.copyOf(sizes);
    }

    public ReportState(long version, long reportVersion, boolean queued, java.util.Map<String, Long> sizes) {
        this(version, reportVersion, queued, sizes, -1);
    }

    /** The story's documents are all removed, and no change since: the story has ended. */
    public boolean ended() {
        return reportVersion > 0 && documents == 0 && !pending();
    }

    /** The size of one file of the stored report; -1 when unknown. */
    public long size(ReportFile file) {
        return sizes.getOrDefault(file.fileName(), -1L);
    }

    /** Whether a newer report is on its way or due: asked for, or the stored one older than the story. */
    public boolean pending() {
        return queued || reportVersion < version;
    }
}
