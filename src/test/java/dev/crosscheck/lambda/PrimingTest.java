package dev.crosscheck.lambda;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.crac.Resource;
import org.junit.jupiter.api.Test;

/** The SnapStart priming hook runs the real ingest and report code paths, offline. */
class PrimingTest {

    @Test
    void primingAnalyzesTheBuiltInArticleAndWritesAReport() {
        Priming.Result result = Priming.prime();

        assertTrue(result.claims() >= 4, "the built-in article yields claims to compare: " + result);
        assertTrue(result.reportChars() > 100, "a report was serialized: " + result);
    }

    @Test
    void theHookIsACracResourceThatNeverFailsTheCheckpoint() throws Exception {
        Resource hook = Priming.register();
        hook.beforeCheckpoint(null);
        hook.afterRestore(null);
    }
}
