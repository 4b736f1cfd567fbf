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
