/**
 * Comparison of a story's claims across sources, and the report (contract/report.schema.json, version 2).
 *
 * <p>{@link dev.crosscheck.compare.StoryComparator} groups claims by (kind, key), the key carrying the scope, so a
 * figure for a part (a city, another country, a group) is never compared with the whole's; a scope that is a place
 * where the story's main event happened (reported by the extraction) is the whole. Claims not told as facts form
 * groups of their own, one per modality (key suffix {@code ~projected}, {@code ~historical}, {@code ~generic}...):
 * never compared with what happened. Where the parts a story gives (places of the gazetteer, none inside another) add
 * up to more than its whole, even at their most generous rounding, the whole's finding carries a note
 * ({@link dev.crosscheck.compare.PartsAndWholes}), not a verdict. A group whose values an outlet states on its own
 * account scatter into more than two incompatible clusters matching no authority is split into those clusters: claims of different figures
 * that share a key are not one figure misreported. A quantity, a date or a length of nobody named ("the mission cost
 * about $75 million") joins the group of the one owner the story names for the same measure or event whose values all agree
 * with it ("Chandrayaan-3 would cost about 615 crore rupees"): never when they differ, never when two owners' match.
 * A duration told without where it ended joins the one duration of its key told with it when they agree. Figures of
 * one-off occurrences carry the occurrence's day ({@code @2019-06-09}): two days' groups are never compared; a story
 * that dates one occurrence only and tells nothing undated keys it without the day; figures of no day join the one
 * day whose exact values are theirs, both ways (open bounds tell nothing of which), else stay apart.
 *
 * <p>Each group is judged by {@link dev.crosscheck.compare.Judgement}:
 * <ul>
 *   <li><b>Witnesses.</b> A source that republishes another's text ({@link dev.crosscheck.compare.WireCopies}: most of
 *       its word 5-grams are the other's, {@link dev.crosscheck.compare.TextPrint}) is the same witness as its
 *       original: it never turns a single-source claim into an agreement and never contradicts it; the report marks
 *       it {@code copyOf}. A witness never contradicts itself.</li>
 *   <li><b>Authorities.</b> Values are grouped by the authority cited (two wordings of one authority, a joint
 *       attribution that names it, or one name inside another, "Northwind" and "Northwind Systems", are one).
 *       <b>contradiction</b>: two witnesses credit one authority with incompatible values, or a witness's own values
 *       (no authority cited; its most precise ones: a day it also gives the time of adds nothing) are compatible with
 *       none of another witness's, unless they match an authority's value. <b>disputed</b>: named authorities give
 *       incompatible values; each value shows its authorities ({@code attributedTo}) and the outlets that report
 *       them, and no outlet is in error.</li>
 *   <li><b>Running figures</b> (tolls and other counts of people, the figures of sentences that say "so far",
 *       "now"): values are compared only with values of the same time they refer to ({@code asOf}: a day, or a live
 *       blog's entry time; else the publication date); a report's own values of one day are one state of things, two
 *       reports of one day that name no time may be hours apart. A value that changes over time, up or down, makes
 *       the finding <b>evolving</b>, its values listed in time order and told by their turns ("rose from 2,012
 *       (Sep 10) to 2,862 (Sep 12)", "rose from 6 to 115 through 10 other values, then was revised down to 97": a
 *       lower later value of a measure that only grows, compare/cumulative-measures.txt, is a revision; other
 *       figures fell);
 *       a value the text gives as replaced ("down from the 115") comes before the values of its day; a value
 *       converted into another unit is no change.</li>
 *   <li>Otherwise <b>agreement</b>, or <b>single-source</b> when one witness gives the values.</li>
 * </ul>
 * In a contradiction, a bound or range that holds exactly one of the exact values set against each other ("more than
 * 2,200" beside 2,207 and 271) is listed with that value, its own words kept in the evidence.
 * Values are compared by meaning, never as strings:
 * <ul>
 *   <li>count: integer intervals ({@code "12"}, {@code ">12"}, {@code ">=10"}, {@code "<5"}, {@code "10-12"});
 *       compatible when they intersect; a count of two significant digits or more ending in two zeros or more stands
 *       for what rounds to it ("2,200" is 2,150 to 2,250; "1,000" and "100" are exact); approximate counts may lie
 *       apart by 10 % of the larger (at least 1).</li>
 *   <li>quantity: converted within a unit family (units table {@code compare/units.tsv}); different families are
 *       separate findings. A number stands for its rounding interval: half a unit of its last decimal, or of its last
 *       nonzero digit when it has two significant digits or more and ends in two zeros or more, so "10 mi" and
 *       "16 km" agree and "$5.5 billion" agrees with "$5.52 billion"; values written in different units are a rounded
 *       conversion and may lie apart by 2 % ("150 mph" and "240 km/h"); an approximate value also covers the rounding its
 *       written digits allow, at most a tenth of it ("around 600" holds 615; "close to $63 billion" is not $57
 *       billion).
 *       Magnitudes: exact must be equal to one decimal, approximate within 0.2.</li>
 *   <li>date: the period an ISO value names (year, quarter, month, ISO week, day, minute); periods agree when they
 *       overlap; two exact times of day agree within 2 minutes ("3:05 p.m." and "3:10 p.m." conflict), within 30
 *       minutes when either is on the hour or the half hour, within 2 hours when approximate; a UTC time ({@code Z}) and a
 *       local one are not compared. An interval of days ({@code 2023-03-20/2023-03-22}) is an event lasting all
 *       of it and agrees only by containment (a day of it, the month holding it).</li>
 *   <li>duration: ISO durations as second intervals (a month is 28 to 31 days, a year 365 to 366);
 *       approximate durations may lie apart by 20 % of the larger.</li>
 *   <li>participants: names separated by {@code ;}, {@code ,}, {@code &} or "and"; the prefix {@code not:} denies
 *       that they met. A denial conflicts only with a reported meeting that includes every denied name.</li>
 *   <li>statement: {@code affirmed} or {@code negated}; opposite polarities conflict.</li>
 *   <li>quote: grouped by speaker through the key; variants of wording never make a contradiction.</li>
 * </ul>
 * A value that cannot be read is compatible with everything.
 *
 * <p>{@link dev.crosscheck.compare.ReportFilter} narrows a report by kind and verdict;
 * {@link dev.crosscheck.compare.ReportMarkdown} renders it for people.
 */
package dev.crosscheck.compare;
