package dev.crosscheck.compare;

import java.util.Set;

/**
 * A claim's normalized value, parsed for comparison. Two values are <em>compatible</em> when both can be true at
 * once; the comparison never relies on string equality alone. Parsing is done by {@link ClaimValues#parse}.
 *
 * <p>Values of different {@link #family() families} (kilometres and percent, say) are never compared: the
 * comparator splits them into separate findings.
 */
sealed interface ClaimValue {

    /** Values are only compared within one family; kinds with a single family return the empty string. */
    default String family() {
        return "";
    }

    boolean compatibleWith(ClaimValue other);

    /**
     * A value the comparison cannot read. It is compatible with everything: an unreadable value must never make a
     * contradiction.
     */
    record Unknown(String raw, String family) implements ClaimValue {
        @Override
        public boolean compatibleWith(ClaimValue other) {
            return true;
        }
    }

    /**
     * A value that lies on a number line: counts, quantities and durations. {@code lo}/{@code hi} bound what the
     * source wrote, before any tolerance; they decide whether a running figure grew or shrank.
     */
    sealed interface Numeric extends ClaimValue {
        double lo();

        double hi();
    }

    /**
     * A count as an interval of integers; bounds are open-ended ({@code ">12"} is [13, ∞)). When either side is
     * approximate they may lie apart by {@link ClaimValues#APPROXIMATE_COUNT} of the larger, and by at least one.
     */
    record Count(double lo, double hi, boolean approximate) implements Numeric {
        @Override
        public boolean compatibleWith(ClaimValue other) {
            if (!(other instanceof Count o)) {
                return true;
            }
            if (approximate || o.approximate) {
                return ClaimValues.within(lo, hi, o.lo, o.hi, ClaimValues.APPROXIMATE_COUNT, 1);
            }
            return lo <= o.hi && o.lo <= hi;
        }
    }

    /**
     * A quantity converted to its family's base unit. {@code lo}/{@code hi} already include the rounding the
     * written number implies (half a unit of its last written digit), so "10 mi" and "16 km" are compatible
     * while "12 km" and "13 km" are not: exact values must overlap strictly, not merely touch.
     *
     * @param value     the written number in base units (the middle of a range)
     * @param magnitude an earthquake magnitude: exact magnitudes must be equal to one decimal, approximate ones
     *                  within {@link ClaimValues#APPROXIMATE_MAGNITUDE}
     * @param point     a single number, not a bound or a range
     * @param unit      the unit as written; values written in different units of one family ("150 mph", "240 km/h")
     *                  are a conversion, rounded by whoever converted, and agree within
     *                  {@link ClaimValues#CONVERSION_TOLERANCE}
     */
    record Quantity(double value, double lo, double hi, String family, boolean magnitude, boolean point,
                    boolean approximate, String unit)
            implements Numeric {
        @Override
        public boolean compatibleWith(ClaimValue other) {
            if (!(other instanceof Quantity o) || !family.equals(o.family)) {
                return true;
            }
            boolean approx = approximate || o.approximate;
            if (magnitude && o.magnitude && point && o.point) {
                double diff = Math.abs(Math.round(value * 10) - Math.round(o.value * 10)) / 10.0;
                return approx ? diff <= ClaimValues.APPROXIMATE_MAGNITUDE + 1e-9 : diff == 0;
            }
            if (approx) {
                // "about 30 km" stands for 27 to 33, "close to $63 billion" for 62.5 to 63.5: an approximate value
                // covers the rounding its written digits allow, and in another unit a conversion's rounding too
                double gap = Math.max(approximate ? roundingOf(value) : 0, o.approximate ? roundingOf(o.value) : 0);
                boolean converted = unit != null && o.unit != null && !unit.equals(o.unit);
                return ClaimValues.within(lo, hi, o.lo, o.hi, converted ? ClaimValues.CONVERSION_TOLERANCE : 0, gap);
            }
            if (unit != null && o.unit != null && !unit.equals(o.unit)) {
                return ClaimValues.within(lo, hi, o.lo, o.hi, ClaimValues.CONVERSION_TOLERANCE, 0);
            }
            return (lo < o.hi && o.lo < hi) || (lo == o.lo && hi == o.hi);
        }
    }

    /**
     * Half the place of a number's last significant digit, up to {@link ClaimValues#APPROXIMATE_QUANTITY} of it: what
     * rounding to its written digits allows ("63 billion": half a billion; "2.3": 0.05; "30": 3, a tenth of it).
     */
    static double roundingOf(double value) {
        double v = Math.abs(value);
        if (v == 0 || Double.isNaN(v) || Double.isInfinite(v)) {
            return 0;
        }
        java.math.BigDecimal d = java.math.BigDecimal.valueOf(v).stripTrailingZeros();
        double place = Math.pow(10, -d.scale());
        return Math.min(place / 2, v * ClaimValues.APPROXIMATE_QUANTITY);
    }

