package dev.crosscheck.document;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns the bytes of an uploaded article (text, Markdown or HTML) into a normalized {@link Document}.
 *
 * <p>The normalized text is built here, paragraph by paragraph, separated by a blank line; every offset of a
 * {@link Sentence} refers to it. Sentences never cross a paragraph. The first paragraph is the headline when the
 * source marks one (an HTML title, a Markdown heading, a short first line without a sentence end); photo captions
 * are kept apart as {@link Section#CAPTION}.
 *
 * <p>Publication date, in order: the metadata, the HTML head, a dateline in the opening paragraphs, the upload
 * time. Publisher: the metadata, the HTML head, an agency mark in the dateline or closing the article.
 * Anything unreadable is a {@link ReadResult.Rejected} with a short reason; reading never throws.
 */
public final class DocumentReader {

    /** Default largest accepted document, in bytes. */
    public static final long DEFAULT_MAX_BYTES = 5L * 1024 * 1024;

    /** A first line longer than this is a paragraph, not a headline. */
    static final int MAX_HEADLINE = 200;

    /** A first line "By Jane Doe" up to this length is a byline, not a headline. */
    private static final int MAX_BYLINE = 80;

    /** Among how many leading HTML blocks the page's own copy of its title is looked for. */
    private static final int TITLE_COPY_WINDOW = 3;

    /** How many opening body paragraphs may hold the dateline. */
    private static final int DATELINE_PARAGRAPHS = 4;

    private final long maxBytes;

    private enum Format { TEXT, MARKDOWN, HTML }

    private record Paragraph(String text, Section section) {
    }

    public DocumentReader() {
        this(DEFAULT_MAX_BYTES);
    }

    public DocumentReader(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /**
     * The rejection a document of this size gets, or null when its size is acceptable: lets a caller refuse an
     * oversized object before downloading it.
     */
    public String sizeRejection(long bytes) {
        return bytes > maxBytes ? ContentDecoder.tooLarge(bytes, maxBytes) : null;
    }

    /**
     * Reads one document.
     *
     * @param id       the document id (object key or file name); its extension selects the format
     * @param content  the raw bytes
     * @param metadata what the uploader says about it
     */
    public ReadResult read(String id, byte[] content, DocumentMetadata metadata) {
        try {
            return readOrReject(id, content, metadata == null ? DocumentMetadata.none(null) : metadata);
        } catch (RuntimeException | StackOverflowError e) {
            return new ReadResult.Rejected("unreadable document (" + e.getClass().getSimpleName() + ")");
        }
    }

    private ReadResult readOrReject(String id, byte[] content, DocumentMetadata metadata) {
        ContentDecoder.Decoded decoded = ContentDecoder.decode(content, maxBytes);
        if (decoded.rejection() != null) {
            return new ReadResult.Rejected(decoded.rejection());
        }
        String raw = decoded.text();
        Format format = format(id, raw);

        HtmlParser.HtmlContent html = null;
        List<Paragraph> paragraphs;
        if (format == Format.HTML) {
            html = HtmlParser.parse(raw);
            paragraphs = htmlParagraphs(html);
        } else {
            paragraphs = textParagraphs(PlainTextParser.parse(raw, format == Format.MARKDOWN));
        }

        StringBuilder text = new StringBuilder();
        List<Sentence> sentences = new ArrayList<>();
        List<Paragraph> finalParagraphs = new ArrayList<>();
        for (Paragraph paragraph : paragraphs) {
            if (!hasLetter(paragraph.text()) && !Sentence.clockTimeOnly(paragraph.text())) {
                // page numbers, stray figures, rules: nothing a sentence could say ("18:04" over a live blog's entry
                // is its time stamp, and stays)
                continue;
            }
            int index = finalParagraphs.size();
            if (index > 0) {
                text.append("\n\n");
            }
            int base = text.length();
            String p = paragraph.text();
            text.append(p);
            Section section = paragraph.section();
            if (section == Section.HEADLINE) {
                sentences.add(new Sentence(p, base, base + p.length(), index, Section.HEADLINE));
                finalParagraphs.add(paragraph);
                continue;
            }
            List<int[]> spans = SentenceSplitter.split(p);
            if (section == Section.BODY && !spans.isEmpty()) {
                int[] last = spans.get(spans.size() - 1);
                if (Captions.isCaptionParagraph(p, p.substring(last[0], last[1]))) {
                    section = Section.CAPTION;
                }
            }
            for (int[] span : spans) {
                String s = p.substring(span[0], span[1]);
                Section sentenceSection = section == Section.BODY && Captions.isCaptionSentence(s, p)
                        ? Section.CAPTION : section;
                sentences.add(new Sentence(s, base + span[0], base + span[1], index, sentenceSection));
            }
            finalParagraphs.add(new Paragraph(p, section));
        }
        if (sentences.isEmpty()) {
            return new ReadResult.Rejected("no text after cleaning");
        }

        LocalDate uploaded = metadata.uploadedAt() == null ? null
                : metadata.uploadedAt().atOffset(ZoneOffset.UTC).toLocalDate();
        List<String> opening = openingBody(finalParagraphs);
        List<String> texts = new ArrayList<>(finalParagraphs.size());
        for (Paragraph p : finalParagraphs) {
            texts.add(p.text());
        }
        Datelines.Dateline dateline = Datelines.find(opening, Datelines.years(texts, opening, uploaded));

        String given = blankToNull(metadata.published());
        LocalDate published = PublishedDates.parse(given);
        String publishedFrom = "metadata";
        if (published == null && html != null) {
            published = PublishedDates.parse(html.published());
            publishedFrom = "html-meta";
        }
        if (published == null && dateline != null && dateline.date() != null) {
            published = dateline.date();
            publishedFrom = "dateline";
        }
        if (published == null && uploaded != null) {
            published = uploaded;
            publishedFrom = Document.PUBLISHED_FROM_UPLOAD;
        }
        if (published == null) {
            publishedFrom = null;
        }
        List<String> warnings = publishedWarnings(given, published, publishedFrom, uploaded);

        String publisher = blankToNull(metadata.publisher());
        String publisherFrom = "metadata";
        if (publisher == null && html != null && html.publisher() != null) {
            publisher = html.publisher();
            publisherFrom = "html-meta";
        }
        if (publisher == null && dateline != null && dateline.agency() != null) {
            publisher = dateline.agency();
            publisherFrom = "agency-mark";
        }
        if (publisher == null) {
            publisher = closingAgency(finalParagraphs);
            publisherFrom = publisher == null ? null : "agency-mark";
        }

        String title = blankToNull(metadata.title());
        if (title == null && html != null) {
            title = html.title();
        }
        if (title == null && finalParagraphs.get(0).section() == Section.HEADLINE) {
            title = finalParagraphs.get(0).text();
        }
        String url = blankToNull(metadata.url());
        if (url == null && html != null) {
            url = html.url();
        }
        return new ReadResult.Accepted(new Document(id, title, publisher, publisherFrom, published, publishedFrom, url,
                text.toString(), sentences, warnings));
    }

    /** The date a {@code published} value gives; null when it is no date. */
    public static LocalDate publishedDate(String given) {
        return PublishedDates.parse(given);
    }

    /**
     * What was wrong with the {@code published} the uploader gave: a value that is no date (replaced by the next
     * source of a date, which the warning names), or a date more than a day after the upload (kept as given: the
     * uploader may know better, but the reader should see it). The value was a date exactly when the date used came
     * from it: {@code published} is set and {@code publishedFrom} is "metadata".
     */
    public static List<String> publishedWarnings(String given, LocalDate published, String publishedFrom,
                                                 LocalDate uploaded) {
        List<String> warnings = new ArrayList<>();
        if (given == null) {
            return warnings;
        }
        String shown = given.length() > 80 ? given.substring(0, 80) + "…" : given;
        boolean givenUsed = published != null && "metadata".equals(publishedFrom);
        if (!givenUsed) {
            warnings.add("published '" + shown + "' is not a date (YYYY-MM-DD or an ISO date-time): "
                    + (published == null ? "no date was used" : "the date used is " + published + ", from "
                    + publishedFrom));
        } else if (uploaded != null && published.isAfter(uploaded.plusDays(1))) {
            warnings.add("published " + published + " is after the upload (" + uploaded + "): kept as given");
        }
        return warnings;
    }

    private static Format format(String id, String raw) {
        String name = id == null ? "" : id;
        int slash = name.lastIndexOf('/');
        name = name.substring(slash + 1);
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return switch (extension) {
            case "txt", "text" -> HtmlParser.isHtmlPage(raw) ? Format.HTML : Format.TEXT;
            case "md", "markdown" -> HtmlParser.isHtmlPage(raw) ? Format.HTML : Format.MARKDOWN;
            case "html", "htm", "xhtml" -> Format.HTML;
            default -> HtmlParser.looksLikeHtml(raw) ? Format.HTML : Format.TEXT;
        };
    }

    /**
     * Paragraphs of a text or Markdown article. The first is the headline when it is a Markdown heading, or a single
     * short line that does not end a sentence and is not a byline; a repeat of it right after is a headline too.
     */
    private static List<Paragraph> textParagraphs(List<Block> blocks) {
        List<Paragraph> paragraphs = new ArrayList<>(blocks.size());
        for (int i = 0; i < blocks.size(); i++) {
            Block block = blocks.get(i);
            Section section = block.kind() == Block.Kind.CAPTION ? Section.CAPTION : Section.BODY;
            if (i == 0 && isHeadline(block)) {
                section = Section.HEADLINE;
            } else if (i == 1 && paragraphs.get(0).section() == Section.HEADLINE
                    && block.text().equalsIgnoreCase(paragraphs.get(0).text())) {
                section = Section.HEADLINE;
            }
            paragraphs.add(new Paragraph(block.text(), section));
        }
        return paragraphs;
    }

    private static boolean isHeadline(Block block) {
        if (block.kind() == Block.Kind.HEADING) {
            return true;
        }
        String text = block.text();
        if (block.lines() != 1 || text.length() > MAX_HEADLINE) {
            return false;
        }
        if (text.length() <= MAX_BYLINE && text.startsWith("By ") && text.length() > 3
                && Character.isUpperCase(text.charAt(3))) {
            return false;
        }
        int end = text.length();
        while (end > 1 && "\"')]".indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        char last = text.charAt(end - 1);
        return last != '.' && last != '!' && last != '?';
    }

    /**
     * Paragraphs of an HTML article: the title first, as the headline; the page's own copy of it (usually its h1)
     * is dropped when it comes among the first blocks. Without a title, a leading heading is the headline.
     */
    private static List<Paragraph> htmlParagraphs(HtmlParser.HtmlContent html) {
        List<Paragraph> paragraphs = new ArrayList<>();
        String title = html.title();
        if (title != null && TextNormalizer.hasLetterOrDigit(title)) {
            paragraphs.add(new Paragraph(title, Section.HEADLINE));
        }
        boolean titleCopyDropped = false;
        int index = 0;
        for (Block block : html.blocks()) {
            boolean leading = index++ == 0;
            if (!titleCopyDropped && index <= TITLE_COPY_WINDOW && title != null && block.kind() != Block.Kind.CAPTION
                    && sameHeadline(block.text(), title)) {
                titleCopyDropped = true;
                continue;
            }
            Section section = switch (block.kind()) {
                case CAPTION -> Section.CAPTION;
                case HEADING -> leading && paragraphs.isEmpty() ? Section.HEADLINE : Section.BODY;
                case TEXT -> Section.BODY;
            };
            paragraphs.add(new Paragraph(block.text(), section));
        }
        return paragraphs;
    }

    /** An h1 repeating the title, or the title being the h1 plus the site's name ("Headline | Site"). */
    private static boolean sameHeadline(String heading, String title) {
        String h = heading.toLowerCase(Locale.ROOT);
        String t = title.toLowerCase(Locale.ROOT);
        return h.equals(t) || t.startsWith(h) && h.length() >= 0.6 * t.length();
    }

    /**
     * Where a dateline may be: the first body paragraphs, and a headline paragraph before them (a text whose first
     * line is the bare dateline "KATHMANDU, April 25" reads it as its headline).
     */
    private static List<String> openingBody(List<Paragraph> paragraphs) {
        List<String> opening = new ArrayList<>();
        int body = 0;
        for (Paragraph paragraph : paragraphs) {
            if (paragraph.section() == Section.CAPTION) {
                continue;
            }
            opening.add(paragraph.text());
            if (paragraph.section() == Section.BODY && ++body == DATELINE_PARAGRAPHS) {
                break;
            }
        }
        return opening;
    }

    private static String closingAgency(List<Paragraph> paragraphs) {
        for (int i = paragraphs.size() - 1; i >= 0; i--) {
            if (paragraphs.get(i).section() == Section.BODY) {
                return Datelines.endMark(paragraphs.get(i).text());
            }
        }
        return null;
    }

    private static boolean hasLetter(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetter(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
