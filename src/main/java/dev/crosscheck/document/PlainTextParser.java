package dev.crosscheck.document;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits plain text or Markdown into paragraphs. A blank line always ends a paragraph. Inside a block, lines are
 * joined when the text is hard-wrapped (most lines of a similar, moderate length) or when a line plainly continues
 * the previous one (no sentence end before it, lowercase or a number after); otherwise each line is its own paragraph, which is
 * how pasted articles come. Page furniture after the article ({@link Trailers}) is cut. For Markdown, markup is
 * stripped: headings, emphasis, links (their text kept), images, code fences (their content dropped: code is not
 * article prose), list and quote markers, tables' pipes, HTML tags; a YAML front matter block is dropped, its
 * title kept as the leading heading.
 */
final class PlainTextParser {

    private enum Type { PLAIN, HEADING, ITEM, QUOTE, BLANK }

    private record Line(String text, Type type) {
    }

    // Every pattern below matches from a fixed opening character and scans with a negated class that stops at the
    // next delimiter, so matching stays linear in the line length whatever the input.
    private static final Pattern IMAGE = Pattern.compile("!\\[[^\\[\\]]*\\]\\([^()\\s]*(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern LINK = Pattern.compile("\\[([^\\[\\]]*)\\]\\([^()\\s]*(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern REFERENCE_LINK = Pattern.compile("\\[([^\\[\\]]+)\\]\\[[^\\[\\]]*\\]");
    private static final Pattern AUTOLINK = Pattern.compile("<((?:https?|mailto):[^<>\\s]*)>");
    private static final Pattern HTML_TAG = Pattern.compile("</?[A-Za-z][^<>]{0,200}>");
    private static final Pattern CODE = Pattern.compile("(?<!`)`++([^`]++)`++");
    private static final Pattern STRONG_STAR = Pattern.compile("\\*\\*([^*]+)\\*\\*");
    private static final Pattern STRONG_UNDERSCORE = Pattern.compile("__([^_]+)__");
    private static final Pattern STRIKE = Pattern.compile("~~([^~]+)~~");
    private static final Pattern EM_STAR = Pattern.compile("(?<![\\p{L}\\p{N}*\\\\])\\*([^*\\s][^*]*)\\*(?![\\p{L}\\p{N}*])");
    private static final Pattern EM_UNDERSCORE =
            Pattern.compile("(?<![\\p{L}\\p{N}_\\\\])_([^_\\s][^_]*)_(?![\\p{L}\\p{N}_])");
    private static final Pattern ESCAPE = Pattern.compile("\\\\([\\\\`*_{}\\[\\]()#+\\-.!>|~])");
    private static final Pattern REFERENCE_DEFINITION = Pattern.compile("^ {0,3}\\[[^\\[\\]]+\\]:\\s*\\S+.*$");
    private static final Pattern ORDERED_ITEM = Pattern.compile("^\\s{0,6}\\d{1,9}[.)]\\s+");

    /** A YAML front matter block longer than this is not one. */
    private static final int MAX_FRONT_MATTER = 60;

    /** Lines of a hard-wrapped text: moderate length, and none much longer. */
    private static final int WRAP_MIN = 30;
    private static final int WRAP_MAX = 100;

    private PlainTextParser() {
    }

    static List<Block> parse(String text, boolean markdown) {
        List<String> raw = splitLines(text);
        String frontMatterTitle = null;
        if (markdown) {
            int end = frontMatterEnd(raw);
            if (end > 0) {
                frontMatterTitle = frontMatterTitle(raw.subList(1, end));
                raw = raw.subList(end + 1, raw.size());
            }
        }
        raw = cutTrailer(raw);
        List<Line> lines = markdown ? markdownLines(raw) : plainLines(raw);
        if (frontMatterTitle != null) {
            lines.add(0, new Line(frontMatterTitle, Type.HEADING));
            lines.add(1, new Line("", Type.BLANK));
        }
        boolean wrapped = looksHardWrapped(lines);
        List<Block> blocks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        Type currentType = Type.BLANK;
        int currentLines = 0;
        String previous = null;
        for (Line line : lines) {
            boolean join = switch (line.type()) {
                case PLAIN -> currentType != Type.BLANK && currentType != Type.HEADING
                        && (wrapped || continues(previous, line.text()));
                case QUOTE -> currentType == Type.QUOTE;
                default -> false;
            };
            if (join) {
                current.append(' ').append(line.text());
                currentLines++;
            } else {
                flush(blocks, current, currentType, currentLines);
                if (line.type() != Type.BLANK) {
                    current.append(line.text());
                    currentLines = 1;
                }
                currentType = line.type();
            }
            previous = line.type() == Type.BLANK ? null : line.text();
        }
        flush(blocks, current, currentType, currentLines);
        return blocks;
    }

    /** The index of the line closing a YAML front matter block opened by "---" on the first line, or -1. */
    private static int frontMatterEnd(List<String> lines) {
        if (lines.isEmpty() || !lines.get(0).strip().equals("---")) {
            return -1;
        }
        for (int i = 1; i < Math.min(lines.size(), MAX_FRONT_MATTER); i++) {
            String line = lines.get(i).strip();
            if (line.equals("---") || line.equals("...")) {
                return i;
            }
            if (!line.isEmpty() && !line.startsWith("#") && !line.startsWith("-") && !line.startsWith(" ")
                    && line.indexOf(':') < 0 && !Character.isWhitespace(lines.get(i).charAt(0))) {
                return -1;
            }
        }
        return -1;
    }

    /** The front matter's "title:" value, unquoted, or null. */
    private static String frontMatterTitle(List<String> lines) {
        for (String line : lines) {
            if (line.startsWith("title:")) {
                String value = line.substring("title:".length()).strip();
                if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                        || value.startsWith("'") && value.endsWith("'"))) {
                    value = value.substring(1, value.length() - 1);
                }
                return value.isBlank() ? null : value;
            }
        }
        return null;
    }

    private static void flush(List<Block> blocks, StringBuilder current, Type type, int lines) {
        if (current.length() > 0) {
            String text = TextNormalizer.normalize(current.toString());
            if (TextNormalizer.hasLetterOrDigit(text)) {
                blocks.add(new Block(text, type == Type.HEADING ? Block.Kind.HEADING : Block.Kind.TEXT, lines));
            }
            current.setLength(0);
        }
    }

    /** Whether {@code next} carries on the sentence {@code previous} left open. */
    private static boolean continues(String previous, String next) {
        if (previous == null || next.isBlank()) {
            return false;
        }
        String p = previous.stripTrailing();
        String n = next.stripLeading();
        if (p.isEmpty() || n.isEmpty()) {
            return false;
        }
        char last = p.charAt(p.length() - 1);
        if (last == '.' || last == '!' || last == '?' || last == ':' || last == '"' || last == '\'' || last == ')') {
            return false;
        }
        return Character.isLowerCase(n.charAt(0)) || Character.isDigit(n.charAt(0));
    }

    private static boolean looksHardWrapped(List<Line> lines) {
        int candidates = 0;
        int inBand = 0;
        for (int i = 0; i + 1 < lines.size(); i++) {
            Line line = lines.get(i);
            if (line.type() != Type.PLAIN || lines.get(i + 1).type() != Type.PLAIN) {
                continue;
            }
            int length = line.text().strip().length();
            if (length > WRAP_MAX) {
                return false;
            }
            candidates++;
            if (length >= WRAP_MIN) {
                inBand++;
            }
        }
        return candidates >= 3 && inBand >= 0.8 * candidates;
    }

    static List<String> splitLines(String text) {
        List<String> lines = new ArrayList<>();
        int n = text.length();
        int lineStart = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c > '\r' && c != '\u0085' && c != '\u2028' && c != '\u2029') {
                continue;
            }
            switch (c) {
                case '\r' -> {
                    lines.add(text.substring(lineStart, i));
                    if (i + 1 < n && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    lineStart = i + 1;
                }
                case '\n', '\u2028', '\u000B', '\u000C', '\u0085' -> {
                    lines.add(text.substring(lineStart, i));
                    lineStart = i + 1;
                }
                case '\u2029' -> {
                    lines.add(text.substring(lineStart, i));
                    lines.add("");
                    lineStart = i + 1;
                }
                default -> {
                }
            }
        }
        lines.add(text.substring(lineStart));
        return lines;
    }

