package dev.crosscheck.compare;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.crosscheck.claim.Coverage;
import java.util.List;

/** The comparison report of one story, shaped exactly as contract/report.schema.json (version 2). */
@JsonPropertyOrder({"schemaVersion", "story", "generatedAt", "sources", "findings", "summary"})
public record Report(
        int schemaVersion,
        String story,
        String generatedAt,
        List<Source> sources,
        List<Finding> findings,
        Summary summary) {

    public static final int SCHEMA_VERSION = 2;

    /**
     * A document of the story, how many claims it contributed and how much of it was understood.
     *
     * @param copyOf   the id of another source whose text this one largely repeats (a republished wire story), or null
     * @param coverage every figure of its body: part of a claim, or listed as unread
     */
    @JsonPropertyOrder({"id", "title", "publisher", "published", "publishedFrom", "claims", "copyOf", "coverage",
        "warnings"})
    public record Source(String id, String title, String publisher, String published, String publishedFrom, int claims,
                         String copyOf, Coverage coverage,
                         @com.fasterxml.jackson.annotation.JsonInclude(
                                 com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
                         List<String> warnings) {

        public Source {
            coverage = coverage == null ? Coverage.NONE : coverage;
            warnings = warnings == null ? List.of() : List.copyOf(warnings);
        }

        public Source(String id, String title, String publisher, String published, String publishedFrom, int claims,
                      String copyOf, Coverage coverage) {
            this(id, title, publisher, published, publishedFrom, claims, copyOf, coverage, List.of());
        }

        /** A source that is no copy, with nothing known of its coverage. */
        public Source(String id, String title, String publisher, String published, String publishedFrom, int claims) {
            this(id, title, publisher, published, publishedFrom, claims, null, Coverage.NONE);
        }
    }

    /**
     * A group of claims about the same thing, with the verdict on whether the sources agree.
     *
     * @param scope the place or group the figures cover, null for the whole event
     */
    @JsonPropertyOrder({"verdict", "kind", "subject", "key", "attribute", "scope", "values", "confidence",
            "explanation", "notes"})
    public record Finding(
            String verdict,
            String kind,
            String subject,
            String key,
            String attribute,
            String scope,
            List<Value> values,
            double confidence,
            String explanation,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> notes) {

        public Finding {
            notes = notes == null ? List.of() : List.copyOf(notes);
        }

        /** A finding with nothing noted beside its verdict. */
        public Finding(String verdict, String kind, String subject, String key, String attribute, String scope,
                       List<Value> values, double confidence, String explanation) {
            this(verdict, kind, subject, key, attribute, scope, values, confidence, explanation, List.of());
        }

        /** A finding of the whole event. */
        public Finding(String verdict, String kind, String subject, String key, String attribute, List<Value> values,
                       double confidence, String explanation) {
            this(verdict, kind, subject, key, attribute, null, values, confidence, explanation);
        }

        /** This finding with a note added: something the reader should know that is no verdict. */
        public Finding withNote(String note) {
            List<String> more = new java.util.ArrayList<>(notes);
            more.add(note);
            return new Finding(verdict, kind, subject, key, attribute, scope, values, confidence, explanation, more);
        }
    }

    /**
     * One value of a finding and the sources and evidence behind it.
     *
     * @param attributedTo the authorities the sources cite for this value, empty when the outlets state it themselves
     * @param asOf         for running figures, the time the value refers to (else the earliest publication date of
     *                     its sources); null otherwise
     * @param evidence      the sentences shown: at most a few, one of each source first
     * @param evidenceTotal how many sentences give the value, shown or not (the claims route lists them all)
     */
    @JsonPropertyOrder({"value", "display", "approximate", "attributedTo", "asOf", "sources", "evidence",
            "evidenceTotal"})
    public record Value(String value, String display, boolean approximate, List<String> attributedTo, String asOf,
                        List<String> sources, List<EvidenceRef> evidence, int evidenceTotal) {

        public Value {
            attributedTo = attributedTo == null ? List.of() : List.copyOf(attributedTo);
            evidenceTotal = Math.max(evidenceTotal, evidence == null ? 0 : evidence.size());
        }

        /** A value whose every sentence is shown. */
        public Value(String value, String display, boolean approximate, List<String> attributedTo, String asOf,
                     List<String> sources, List<EvidenceRef> evidence) {
            this(value, display, approximate, attributedTo, asOf, sources, evidence, evidence == null ? 0
                    : evidence.size());
        }

        /** A value no authority is cited for, that is no running figure. */
        public Value(String value, String display, boolean approximate, List<String> sources,
                     List<EvidenceRef> evidence) {
            this(value, display, approximate, List.of(), null, sources, evidence);
        }
    }

    /**
     * The sentence a value was read from; {@code start}/{@code end} are offsets in the source's normalized text.
     *
     * @param attributedTo the authority this sentence cites for the value, or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"source", "quote", "start", "end", "sentenceStart", "attributedTo"})
    public record EvidenceRef(String source, String quote, Integer start, Integer end, Integer sentenceStart,
                              String attributedTo) {

        public EvidenceRef(String source, String quote, Integer start, Integer end, Integer sentenceStart) {
            this(source, quote, start, end, sentenceStart, null);
        }
    }

    @JsonPropertyOrder({"agreements", "contradictions", "disputed", "singleSource", "evolving"})
    public record Summary(int agreements, int contradictions, int disputed, int singleSource, int evolving) {

        public Summary(int agreements, int contradictions, int singleSource, int evolving) {
            this(agreements, contradictions, 0, singleSource, evolving);
        }
    }
}
