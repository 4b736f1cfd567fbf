package dev.crosscheck.claim;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The machine key that aligns claims about the same thing across sources, and the only place one is formatted.
 *
 * <p>A key names the thing and never the value: the kind, then what the claim is about in the kind's own order of parts
 * (for figures: whose, of what thing or event, what is measured, by which predicate; see each rule), then the scope
 * when the text narrows it: {@code count:-:-:person:deaths|syria}. A part nobody names is {@code -}. Attribution, the
 * time a figure refers to and modality are never part of a key: they travel with the value, so that the comparison can
 * tell disputes, revisions and projections from contradictions.
 *
 * @param kind  the claim's kind
 * @param parts what the claim is about, most general first
 * @param scope the place or group the figure covers (a normalized id such as {@code syria} or {@code officers}), or
 *              null for the whole event
 */
public record ClaimKey(ClaimKind kind, List<String> parts, String scope) {

    /** A part nobody names. */
    public static final String NONE = "-";
    /** Separates the scope from the rest of the key. */
    public static final char SCOPE = '|';
    /**
     * Joins the day of a one-off occurrence to the last part ({@code count:-:-:person:demonstrated@2019-06-09}): the
     * march of June 9 and the march of June 16 are two events, whose crowds are never compared.
     */
    public static final char OCCURRENCE = '@';

    public ClaimKey {
        parts = List.copyOf(parts);
    }

    public static ClaimKey of(ClaimKind kind, String... parts) {
        String[] clean = new String[parts.length];
        for (int i = 0; i < parts.length; i++) {
            clean[i] = parts[i] == null || parts[i].isBlank() ? NONE : parts[i];
        }
        return new ClaimKey(kind, Arrays.asList(clean), null);
    }

    public ClaimKey withScope(String scopeId) {
        return new ClaimKey(kind, parts, scopeId == null || scopeId.isBlank() ? null : scopeId);
    }

    /** This key for the occurrence of the given day (an ISO date). */
    public ClaimKey withOccurrence(String day) {
        List<String> p = new java.util.ArrayList<>(parts);
        int last = p.size() - 1;
        String bare = p.get(last).indexOf(OCCURRENCE) < 0 ? p.get(last) : p.get(last).substring(0, p.get(last).indexOf(OCCURRENCE));
        p.set(last, bare + OCCURRENCE + day);
        return new ClaimKey(kind, p, scope);
    }

    /** The day of the occurrence a formatted key names ({@code 2019-06-09}), or null. */
    public static String occurrenceOf(String key) {
        String k = withoutScope(key);
        int at = k.indexOf(OCCURRENCE);
        return at < 0 ? null : k.substring(at + 1);
    }

    /** A formatted key without its occurrence's day (its scope kept): the key of the figure on any day. */
    public static String withoutOccurrence(String key) {
        int at = key.indexOf(OCCURRENCE);
        if (at < 0) {
            return key;
        }
        int bar = key.indexOf(SCOPE, at);
        return key.substring(0, at) + (bar < 0 ? "" : key.substring(bar));
    }

    /** The last part: for a figure, what it measures or its predicate. */
    public String last() {
        return parts.isEmpty() ? NONE : parts.get(parts.size() - 1);
    }

    public String format() {
        StringBuilder b = new StringBuilder(kind.wireName());
        for (String p : parts) {
            b.append(':').append(p);
        }
        if (scope != null) {
            b.append(SCOPE).append(scope);
        }
        return b.toString();
    }

    /** A name as a key part: lower case, words joined by hyphens ("Lee County" is {@code lee-county}). */
    public static String slug(String name) {
        StringBuilder b = new StringBuilder(name.length());
        boolean gap = false;
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (Character.isLetterOrDigit(ch)) {
                if (gap && !b.isEmpty()) {
                    b.append('-');
                }
                b.append(Character.toLowerCase(ch));
                gap = false;
            } else if (ch != '.' && ch != '\'' && ch != '\u2019') {
                gap = true;
            }
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }

    /** The scope of a formatted key ({@code kula+olinda} of {@code count:-:-:home:destroyed|kula+olinda}), or null. */
    public static String scopeOf(String key) {
        int bar = key.indexOf(SCOPE);
        return bar < 0 ? null : key.substring(bar + 1);
    }

    /** A formatted key without its scope: the key of the whole event's figure. */
    public static String withoutScope(String key) {
        int bar = key.indexOf(SCOPE);
        return bar < 0 ? key : key.substring(0, bar);
    }

    @Override
    public String toString() {
        return format();
    }
}
