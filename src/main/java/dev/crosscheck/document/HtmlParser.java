package dev.crosscheck.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Reads an HTML page: what its head says (title, publication date, publisher, canonical url) and the article's
 * paragraphs. Page furniture is dropped (scripts, navigation, headers and footers, forms, and elements whose id or
 * class names a comment section, share bar, related links and the like, see {@code document/boilerplate-names.txt});
 * the text comes from the {@code <article>} holding the most text (unless it holds little of the page's text: a
 * teaser card), else {@code <main>}, else {@code <body>}.
 * Every traversal is iterative, so deeply nested markup cannot overflow the stack.
 */
final class HtmlParser {

    record HtmlContent(String title, List<Block> blocks, String published, String publisher, String url) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String DROPPED_TAGS = "script, style, nav, footer, header, aside, form, noscript, iframe, "
            + "svg, button, template, object, embed, canvas, select, textarea, dialog, menu";

    private static final Set<String> BLOCK_TAGS = Set.of("p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3",
            "h4", "h5", "h6", "blockquote", "figcaption", "figure", "pre", "section", "article", "main", "table", "tr",
            "caption", "address", "center", "details", "summary", "hr", "br", "body");

    private static final Set<String> HEADING_TAGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");

    private static final List<String> BOILERPLATE = WordList.load("boilerplate-names.txt");

    /** An element named like furniture is kept when it holds more than this share of the page's text. */
    private static final double MAX_BOILERPLATE_SHARE = 0.5;

    /**
     * An {@code <article>} holding less than this share of the paragraph text of the page (or of its main element)
     * is a teaser card, not the article: the page's text is read instead.
     */
    private static final double MIN_ARTICLE_SHARE = 0.3;

    /** Bound on how many such elements get their text measured (the measure walks the element's subtree). */
    private static final int MAX_MEASURED = 200;

    private static final String[] DATE_META = {
        "meta[property='article:published_time']", "meta[property='og:published_time']",
        "meta[name='article:published_time']", "meta[name='date']", "meta[name='pubdate']", "meta[name='publishdate']",
        "meta[name='publish-date']", "meta[name='dc.date']", "meta[name='dc.date.issued']",
        "meta[name='dcterms.date']", "meta[name='sailthru.date']",
        "meta[itemprop='datePublished']",
    };

    private HtmlParser() {
    }

    static HtmlContent parse(String html) {
        org.jsoup.nodes.Document page = Jsoup.parse(html);
        String h1 = textOf(page.selectFirst("h1"));
        String pageTitle = blankToNull(page.title());
        if (pageTitle != null && h1 != null && (pageTitle.startsWith(h1)
                || pageTitle.contains(h1) && h1.length() >= 0.5 * pageTitle.length())) {
            // "Headline | Site name": the h1 is the headline without the site's name
            pageTitle = h1;
        }
        String title = firstNonBlank(
                meta(page, "meta[property='og:title']"),
                meta(page, "meta[name='twitter:title']"),
                pageTitle,
                h1);
        String siteName = meta(page, "meta[property='og:site_name']");
        title = withoutSiteName(title, siteName);
        JsonNode article = jsonLdArticle(page);
        String published = null;
        for (String selector : DATE_META) {
            published = meta(page, selector);
            if (published != null) {
                break;
            }
        }
        if (published == null) {
            Element itemprop = page.selectFirst("[itemprop=datePublished]");
            if (itemprop != null) {
                published = firstNonBlank(itemprop.attr("datetime"), itemprop.attr("content"), itemprop.text());
            }
        }
        if (published == null && article != null) {
            published = text(article.get("datePublished"));
        }
        String publisher = firstNonBlank(siteName, meta(page, "meta[name='publisher']"),
                article == null ? null : publisherName(article.get("publisher")));
        String url = firstNonBlank(meta(page, "meta[property='og:url']"), attr(page.selectFirst("link[rel=canonical]"), "href"));
        if (url != null && !url.startsWith("http")) {
            url = null;
        }

        page.select(DROPPED_TAGS).remove();
        dropBoilerplate(page.body());
        Element container = chooseContainer(page);
        if (published == null) {
            // The first <time> of the article itself, not one of a teaser or a clock in the page's furniture.
            Element time = container.selectFirst("time[datetime]");
            if (time == null) {
                time = page.selectFirst("time[datetime]");
            }
            published = time == null ? null : blankToNull(time.attr("datetime"));
        }
        List<Block> blocks = blocks(container);
        return new HtmlContent(title == null ? null : TextNormalizer.normalize(title), blocks, published,
                publisher == null ? null : TextNormalizer.normalize(publisher), url);
    }