    /**
     * Drops everything from the first trailer marker line on, once some article text has been seen, and single
     * furniture lines ("Also Read: ...") anywhere.
     */
    static List<String> cutTrailer(List<String> lines) {
        List<String> kept = new ArrayList<>(lines.size());
        int seen = 0;
        for (String line : lines) {
            if (line.isBlank()) {
                kept.add(line);
                continue;
            }
            if (seen >= 2 && Trailers.isTrailerMarker(line)) {
                break;
            }
            seen++;
            if (Trailers.isDroppedLine(line)) {
                // a blank line in its place keeps the lines around it from being joined across it
                kept.add("");
            } else {
                kept.add(line);
            }
        }
        return kept;
    }

    private static List<Line> plainLines(List<String> raw) {
        List<Line> lines = new ArrayList<>(raw.size());
        for (String line : raw) {
            lines.add(line.isBlank() ? new Line("", Type.BLANK) : new Line(line.strip(), Type.PLAIN));
        }
        return lines;
    }

    private static List<Line> markdownLines(List<String> raw) {
        List<Line> lines = new ArrayList<>(raw.size());
        String fence = null;
        for (String rawLine : raw) {
            String trimmed = rawLine.strip();
            if (fence != null) {
                if (trimmed.startsWith(fence)) {
                    fence = null;
                    lines.add(new Line("", Type.BLANK));
                }
                continue;
            }
            if (trimmed.startsWith("```") || trimmed.startsWith("~~~")) {
                fence = trimmed.substring(0, 3);
                lines.add(new Line("", Type.BLANK));
                continue;
            }
            if (trimmed.isEmpty()) {
                lines.add(new Line("", Type.BLANK));
                continue;
            }
            if (isRule(trimmed, '=') || isRule(trimmed, '-')) {
                // Setext underline: the line above is a heading; otherwise a thematic break.
                Line above = lines.isEmpty() ? null : lines.get(lines.size() - 1);
                if (above != null && above.type() == Type.PLAIN) {
                    lines.set(lines.size() - 1, new Line(above.text(), Type.HEADING));
                }
                lines.add(new Line("", Type.BLANK));
                continue;
            }
            if (isRule(trimmed, '*') || isRule(trimmed, '_') || REFERENCE_DEFINITION.matcher(rawLine).matches()) {
                lines.add(new Line("", Type.BLANK));
                continue;
            }
            if (trimmed.startsWith("|") && isTableRule(trimmed)) {
                continue;
            }
            Type type = Type.PLAIN;
            String body = trimmed;
            int hashes = 0;
            while (hashes < body.length() && body.charAt(hashes) == '#') {
                hashes++;
            }
            if (hashes >= 1 && hashes <= 6 && (hashes == body.length() || body.charAt(hashes) == ' ')) {
                type = Type.HEADING;
                body = stripClosingHashes(body.substring(hashes));
            } else if (body.startsWith(">")) {
                type = Type.QUOTE;
                while (body.startsWith(">")) {
                    body = body.substring(1).stripLeading();
                }
            } else if (body.length() > 1 && "-*+".indexOf(body.charAt(0)) >= 0 && body.charAt(1) == ' ') {
                type = Type.ITEM;
                body = body.substring(2);
            } else if (ORDERED_ITEM.matcher(body).lookingAt()) {
                type = Type.ITEM;
                body = ORDERED_ITEM.matcher(body).replaceFirst("");
            } else if (body.startsWith("|")) {
                type = Type.ITEM;
                body = body.replace('|', ' ');
            }
            String text = stripInline(body).strip();
            lines.add(text.isEmpty() ? new Line("", Type.BLANK) : new Line(text, type));
        }
        return lines;
    }

