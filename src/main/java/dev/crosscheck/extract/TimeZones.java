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
    /** The zone of each region listed in zone-regions.txt (a country of several zones). */
    private static final java.util.Map<String, ZoneId> ZONE_OF_REGION = new java.util.HashMap<>();

    static {
        for (Lexicon.Entry e : Lexicon.entries("time-zones.txt")) {
            String country = e.flag() == null || e.flag().equals("none") ? null : e.flag();
            Zone z = new Zone(ZoneId.of(e.head().strip()), country);
            for (String name : e.items()) {
                NAMES.add(name, z);
            }
        }
        for (Lexicon.Entry e : Lexicon.entries("zone-regions.txt")) {
            for (String region : e.items()) {
                ZONE_OF_REGION.put(region.strip(), ZoneId.of(e.head().strip()));
            }
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

    /** The zone of a region: that of the most specific listed region it is or lies in ("lee-county": Florida's). */
    private static ZoneId zoneOf(String region) {
        for (String id : Scopes.regionAndContainers(region)) {
            ZoneId z = ZONE_OF_REGION.get(id);
            if (z != null) {
                return z;
            }
        }
        return null;
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
     * of the story's region ({@code storyRegion}, zone-regions.txt); else with the zone's offset that day
     * ("2023-08-23T08:34-04:00", "2023-08-23T12:34Z").
     */
    static String value(List<Token> t, int after, LocalDateTime local, String text, String storyCountry,
                        String storyRegion) {
        Zone z = at(t, after);
        if (z == null || z.country() != null && z.country().equals(storyCountry)
                && (!WordClasses.of("countries-of-several-zones").contains(z.country())
                        || z.id().equals(zoneOf(storyRegion)))) {
            return text; // the story's own clock: "3:05 p.m. EDT" in a story of a Florida landfall
        }
        return text + z.id().getRules().getOffset(local).getId();
    }
}
