package dev.crosscheck.compare;

import dev.crosscheck.claim.Claim;
import java.util.List;

/** Aligns a story's claims across sources and judges each group: agreement, contradiction, evolving, single source. */
public final class StoryComparator {

    public Report compare(String story, List<SourceInfo> sources, List<Claim> claims) {
        throw new UnsupportedOperationException("TODO");
    }
}
