package dev.crosscheck.extract;

/**
 * The places gazetteer (places.txt) as the comparison needs it: which scopes of claim keys are places, and which lie
 * in which. A scope that is no place of the gazetteer (a group of people, an unknown town, two places joined) is
 * never taken for a part of anything.
 */
public final class Places {

    private Places() {
    }

    /** Whether a claim key's scope is a place of the gazetteer. */
    public static boolean known(String scope) {
        return scope != null && Scopes.place(scope) != null;
    }

    /** Whether place {@code inner} lies in place {@code outer}, or is it. */
    public static boolean within(String inner, String outer) {
        return Scopes.within(inner, outer);
    }
}
