package dev.crosscheck.compare;

import dev.crosscheck.data.DataFiles;
import dev.crosscheck.claim.ClaimKind;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses normalized claim values (forms in the report schema) into {@link ClaimValue}s, and holds the tolerances
 * the comparison applies.
 *
 * <p>Value conventions beyond the report schema:
 * <ul>
 *   <li>participants: names separated by {@code ;}, {@code ,}, {@code &} or the word {@code and}, compared
 *       case-insensitively; the prefix {@code not:} marks a denial that those people met.</li>
 *   <li>statement: {@code affirmed} or {@code negated}.</li>
 *   <li>date: an ISO 8601 interval {@code 2023-03-20/2023-03-22} (both ends inclusive at their precision) is an
 *       event lasting the whole interval, compared by containment.</li>
 *   <li>count, quantity and duration values may carry a bound prefix ({@code >}, {@code >=}, {@code <},
 *       {@code <=}); counts and quantities may be ranges ({@code 10-12}, {@code 10-12 km}).</li>
 * </ul>
 * A value the parser cannot read becomes {@link ClaimValue.Unknown}, compatible with everything.
 */
final class ClaimValues {

    /** Relative tolerance between counts when either is approximate, at least one: "about 100" and "110" agree. */
    static final double APPROXIMATE_COUNT = 0.10;
    /** The most an approximate quantity's rounding may stand for, relative to it ("about 30" covers 27 to 33). */
    static final double APPROXIMATE_QUANTITY = 0.10;
    /**
     * Relative tolerance between exact quantities written in different units of one family: one is a conversion of
     * the other, rounded ("150 mph (240 km/h)", "10 miles (16 km)").
     */
    static final double CONVERSION_TOLERANCE = 0.02;
    /** Largest difference between two magnitudes when either is approximate. */
    static final double APPROXIMATE_MAGNITUDE = 0.2;
    /** Relative tolerance between durations when either is approximate: "about four hours" and "PT4H30M" agree. */
    static final double APPROXIMATE_DURATION = 0.20;
    /** Largest difference between two exact times of day, in minutes: "4:17" cut from 4:17:40 and "4:18" rounded. */
    static final long EXACT_TIME_TOLERANCE_MINUTES = 2;
    /** Largest difference between two exact times of day when either is on the hour or half hour, in minutes. */
    static final long TIME_TOLERANCE_MINUTES = 30;
    /** Largest difference between two times of day when either is approximate, in minutes. */
    static final long APPROXIMATE_TIME_TOLERANCE_MINUTES = 120;
    /** How far an approximate date ("around March 20") stretches either side, in minutes. */
    static final long APPROXIMATE_DAY_TOLERANCE_MINUTES = 24 * 60;

    /** Longer values are not parsed: no normalized value is this long, and parsing stays cheap on hostile input. */
    private static final int MAX_PARSED_LENGTH = 400;