    /** A table's header rule: "|---|:---:|". */
    private static boolean isTableRule(String trimmed) {
        boolean dash = false;
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c == '-') {
                dash = true;
            } else if (c != '|' && c != ':' && c != ' ' && c != '\t') {
                return false;
            }
        }
        return dash;
    }

    private static boolean isRule(String trimmed, char c) {
        int count = 0;
        for (int i = 0; i < trimmed.length(); i++) {
            char x = trimmed.charAt(i);
            if (x == c) {
                count++;
            } else if (x != ' ') {
                return false;
            }
        }
        return count >= 3 || c == '=' && count >= 1;
    }

    private static String stripClosingHashes(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        int hashes = end;
        while (hashes > 0 && s.charAt(hashes - 1) == '#') {
            hashes--;
        }
        if (hashes < end && (hashes == 0 || s.charAt(hashes - 1) == ' ')) {
            end = hashes;
        }
        return s.substring(0, end);
    }

    /** Removes inline Markdown markup, keeping the words a reader sees. */
    static String stripInline(String s) {
        if (s.indexOf('[') >= 0) {
            s = IMAGE.matcher(s).replaceAll("");
            s = LINK.matcher(s).replaceAll("$1");
            s = REFERENCE_LINK.matcher(s).replaceAll("$1");
        }
        if (s.indexOf('<') >= 0) {
            s = AUTOLINK.matcher(s).replaceAll("$1");
            s = HTML_TAG.matcher(s).replaceAll("");
        }
        if (s.indexOf('`') >= 0) {
            s = CODE.matcher(s).replaceAll("$1");
        }
        if (s.indexOf('*') >= 0) {
            s = STRONG_STAR.matcher(s).replaceAll("$1");
            s = EM_STAR.matcher(s).replaceAll("$1");
        }
        if (s.indexOf('_') >= 0) {
            s = STRONG_UNDERSCORE.matcher(s).replaceAll("$1");
            s = EM_UNDERSCORE.matcher(s).replaceAll("$1");
        }
        if (s.indexOf('~') >= 0) {
            s = STRIKE.matcher(s).replaceAll("$1");
        }
        if (s.indexOf('\\') >= 0) {
            s = ESCAPE.matcher(s).replaceAll("$1");
        }
        return s;
    }
}
