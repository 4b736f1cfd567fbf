package dev.crosscheck.compare;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** The comparison report of one story, shaped exactly as contract/report.schema.json (version 1). */
@JsonPropertyOrder({"schemaVersion", "story", "generatedAt", "sources", "findings", "summary"})
public record Report(
        int schemaVersion,
        String story,
        String generatedAt,
        List<Source> sources,
        List<Finding> findings,
        Summary summary) {

    public static final int SCHEMA_VERSION = 1;

    /** A document of the story and how many claims it contributed. */
    @JsonPropertyOrder({"id", "title", "publisher", "published", "publishedFrom", "claims"})
    public record Source(String id, String title, String publisher, String published, String publishedFrom, int claims) {
    }

    /** A group of claims about the same thing, with the verdict on whether the sources agree. */
    @JsonPropertyOrder({"verdict", "kind", "subject", "key", "attribute", "values", "confidence", "explanation"})
    public record Finding(
            String verdict,
            String kind,
            String subject,
            String key,
            String attribute,
            List<Value> values,
            double confidence,
            String explanation) {
    }

    /** One value of a finding and the sources and evidence behind it. */
    @JsonPropertyOrder({"value", "display", "approximate", "sources", "evidence"})
    public record Value(String value, String display, boolean approximate, List<String> sources, List<EvidenceRef> evidence) {
    }

    /** The sentence a value was read from; {@code start}/{@code end} are offsets in the source's normalized text. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"source", "quote", "start", "end", "sentenceStart"})
    public record EvidenceRef(String source, String quote, Integer start, Integer end, Integer sentenceStart) {
    }

    @JsonPropertyOrder({"agreements", "contradictions", "singleSource", "evolving"})
    public record Summary(int agreements, int contradictions, int singleSource, int evolving) {
    }
}
