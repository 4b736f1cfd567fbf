/**
 * Comparison of a story's claims across sources, and the report.
 *
 * <p>{@link dev.crosscheck.compare.StoryComparator} groups claims by (kind, key) and gives each group a verdict:
 * agreement, contradiction, evolving or single-source. Values are compared by meaning, never as strings:
 * <ul>
 *   <li>count: integer intervals ({@code "12"}, {@code ">12"}, {@code ">=10"}, {@code "<5"}, {@code "10-12"});
 *       compatible when they intersect; approximate counts may lie apart by 10 % of the larger (at least 1).</li>
 *   <li>quantity: converted within a unit family (units table {@code compare/units.tsv}); different families are
 *       separate findings. An exact number stands for its rounding interval (half a unit of its last digit), so
 *       "10 mi" and "16 km" agree; values written in different units are a rounded conversion and may lie apart by
 *       2 % ("150 mph" and "240 km/h"); approximate values may lie apart by 10 %. Magnitudes: exact must be equal
 *       to one decimal, approximate within 0.2.</li>
 *   <li>date: the period an ISO value names (year, quarter, month, ISO week, day, minute); periods agree when they
 *       overlap; two times of day agree within 30 minutes (2 hours when approximate); a UTC time ({@code Z}) and a
 *       local one are not compared. An interval of days ({@code 2023-03-20/2023-03-22}) is an event lasting all
 *       of it and agrees only by containment (a day of it, the month holding it).</li>
 *   <li>duration: ISO durations as second intervals (a month is 28 to 31 days, a year 365 to 366);
 *       approximate durations may lie apart by 20 % of the larger.</li>
 *   <li>participants: names separated by {@code ;}, {@code ,}, {@code &} or "and"; the prefix {@code not:} denies
 *       that they met. A denial conflicts only with a reported meeting that includes every denied name.</li>
 *   <li>statement: {@code affirmed} or {@code negated}; opposite polarities conflict.</li>
 *   <li>quote: grouped by speaker through the key; variants of wording never make a contradiction.</li>
 * </ul>
 * A value that cannot be read is compatible with everything. A source never contradicts itself: its values form
 * a set, and two sources conflict only when no value of one is compatible with any value of the other.
 *
 * <p>{@link dev.crosscheck.compare.ReportFilter} narrows a report by kind and verdict;
 * {@link dev.crosscheck.compare.ReportMarkdown} renders it for people.
 */
package dev.crosscheck.compare;
