package dev.crosscheck.analysis;

import dev.crosscheck.document.DocumentMetadata;
import dev.crosscheck.document.DocumentReader;
import dev.crosscheck.document.ReadResult;
import dev.crosscheck.compare.TextPrint;
import dev.crosscheck.extract.ClaimExtractor;

/** Reading and extraction, the pipeline every entry point (Lambda, local stack, command line) shares. */
public final class ArticleAnalyzer {

    private final DocumentReader reader;
    private final ClaimExtractor extractor;

    public ArticleAnalyzer() {
        this(new DocumentReader(), new ClaimExtractor());
    }

    public ArticleAnalyzer(DocumentReader reader, ClaimExtractor extractor) {
        this.reader = reader;
        this.extractor = extractor;
    }

    public AnalyzedArticle analyze(String id, byte[] content, DocumentMetadata metadata) {
        ReadResult result = reader.read(id, content, metadata);
        if (result instanceof ReadResult.Rejected rejected) {
            return AnalyzedArticle.rejected(id, rejected.reason());
        }
        var document = ((ReadResult.Accepted) result).document();
        ClaimExtractor.Extraction extraction = extractor.analyze(document);
        return new AnalyzedArticle(id, document, null, extraction.claims(), extraction.coverage(),
                TextPrint.of(document.text()), extraction.eventPlaces());
    }

    /**
     * The article an object of this size would be, if its size alone rejects it (then it need not be downloaded);
     * null otherwise.
     */
    public AnalyzedArticle rejectBySize(String id, long bytes) {
        String reason = reader.sizeRejection(bytes);
        return reason == null ? null : AnalyzedArticle.rejected(id, reason);
    }
}