    private static final String NUMBER = "(-?\\d+(?:\\.\\d+)?)";
    private static final Pattern BOUNDED = Pattern.compile(
            "(>=|<=|>|<|≥|≤)?\\s?" + NUMBER + "(?:\\s?[-–]\\s?(\\d+(?:\\.\\d+)?))?(?:\\s(\\S+))?");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
    private static final Pattern DAY = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern TIME = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.\\d{1,9})?)?(Z|[+-]\\d{2}:?\\d{2})?");

    private static final Pattern NAME_SEPARATOR = Pattern.compile("[;,&]");
    private static final Pattern AND = Pattern.compile(" and ");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private static final Map<String, Unit> UNITS = loadUnits("/compare/units.tsv");

    /** A unit of the units table: its family and the factor that converts it to the family's base unit. */
    record Unit(String family, double factor) {
    }

    private ClaimValues() {
    }

    static ClaimValue parse(ClaimKind kind, String value, boolean approximate) {
        if (value == null || value.length() > MAX_PARSED_LENGTH) {
            return new ClaimValue.Unknown(value, kind == ClaimKind.QUANTITY ? "?" : "");
        }
        String v = value.strip();
        try {
            ClaimValue parsed = switch (kind) {
                case COUNT -> count(v, approximate);
                case QUANTITY -> quantity(v, approximate);
                case DATE -> date(v, approximate);
                case DURATION -> duration(v, approximate);
                case PARTICIPANTS -> participants(v);
                case STATEMENT -> statement(v);
                case QUOTE -> null;
            };
            return parsed != null ? parsed : unknown(kind, v);
        } catch (ArithmeticException | DateTimeException | NumberFormatException e) {
            return unknown(kind, v);
        }
    }

    private static ClaimValue unknown(ClaimKind kind, String v) {
        if (kind == ClaimKind.QUANTITY) {
            int space = v.lastIndexOf(' ');
            return new ClaimValue.Unknown(v, space < 0 ? "?" : v.substring(space + 1));
        }
        return new ClaimValue.Unknown(v, "");
    }

    /**
     * Whether [aLo, aHi] and [bLo, bHi] overlap, or the gap between them is at most {@code tol} of the larger end
     * at the gap (and at most {@code minGap} in any case): "about 100" and "110" are within ten percent, "about
     * 100" and "112" are not.
     */
    static boolean within(double aLo, double aHi, double bLo, double bHi, double tol, double minGap) {
        if (aLo <= bHi && bLo <= aHi) {
            return true;
        }
        double upper = aLo > bHi ? aLo : bLo;
        double lower = aLo > bHi ? bHi : aHi;
        double allowed = Math.max(tol * Math.max(Math.abs(upper), Math.abs(lower)), minGap);
        return upper - lower <= allowed + 1e-9 * Math.max(1, Math.abs(upper));
    }

    // ---- count -------------------------------------------------------------------------------------------

    private static ClaimValue count(String v, boolean approximate) {
        Matcher m = BOUNDED.matcher(v.replace(",", ""));
        if (!m.matches() || m.group(4) != null) {
            return null;
        }
        double a = Double.parseDouble(m.group(2));
        double b = m.group(3) != null ? Double.parseDouble(m.group(3)) : a;
        if (m.group(1) == null && m.group(3) == null) {
            // "2,200" stands for what rounds to it: a count with two trailing zeros or more is a round figure
            double half = roundingHalf(new BigDecimal(m.group(2)), 2);
            return new ClaimValue.Count(Math.ceil(a - half), Math.floor(a + half), approximate);
        }
        double[] bounds = bounds(m.group(1), Math.min(a, b), Math.max(a, b), 1);
        return new ClaimValue.Count(bounds[0], bounds[1], approximate);
    }

    /**
     * Half a unit of the last significant digit of a written number: of its last decimal when it has decimals ("7.8":
     * 0.05); of its last nonzero digit when it has two significant digits or more and ends in at least {@code minZeros}
     * zeros ("5500000000", $5.5 billion: 50,000,000; "2,200": 50); else half a unit. A figure with one significant
     * digit ("100", "$6 billion") or fewer trailing zeros is taken as exact: "1,000" is as often an exact figure as a
     * round one, "2,200" is a rounded one.
     */
    static double roundingHalf(BigDecimal written, int minZeros) {
        if (written.scale() > 0) {
            return 0.5 * Math.pow(10, -written.scale());
        }
        BigDecimal stripped = written.stripTrailingZeros();
        int zeros = -stripped.scale();
        return zeros >= minZeros && stripped.precision() >= 2 ? 0.5 * Math.pow(10, zeros) : 0.5;
    }

    /**
     * Applies a bound prefix to [lo, hi]: a strict bound excludes the number itself by {@code step} (one, for
     * integers); an upper bound on a count starts at zero.
     */
    private static double[] bounds(String op, double lo, double hi, double step) {
        if (op == null) {
            return new double[] {lo, hi};
        }
        return switch (op) {
            case ">" -> new double[] {hi + step, Double.POSITIVE_INFINITY};
            case ">=", "≥" -> new double[] {hi, Double.POSITIVE_INFINITY};
            case "<" -> new double[] {Math.min(0, lo), lo - step};
            default -> new double[] {Math.min(0, lo), lo};
        };
    }

    // ---- quantity ----------------------------------------------------------------------------------------

    private static ClaimValue quantity(String v, boolean approximate) {
        Matcher m = BOUNDED.matcher(v);
        if (!m.matches() || m.group(4) == null) {
            return null;
        }
        String unitName = m.group(4);
        Unit unit = UNITS.getOrDefault(unitName, new Unit(unitName, 1));
        BigDecimal a = new BigDecimal(m.group(2));
        BigDecimal b = m.group(3) != null ? new BigDecimal(m.group(3)) : a;
        // Half a unit of the last written digit: "16 km" stands for anything from 15.5 to 16.5 km, and "$5.5 billion"
        // (5500000000 USD) for anything from $5.45 to $5.55 billion.
        double half = Math.max(roundingHalf(a, 2), roundingHalf(b, 2));
        double lo = Math.min(a.doubleValue(), b.doubleValue());
        double hi = Math.max(a.doubleValue(), b.doubleValue());
        boolean point = m.group(1) == null && m.group(3) == null;
        double[] bounds = m.group(1) == null ? new double[] {lo - half, hi + half} : bounds(m.group(1), lo, hi, 0);
        if (point && unit.family().equals("percent") && a.scale() <= 0 && a.abs().compareTo(BigDecimal.ONE) >= 0) {
            // a whole percentage is written rounded or cut toward zero: "55%" for 55.8%, "-5%" for -5.8%
            if (a.signum() > 0) {
                bounds[1] = hi + 1;
            } else {
                bounds[0] = lo - 1;
            }
        }
        double f = unit.factor();
        return new ClaimValue.Quantity((lo + hi) / 2 * f, bounds[0] * f, bounds[1] * f, unit.family(),
                unit.family().equals("magnitude"), point, approximate, unitName);
    }

    // ---- date --------------------------------------------------------------------------------------------

    private static ClaimValue date(String v, boolean approximate) {
        int slash = v.indexOf('/');
        if (slash > 0) {
            // an ISO interval of days, months or years: "2023-03-20/2023-03-22"
            if (v.indexOf('/', slash + 1) >= 0
                    || !(date(v.substring(0, slash), false) instanceof ClaimValue.Date a) || a.timeOfDay()
                    || !(date(v.substring(slash + 1), false) instanceof ClaimValue.Date b) || b.timeOfDay()
                    || b.end() <= a.start()) {
                return null;
            }
            return new ClaimValue.Date(a.start(), b.end(), false, approximate, true, false);
        }
        Matcher m;
        LocalDate from;
        LocalDate to;
        if ((m = TIME.matcher(v)).matches()) {
            LocalDateTime t = LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
            if (m.group(7) != null) {
                t = t.atOffset(ZoneOffset.of(offsetId(m.group(7)))).withOffsetSameInstant(ZoneOffset.UTC)
                        .toLocalDateTime();
            }
            long minute = minutes(t);
            return new ClaimValue.Date(minute, minute + 1, true, approximate, false, m.group(7) != null);
        } else if ((m = DAY.matcher(v)).matches()) {
            from = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            to = from.plusDays(1);
        } else if ((m = WEEK.matcher(v)).matches()) {
            int week = Integer.parseInt(m.group(2));
            LocalDate anchor = LocalDate.of(Integer.parseInt(m.group(1)), 1, 4);
            if (week < 1 || week > anchor.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
                return null;
            }
            from = anchor.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(DayOfWeek.MONDAY);
            to = from.plusWeeks(1);
        } else if ((m = MONTH.matcher(v)).matches()) {
            from = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), 1);
            to = from.plusMonths(1);
        } else if ((m = QUARTER.matcher(v)).matches()) {
            from = LocalDate.of(Integer.parseInt(m.group(1)), (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 1);
            to = from.plusMonths(3);
        } else if ((m = YEAR.matcher(v)).matches()) {
            from = LocalDate.of(Integer.parseInt(m.group(1)), 1, 1);
            to = from.plusYears(1);
        } else {
            return null;
        }
        return new ClaimValue.Date(minutes(from.atStartOfDay()), minutes(to.atStartOfDay()), false, approximate);
    }

    private static String offsetId(String offset) {
        if (offset.equals("Z") || offset.contains(":")) {
            return offset;
        }
        return offset.substring(0, 3) + ":" + offset.substring(3);
    }

    private static long minutes(LocalDateTime t) {
        return t.toEpochSecond(ZoneOffset.UTC) / 60;
    }

    // ---- duration ----------------------------------------------------------------------------------------

    private static final double DAY_SECONDS = 86_400;

    private static ClaimValue duration(String v, boolean approximate) {
        String op = null;
        String s = v.toUpperCase(Locale.ROOT);
        for (String prefix : new String[] {">=", "<=", ">", "<"}) {
            if (s.startsWith(prefix)) {
                op = prefix;
                s = s.substring(prefix.length()).strip();
                break;
            }
        }
        if (s.length() < 3 || s.charAt(0) != 'P') {
            return null;
        }
        double lo = 0;
        double hi = 0;
        boolean time = false;
        boolean any = false;
        int i = 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == 'T') {
                if (time) {
                    return null;
                }
                time = true;
                i++;
                continue;
            }
            int j = i;
            while (j < s.length() && (Character.isDigit(s.charAt(j)) || s.charAt(j) == '.' || s.charAt(j) == ',')) {
                j++;
            }
            if (j == i || j == s.length()) {
                return null;
            }
            double n = Double.parseDouble(s.substring(i, j).replace(',', '.'));
            char unit = s.charAt(j);
            double[] seconds = switch (time ? Character.toLowerCase(unit) : unit) {
                case 'Y' -> new double[] {365 * DAY_SECONDS, 366 * DAY_SECONDS};
                case 'M' -> new double[] {28 * DAY_SECONDS, 31 * DAY_SECONDS};
                case 'W' -> new double[] {7 * DAY_SECONDS, 7 * DAY_SECONDS};
                case 'D' -> new double[] {DAY_SECONDS, DAY_SECONDS};
                case 'h' -> new double[] {3600, 3600};
                case 'm' -> new double[] {60, 60};
                case 's' -> new double[] {1, 1};
                default -> null;
            };
            if (seconds == null) {
                return null;
            }
            lo += n * seconds[0];
            hi += n * seconds[1];
            any = true;
            i = j + 1;
        }
        if (!any) {
            return null;
        }
        double[] b = op == null ? new double[] {lo, hi} : bounds(op, lo, hi, 0);
        return new ClaimValue.Duration(b[0], b[1], approximate);
    }

    // ---- participants and statements ---------------------------------------------------------------------

    private static ClaimValue participants(String v) {
        String s = v.toLowerCase(Locale.ROOT);
        boolean denial = s.startsWith("not:");
        if (denial) {
            s = s.substring(4);
        }
        Set<String> names = new LinkedHashSet<>();
        for (String token : NAME_SEPARATOR.split(s)) {
            for (String part : AND.split(token)) {
                String name = WHITESPACE.matcher(part.strip()).replaceAll(" ");
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
        }
        return new ClaimValue.Participants(denial, Collections.unmodifiableSet(names));
    }

    private static ClaimValue statement(String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "affirmed" -> new ClaimValue.Statement(true);
            case "negated" -> new ClaimValue.Statement(false);
            default -> null;
        };
    }

    // ---- units table -------------------------------------------------------------------------------------

    private static Map<String, Unit> loadUnits(String resource) {
        Map<String, Unit> units = new HashMap<>();
        for (String line : DataFiles.lines(resource)) {
            String[] cols = line.split("\t");
            if (cols.length != 3) {
                throw new IllegalStateException(resource + ": expected unit, family, factor: " + line);
            }
            units.put(cols[0], new Unit(cols[1], Double.parseDouble(cols[2])));
        }
        return Map.copyOf(units);
    }
}
