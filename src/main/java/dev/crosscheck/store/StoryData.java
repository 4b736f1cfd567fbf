package dev.crosscheck.store;

import dev.crosscheck.claim.Claim;
import java.util.List;

/** Everything a report needs of one story: its documents (not removed ones) and their current claims. */
public record StoryData(String story, List<StoredDocument> documents, List<Claim> claims) {
}
