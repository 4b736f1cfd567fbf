package dev.crosscheck.extract;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * Time zones named after a time of day (time-zones.txt): "8:34 a.m. Eastern time", "12:34 GMT", "6:04 pm IST". A time
 * in the zone of the story's country (the first its headline and lead name) is the event's local time and stays a
 * local clock time, when that country keeps one zone only; a time in any other zone carries its offset on that day
 * ("2023-08-23T08:34-04:00"), so that the comparison sets it against other zoned times as an instant and never
 * against local clock times (a country of several zones has no one local clock: "9 a.m. Eastern time" in a story of
 * Hawaii is no Hawaiian clock time).
 */
final class TimeZones {

    /** A zone and the country whose clocks it sets (an id of places.txt), or null for universal time. */
    record Zone(ZoneId id, String country) {
    }

    private static final PhraseMatcher<Zone> NAMES = new PhraseMatcher<>(true);
    /** The regions each zone of a country of several zones sets the clocks of (zone-regions.txt). */
    private static final java.util.Map<ZoneId, java.util.Set<String>> REGIONS = new java.util.HashMap<>();

    static {
        for (Lexicon.Entry e : Lexicon.entries("time-zones.txt")) {
            String country = e.flag() == null || e.flag().equals("none") ? null : e.flag();
            Zone z = new Zone(ZoneId.of(e.head().strip()), country);
            for (String name : e.items()) {
                NAMES.add(name, z);
            }
        }
        for (Lexicon.Entry e : Lexicon.entries("zone-regions.txt")) {
            REGIONS.computeIfAbsent(ZoneId.of(e.head().strip()), k -> new java.util.HashSet<>()).addAll(e.items());
        }
    }

    private TimeZones() {
    }

    /** The zone named at token {@code i} ("Eastern time", "GMT"), or null. */
    static Zone at(List<Token> t, int i) {
        if (i >= t.size() || !t.get(i).isWord()) {
            return null;
        }
        PhraseMatcher.Match<Zone> m = NAMES.match(t, i);
        return m == null ? null : m.value();
    }

    /** Whether token {@code k} is a word of a zone's name ("EDT", "Eastern time"). */
    static boolean zoneAt(List<Token> t, int k) {
        for (int s = Math.max(0, k - 3); s <= k; s++) {
            PhraseMatcher.Match<Zone> m = t.get(s).isWord() ? NAMES.match(t, s) : null;
            if (m != null && m.end() > k) {
                return true;
            }
        }
        return false;
    }

    /**
     * The clock time {@code local} as a claim value: local ("2023-08-23T18:04") when no zone follows the time at token
     * {@code after}, or the zone is that of the story's country and the country keeps one zone or the zone sets the clocks
     * of the story's region ({@code storyRegion}, the region right under the country); else with the zone's offset that day
     * ("2023-08-23T08:34-04:00", "2023-08-23T12:34Z").
     */
    static String value(List<Token> t, int after, LocalDateTime local, String text, String storyCountry,
                        String storyRegion) {
        Zone z = at(t, after);
        if (z == null || z.country() != null && z.country().equals(storyCountry)
                && (!WordClasses.of("countries-of-several-zones").contains(z.country())
                        || storyRegion != null && REGIONS.getOrDefault(z.id(), java.util.Set.of()).contains(storyRegion))) {
            return text; // the story's own clock: "3:05 p.m. EDT" in a story of a Florida landfall
        }
        return text + z.id().getRules().getOffset(local).getId();
    }
}
