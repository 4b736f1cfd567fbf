package dev.crosscheck.local;

import com.almworks.sqlite4java.SQLiteConnection;
import com.almworks.sqlite4java.SQLiteException;
import com.almworks.sqlite4java.SQLiteStatement;
import java.io.File;
import java.util.function.Consumer;

/**
 * Puts DynamoDB Local's SQLite file in write-ahead-log mode.
 *
 * <p>DynamoDB Local commits every item it writes as its own SQLite transaction, and leaves SQLite in its default
 * rollback-journal mode, where each commit creates, syncs and deletes a journal file and syncs the database: about
 * four {@code fsync} calls per item. In WAL mode a commit appends to the log and syncs it once; the synchronous level
 * stays SQLite's default (FULL), so a committed write survives a crash as before. The mode is recorded in the
 * database file, and DynamoDB Local's own connection follows it from its next transaction on.
 */
final class WriteAheadLog {

    private WriteAheadLog() {
    }

    /** The threads that run SQLite work queues (one per database DynamoDB Local opens) alive now. */
    static java.util.Set<Thread> databaseThreads() {
        java.util.Set<Thread> threads = new java.util.HashSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("SQLiteQueue[")) {
                threads.add(t);
            }
        }
        return threads;
    }

    /**
     * Waits until the given database threads have ended. DynamoDB Local's shutdown only asks its SQLite queue to stop;
     * the queue closes the database afterwards, and in WAL mode the last connection to close checkpoints the log
     * under a lock: a stack started again in the same process must not open the file before that is done.
     */
    static void awaitClosed(java.util.Set<Thread> threads, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        for (Thread t : threads) {
            t.join(Math.max(1, deadline - System.currentTimeMillis()));
        }
    }

    /**
     * Switches the database to WAL mode (a no-op when it is already); on failure the database is left as it was and
     * the reason is logged. Call after DynamoDB Local has opened the file, which loads SQLite's native library.
     */
    static boolean enable(File database, Consumer<String> log) {
        SQLiteConnection connection = new SQLiteConnection(database);
        try {
            connection.open(false);
            connection.setBusyTimeout(5_000);
            SQLiteStatement pragma = connection.prepare("PRAGMA journal_mode=WAL");
            try {
                pragma.step();
                String mode = pragma.columnString(0);
                if (!"wal".equalsIgnoreCase(mode)) {
                    log.accept("DynamoDB Local's database stays in journal mode " + mode);
                    return false;
                }
                return true;
            } finally {
                pragma.dispose();
            }
        } catch (SQLiteException | RuntimeException e) {
            log.accept("DynamoDB Local's database stays in its default journal mode: " + e.getMessage());
            return false;
        } finally {
            connection.dispose();
        }
    }
}
