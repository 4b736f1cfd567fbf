package dev.crosscheck.store;

/**
 * Where a story's report is asked to be computed again. The store asks once per burst of changes: only the change that
 * finds no request outstanding (the story's meta item has no {@code queuedAt}) calls {@link #request}, so a burst of
 * 500 uploads asks a handful of times, not 500. On AWS it is a message to the report queue (SQS FIFO, one message
 * group per story); on the local stack an in-process queue with the same rules.
 */
@FunctionalInterface
public interface ReportRequests {

    /**
     * Asks for the story's report to be computed. Throws when the request could not be made; the store then withdraws
     * its mark, so that the retry of the change asks again.
     */
    void request(String story);
}