    /**
     * A date as the instant interval [start, end) in epoch minutes of the local calendar, at the precision the
     * source gave. Periods are compatible when they overlap (a day inside its month or ISO week, a time inside
     * its day); two exact times of day are compatible within {@link ClaimValues#EXACT_TIME_TOLERANCE_MINUTES} (a clock
     * read a minute apart), or within {@link ClaimValues#TIME_TOLERANCE_MINUTES}
     * when either is on the hour or the half hour (a rounded time), or within
     * {@link ClaimValues#APPROXIMATE_TIME_TOLERANCE_MINUTES} when either is approximate. An approximate day
     * stretches by {@link ClaimValues#APPROXIMATE_DAY_TOLERANCE_MINUTES} either side.
     *
     * <p>An interval of days ({@code 2023-03-20/2023-03-22}, {@code span}) is an event that lasted all of it: it is
     * compatible with a period only by containment, one inside the other (a day of the summit, the month it was
     * held in, the same interval), never by a mere overlap ("March 19-21" against "March 20-22" conflicts).
     *
     * <p>A time with an offset ({@code zoned}: "06:11Z") and a local time are not compared with each other.
     */
    record Date(long start, long end, boolean timeOfDay, boolean approximate, boolean span, boolean zoned)
            implements ClaimValue {

        Date(long start, long end, boolean timeOfDay, boolean approximate) {
            this(start, end, timeOfDay, approximate, false, false);
        }

        /** A time on the hour or the half hour, which writers round to. */
        private boolean roundTime() {
            return Math.floorMod(start, 30) == 0;
        }

        @Override
        public boolean compatibleWith(ClaimValue other) {
            if (!(other instanceof Date o)) {
                return true;
            }
            boolean approx = approximate || o.approximate;
            if (span || o.span) {
                long pad = approx ? ClaimValues.APPROXIMATE_DAY_TOLERANCE_MINUTES : 0;
                return start - pad <= o.start && o.end <= end + pad || o.start - pad <= start && end <= o.end + pad;
            }
            if (timeOfDay && o.timeOfDay && zoned != o.zoned) {
                return true; // "11:56 local time" and "06:11 GMT": without the place's offset they cannot be compared
            }
            if (timeOfDay && o.timeOfDay) {
                // "at 3:05 p.m." and "at 3:10 p.m." are two times; "at noon" or "at 3:30 p.m." may round a time near it
                long tol = approx ? ClaimValues.APPROXIMATE_TIME_TOLERANCE_MINUTES
                        : roundTime() || o.roundTime() ? ClaimValues.TIME_TOLERANCE_MINUTES
                        : ClaimValues.EXACT_TIME_TOLERANCE_MINUTES;
                return Math.abs(start - o.start) <= tol;
            }
            long pad = approx ? ClaimValues.APPROXIMATE_DAY_TOLERANCE_MINUTES : 0;
            return start - pad < o.end && o.start - pad < end;
        }
    }

    /**
     * A duration as an interval of seconds: weeks, days, hours, minutes and seconds are exact; a month spans 28 to
     * 31 days and a year 365 to 366, so "P1M" and "P30D" are compatible. Approximate durations may differ by
     * {@link ClaimValues#APPROXIMATE_DURATION}
     * (see {@link ClaimValues#within}).
     */
    record Duration(double lo, double hi, boolean approximate) implements Numeric {
        @Override
        public boolean compatibleWith(ClaimValue other) {
            if (!(other instanceof Duration o)) {
                return true;
            }
            double tol = approximate || o.approximate ? ClaimValues.APPROXIMATE_DURATION : 0;
            return ClaimValues.within(lo, hi, o.lo, o.hi, tol, 0);
        }
    }

    /**
     * Who met whom. A value starting with {@code not:} denies the meeting of the names after it. A denial
     * conflicts with a report of a meeting only when every denied name is among those reported (a denial with no
     * names denies the keyed meeting outright); reports of meetings never conflict with each other.
     */
    record Participants(boolean denial, Set<String> names) implements ClaimValue {
        @Override
        public boolean compatibleWith(ClaimValue other) {
            if (!(other instanceof Participants o) || denial == o.denial) {
                return true;
            }
            Participants denied = denial ? this : o;
            Participants reported = denial ? o : this;
            return !reported.names.containsAll(denied.names);
        }
    }

    /** A statement's polarity: "affirmed" or "negated"; only opposite polarities conflict. */
    record Statement(boolean affirmed) implements ClaimValue {
        @Override
        public boolean compatibleWith(ClaimValue other) {
            return !(other instanceof Statement o) || affirmed == o.affirmed;
        }
    }
}
