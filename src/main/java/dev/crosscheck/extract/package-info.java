/**
 * Claim extraction: from one English news article to the checkable claims it makes, normalized, keyed and
 * with their evidence.
 *
 * <h2>Pipeline</h2>
 * {@link dev.crosscheck.extract.ClaimExtractor} reads the body and caption sentences in order (headlines repeat
 * the body and give no claims; captions give claims at lower confidence). Each sentence is tokenized
 * ({@code Tokenizer}, one linear pass) and annotated once ({@code SentenceContext}): actors from the gazetteer
 * ({@code Gazetteer}: countries.txt, people.txt, titles.txt), head nouns ({@code Heads}: heads.txt,
 * count-nouns.txt, ordinals.txt), event verbs ({@code EventVerbs}: events.txt, future-cues.txt) and date
 * expressions ({@code TimeRules}: calendar.txt, relative-days.txt). Then one class per dimension makes claims:
 * {@code DateClaims}, {@code Quantities}, {@code Durations}, {@code Counts}, {@code Participants},
 * {@code Quotes}, {@code Statements}. Numbers ({@code NumberRules}: numbers.txt, scales.txt, vague-numbers.txt,
 * number-modifiers.txt) feed quantities, durations and counts. Date expressions are extracted underspecified and
 * resolved separately ({@code DateResolver}) against the publication date and the tense of their verb.
 * Every word list is a data file under this package's resources, loaded once.
 *
 * <h2>Keys</h2>
 * The comparison groups claims by (kind, key), so a key names the thing and never the value:
 * <ul>
 *   <li>{@code count:<owner>:<head>[:<part>]}: {@code count:china:plan:points}, {@code count:-:agreement},
 *       {@code count:-:deaths}</li>
 *   <li>{@code date:<owner>:<lemma>}, {@code date:<owner>:meet:<person>}, {@code date:<owner>:<head>:<lemma>},
 *       {@code date:-:<event>}: {@code date:china:depart}, {@code date:ukraine:plan:release},
 *       {@code date:-:earthquake} (a time of day is a date claim of the same key at finer precision)</li>
 *   <li>{@code duration:<owner>:<head>}: {@code duration:china:visit}, {@code duration:-:talks@2023-03-20}
 *       (events that recur, flagged [repeat] in heads.txt, carry the day of the sentence)</li>
 *   <li>{@code quantity:<owner>:<event or head>:<attribute>}: {@code quantity:-:earthquake:magnitude},
 *       {@code quantity:-:earthquake:depth}, {@code quantity:-:earthquake:distance:kathmandu}</li>
 *   <li>{@code participants:meet[@day]:<a>+<b>}: one claim per pair, so sources naming more people add pairs</li>
 *   <li>{@code quote:<speaker>:<words>} and {@code statement:<verb>:<owner>:<object>[:by:<document>][:on:<day>]}:
 *       the verb names the proposition whatever the wording ("rejected the plan" is {@code accept} negated,
 *       "lacked a call for withdrawal" is {@code call-for} negated: statement-verbs.txt, statement-nouns.txt,
 *       statement-noun-cues.txt, negation-cues.txt)</li>
 * </ul>
 * The owner is a country id (people resolve to their country) from the head's own noun phrase ("China's plan",
 * "the Chinese plan", "his own formula"), the agent of a passive ("presented by Zelenskyy"), or the single actor
 * of the clause; two or more parties ("Beijing and Moscow", "both governments") give no owner ({@code -}), so
 * that all sources align. Money and percentages of one named person are keyed by the person; a share of a
 * contested head (an election: "won 52.3% of the vote") is keyed by the name of whoever got it, and not read
 * without one. Figures someone asked for (request-cues.txt) and passing states of an event (phase-cues.txt) are
 * not claims.
 * "The second quake" is {@code earthquake-2}; the aftershock is its own head.
 *
 * <h2>Values</h2>
 * Counts: {@code 12}, {@code >12} (more than a dozen), {@code >=10}, {@code <5}, {@code <=20}, {@code 10-12};
 * hedges ("about", "nearly") keep the number and set approximate. Vague plurals are lower bounds at the
 * smallest plural of their scale: "dozens of" {@code >=24}, "hundreds of" {@code >=200}, "thousands of"
 * {@code >=2000}. Quantities: number and canonical unit ({@code 7.8 magnitude}, {@code 15 km}, {@code 10 mi},
 * {@code 4.5 %}, {@code 750000000 EUR}), a bound as a prefix ({@code >5000000000 USD}). Dates: ISO at the
 * precision the text gives ({@code 2023-03-20}, {@code 2023-02}, {@code 2023-W11}, {@code 2022},
 * {@code 2015-04-25T11:56}, {@code 2015-04-25T06:11Z} for a time given in GMT/UTC; a range of days dates an
 * event that lasted it as an interval, {@code 2023-03-20/2023-03-22}, except for verbs that start it:
 * range-start-verbs.txt). Durations: ISO in the unit the text uses ({@code P2W} stays weeks, {@code P3M},
 * {@code PT4H30M}; spans of days are inclusive: "from Monday to Wednesday" and "March 20-22" are {@code P3D}); the comparison
 * converts units. Casualty figures are running figures.
 */
package dev.crosscheck.extract;