    /** "Headline | Site", "Headline - Site": the headline, when the site's name is known. */
    static String withoutSiteName(String title, String siteName) {
        if (title == null || siteName == null) {
            return title;
        }
        for (String separator : new String[] {" | ", " - ", " \u2013 ", " \u2014 ", " :: ", " \u00b7 "}) {
            String suffix = separator + siteName;
            if (title.length() > suffix.length() && title.toLowerCase(Locale.ROOT).endsWith(suffix.toLowerCase(Locale.ROOT))) {
                return title.substring(0, title.length() - suffix.length()).strip();
            }
        }
        return title;
    }

    /** Whether a text file is in fact a whole HTML page. */
    static boolean isHtmlPage(String text) {
        String head = text.substring(0, Math.min(text.length(), 256)).stripLeading().toLowerCase(Locale.ROOT);
        if (head.startsWith("\ufeff")) {
            head = head.substring(1);
        }
        return head.startsWith("<!doctype html") || head.startsWith("<html");
    }

    /** Whether text that came without a telling file name is an HTML page. */
    static boolean looksLikeHtml(String text) {
        String head = text.substring(0, Math.min(text.length(), 4096)).stripLeading().toLowerCase(Locale.ROOT);
        if (head.startsWith("<!doctype html") || head.startsWith("<html") || head.startsWith("<?xml") && head.contains("<html")) {
            return true;
        }
        return head.startsWith("<") && (head.contains("<body") || head.contains("<head") || head.contains("<p>")
                || head.contains("<div") || head.contains("<article"));
    }

