package dev.crosscheck.compare;

/** A finding's verdict; the wire names are the report schema's. */
public enum Verdict {
    CONTRADICTION("contradiction"),
    DISPUTED("disputed"),
    EVOLVING("evolving"),
    AGREEMENT("agreement"),
    SINGLE_SOURCE("single-source");

    private final String wireName;

    Verdict(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Verdict fromWireName(String name) {
        for (Verdict v : values()) {
            if (v.wireName.equals(name)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown verdict: " + name);
    }
}