    private static void dropBoilerplate(Element body) {
        if (body == null) {
            return;
        }
        int total = body.text().length();
        int[] measured = {0};
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (!(node instanceof Element element) || element == body) {
                    return FilterResult.CONTINUE;
                }
                String tag = element.normalName();
                if (tag.equals("article") || tag.equals("main") || !namedLikeFurniture(element)) {
                    return FilterResult.CONTINUE;
                }
                if (measured[0]++ >= MAX_MEASURED) {
                    return FilterResult.CONTINUE;
                }
                return element.text().length() > MAX_BOILERPLATE_SHARE * total
                        ? FilterResult.CONTINUE : FilterResult.REMOVE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                return FilterResult.CONTINUE;
            }
        }, body);
    }

    private static boolean namedLikeFurniture(Element element) {
        String names = (element.id() + " " + element.className()).toLowerCase(Locale.ROOT);
        if (names.isBlank()) {
            return false;
        }
        for (String fragment : BOILERPLATE) {
            // The fragment must start a name or a part of one: "post-comments", "comment_list", not "correspondent".
            for (int i = names.indexOf(fragment); i >= 0; i = names.indexOf(fragment, i + 1)) {
                if (i == 0 || !Character.isLetter(names.charAt(i - 1))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Element chooseContainer(org.jsoup.nodes.Document page) {
        Element best = null;
        int bestLength = 0;
        int seen = 0;
        for (Element article : page.select("article")) {
            if (seen++ >= 50) {
                break;
            }
            int length = article.select("p").text().length();
            if (length > bestLength) {
                best = article;
                bestLength = length;
            }
        }
        Element main = page.selectFirst("main, [role=main]");
        Element fallback = main != null && main.text().length() > 0 ? main : page.body() != null ? page.body() : page;
        if (best != null && bestLength >= MIN_ARTICLE_SHARE * fallback.select("p").text().length()) {
            return best;
        }
        if (best != null) {
            // Even the largest <article> is a small part of the page: they are all cards for other stories.
            page.select("article").remove();
        }
        return fallback;
    }

    /**
     * The container's paragraphs: every block element starts and ends one; figcaptions become captions. A table row
     * is one paragraph, its cells separated by " | ", so a figure keeps the label it belongs to.
     */
    private static List<Block> blocks(Element container) {
        List<Block> blocks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean[] cellSeen = {false};
        int[] captionDepth = {0};
        int[] headingDepth = {0};
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode textNode) {
                    current.append(textNode.getWholeText());
                } else if (node instanceof Element element) {
                    String tag = element.normalName();
                    if (BLOCK_TAGS.contains(tag)) {
                        flush();
                    } else if (tag.equals("td") || tag.equals("th")) {
                        if (cellSeen[0]) {
                            current.append(" | ");
                        }
                        cellSeen[0] = true;
                    } else if (tag.equals("img") || tag.equals("input")) {
                        current.append(' ');
                    }
                    if (isCaption(element)) {
                        captionDepth[0]++;
                    }
                    if (HEADING_TAGS.contains(tag)) {
                        headingDepth[0]++;
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element) {
                    String tag = element.normalName();
                    if (BLOCK_TAGS.contains(tag)) {
                        flush();
                    }
                    if (isCaption(element)) {
                        captionDepth[0]--;
                    }
                    if (HEADING_TAGS.contains(tag)) {
                        headingDepth[0]--;
                    }
                }
            }

            private void flush() {
                cellSeen[0] = false;
                if (current.length() == 0) {
                    return;
                }
                String text = TextNormalizer.normalize(current.toString());
                current.setLength(0);
                if (!TextNormalizer.hasLetterOrDigit(text)) {
                    return;
                }
                Block.Kind kind = captionDepth[0] > 0 ? Block.Kind.CAPTION
                        : headingDepth[0] > 0 ? Block.Kind.HEADING : Block.Kind.TEXT;
                blocks.add(new Block(text, kind, 1));
            }
        }, container);
        if (current.length() > 0) {
            String text = TextNormalizer.normalize(current.toString());
            if (TextNormalizer.hasLetterOrDigit(text)) {
                blocks.add(new Block(text, Block.Kind.TEXT, 1));
            }
        }
        return cutTrailer(blocks);
    }

    private static boolean isCaption(Element element) {
        if (element.normalName().equals("figcaption")) {
            return true;
        }
        String names = (element.id() + " " + element.className()).toLowerCase(Locale.ROOT);
        return names.contains("caption") || names.contains("credit");
    }

    private static List<Block> cutTrailer(List<Block> blocks) {
        List<Block> kept = new ArrayList<>(blocks.size());
        for (int i = 0; i < blocks.size(); i++) {
            String text = blocks.get(i).text();
            if (i >= 2 && Trailers.isTrailerMarker(text)) {
                break;
            }
            if (!Trailers.isDroppedLine(text)) {
                kept.add(blocks.get(i));
            }
        }
        return kept;
    }

    /** The JSON-LD object describing the article: the first with a datePublished, top level or inside @graph. */
    private static JsonNode jsonLdArticle(org.jsoup.nodes.Document page) {
        JsonNode fallback = null;
        for (Element script : page.select("script[type=application/ld+json]")) {
            JsonNode root;
            try {
                root = JSON.readTree(script.data());
            } catch (Exception e) {
                continue;
            }
            List<JsonNode> candidates = new ArrayList<>();
            collect(root, candidates);
            if (root != null && root.has("@graph")) {
                collect(root.get("@graph"), candidates);
            }
            for (JsonNode node : candidates) {
                if (node.has("datePublished")) {
                    return node;
                }
                if (fallback == null && node.has("publisher")) {
                    fallback = node;
                }
            }
        }
        return fallback;
    }

    private static void collect(JsonNode node, List<JsonNode> out) {
        if (node == null) {
            return;
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
                if (item.isObject()) {
                    out.add(item);
                    if (item.has("@graph")) {
                        for (JsonNode inner : item.get("@graph")) {
                            if (inner.isObject()) {
                                out.add(inner);
                            }
                        }
                    }
                }
            }
        } else if (node.isObject()) {
            out.add(node);
        }
    }

    private static String publisherName(JsonNode publisher) {
        if (publisher == null) {
            return null;
        }
        if (publisher.isArray()) {
            publisher = publisher.size() > 0 ? publisher.get(0) : null;
        }
        if (publisher == null) {
            return null;
        }
        if (publisher.isTextual()) {
            return blankToNull(publisher.asText());
        }
        return text(publisher.get("name"));
    }

    private static String text(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isArray()) {
            return node.size() > 0 ? text(node.get(0)) : null;
        }
        return node.isValueNode() ? blankToNull(node.asText()) : null;
    }

    private static String meta(org.jsoup.nodes.Document page, String selector) {
        Element e = page.selectFirst(selector);
        return e == null ? null : blankToNull(e.attr("content"));
    }

    private static String attr(Element e, String name) {
        return e == null ? null : blankToNull(e.attr(name));
    }

    private static String textOf(Element e) {
        return e == null ? null : blankToNull(e.text());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }
}
