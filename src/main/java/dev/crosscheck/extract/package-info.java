/**
 * Claim extraction: from one English news article to the checkable claims it makes, each framed (what is measured,
 * of what, where, according to whom, when, and whether it happened), keyed and with its evidence; and the figures it
 * could not read, with the reason.
 *
 * <h2>Pipeline</h2>
 * {@link dev.crosscheck.extract.ClaimExtractor} reads the body and caption sentences in order, and a headline for its
 * counts and quantities only (its present tense tells no day). Each sentence goes through four stages:
 * <ol>
 *   <li><b>Substrate.</b> Tokens ({@code Tokenizer}, one linear pass); on demand, Universal Dependencies part-of-speech
 *       tags and lemmas from OpenNLP's English models ({@code Tagger}: greedy decoding, lemmas remembered per word
 *       and tag; a sentence is tagged only when a rule asks, and one of more than 400 tokens around its figures only).
 *       The tagger misreads some words in short news sentences ("shares fell/ADV 60%", "Green/NOUN said"): the rules
 *       also read a word's lemma as a verb ({@code Token.verbLemma}) and trust capitals over tags for names, and
 *       {@code TagRepairs} (tag-repairs.txt) retags the contexts the model misreads again and again ("regulators
 *       closed/ADJ Silicon Valley Bank", "by US/PRON regulators"), after the model, which stays its own.</li>
 *   <li><b>Annotations.</b> Actors ({@code Gazetteer}: countries.txt, people.txt, titles.txt), heads and events
 *       ({@code Heads}: heads.txt), event verbs ({@code EventVerbs}: events.txt), date and time expressions
 *       ({@code TimeRules}), numbers ({@code NumberRules}) and units ({@code Units}).</li>
 *   <li><b>Rules</b> make claim frames ({@link dev.crosscheck.extract.Candidate}), one class per dimension: dates of
 *       events ({@code DateClaims}), durations ({@code Durations}), counts and quantities ({@code FigureFrames}: one
 *       rule for every number, see below), who met whom ({@code Participants}), quotes ({@code Quotes}) and negated
 *       statements ({@code Statements}). A rule takes the tokens it used, so a magnitude is not also a count.</li>
 *   <li><b>Enrichers</b> add to every frame of every kind its scope ({@code Scopes}: places.txt, not-places.txt),
 *       attribution ({@code Attributions}: authorities.txt, attribution-titles.txt), the time it refers to
 *       ({@code TimesReferred}) and its modality ({@code Modalities}: modality-cues.txt). Then the <b>resolver</b>
 *       makes a claim of each frame that states what happened (asserted, negated) or is projected, and lists the
 *       figures of the others as unread with the reason (historical, hypothetical, generic, requested, passing state,
 *       reference value, date of the report, not understood): {@code FigureFinder} finds every figure of the body,
 *       so that each is claimed or unread.</li>
 * </ol>
 * Sentences are read in document order, so that a later "the quake hit at 11:56 a.m." takes its day from an earlier
 * sentence, "the agency said" names the authority cited before, "a figure of 89" stands for the measure counted
 * before, and a live blog's time stamps ("Tue, Aug 15, 9:40 p.m. HST") date the figures of the entry below them.
 *
 * <h2>Figure frames</h2>
 * {@code FigureFrames} reads every number that is not a date, a time, a year before a noun or part of a name:
 * <ul>
 *   <li><b>value</b>: a count ({@code 12}, {@code >12}, {@code >=10}, {@code <5}, {@code 10-12}; hedges set
 *       approximate) or a quantity in a canonical unit or currency ({@code 7.8 magnitude}, {@code 1.6 mi},
 *       {@code 59.8 %}, {@code 5520000000 USD}, {@code 2170 acre}); a race time ("2:01:09") or a margin ("by 34
 *       seconds") is a duration;</li>
 *   <li><b>measure</b>: the head noun of the number's noun phrase ("two ballistic missiles": missile), else the noun
 *       it is the value of ("a magnitude of 6.8", "the toll stands at 2,012", "turnout was 59.8%"), else the measure of
 *       the figure before it ("Labour won 411 seats, the Conservatives 121"); measures.txt maps lemmas to names, says
 *       which count people, which narrow to a group ("three officers": scope officers), which are attributes of a thing
 *       (turnout, cost, magnitude: keyed without their verb) and which belong to a contender (seats, votes: read only
 *       with whose they are);</li>
 *   <li><b>predicate</b>: predicates.txt maps verbs, adjectives and nouns by lemma to classes ("killed", "dead",
 *       "deaths": deaths); a verb not listed keys by its own lemma, with its object ("needed shelter");</li>
 *   <li><b>thing</b>: the event the figure belongs to when the clause tells it apart from the story's main event (an
 *       ordinal: "the second quake"; an event of its own kind: heads.txt [distinct], "the aftershock"), or the noun a
 *       quantity qualifies ("a 1.6-mile bridge"), or a countable head ("a 12-point plan");</li>
 *   <li><b>owner</b>: whose it is, for figures other than counts of people: a possessive, the subject of the clause
 *       (names by their last word: "Incumbent Ana Ferreira" and "Ferreira" are one owner) or "410 seats for
 *       Labour".</li>
 * </ul>
 *
 * <h2>Enrichers</h2>
 * <ul>
 *   <li><b>Scope</b>: a place after "in" in the figure's clause ("19 homes in Kula and Olinda", "In Lyon, three
 *       officers were hurt"), through the places gazetteer (what contains what) or, for a place it does not know, the
 *       name written there; a possessive place before a count of people ("Syria's death toll"); "elsewhere"; the group
 *       a measure counts. Not the place of an event ("the earthquake in Nepal"), of a source ("authorities in Hawaii"),
 *       nor "across"/"nationwide" (a whole). The places where a document's main event happened (cities beside the
 *       main event in its lead) are reported with the extraction: the comparison takes a figure scoped to one of
 *       them as the whole event's.</li>
 *   <li><b>Attribution</b>: "according to X", "X said/told/estimated/confirmed", "…, said X", "X put the toll at",
 *       "X's figures", "an assessment by X", "he said"; the nearest citation in the figure's segment of the sentence.
 *       Known authorities by their label, people by full name without titles (a later surname alone too), "the county"
 *       as the authority cited before whose name has the word, unknown names as written; "officials" and the like are
 *       no attribution.</li>
 *   <li><b>Time referred to</b> (running figures): a date after "by", "as of", "through"; a date right after the
 *       figure ("99 on Monday night") or after the reporting verb ("said on Saturday"); a live blog's entry stamp. A
 *       value given as replaced ("down from the 115", "had given a figure of 89", "41 earlier in the week") is
 *       {@code superseded}: an earlier point of the series.</li>
 *   <li><b>Modality</b>: historical (a year two or more before publication in the clause, or in the noun phrase a
 *       relative clause describes; another named event; "a week earlier"), projected ("could", "expected to", exit
 *       polls), hypothetical ("if"), generic ("are considered"), requested ("sought"), passing state ("weakened
 *       to").</li>
 * </ul>
 *
 * <h2>Keys</h2>
 * The comparison groups claims by (kind, key), so a key names the thing and never the value or who said it. One type
 * formats every key, {@link dev.crosscheck.claim.ClaimKey}: the kind, the parts, then the scope after {@code |}.
 * <ul>
 *   <li>counts and quantities: {@code kind:owner:thing:measure:predicate[|scope]}:
 *       {@code count:-:-:person:deaths|syria}, {@code count:labour:-:seat:won}, {@code count:china:plan:points:-},
 *       {@code quantity:-:earthquake:magnitude:-}, {@code quantity:-:-:cost:-}, {@code count:-:-:person:injured|lyon/officers}</li>
 *   <li>dates: {@code date:<owner>:<lemma>}, {@code date:<owner>:meet:<person>}, {@code date:<owner>:<head>:<lemma>},
 *       {@code date:-:<event>}; durations: {@code duration:<owner>:<head>}, and for race times and margins
 *       {@code duration:<owner>:-:time:-}</li>
 *   <li>{@code participants:meet[@day]:<a>+<b>}; {@code quote:<speaker>:<words>};
 *       {@code statement:<verb>:<owner>:<object>[:by:<document>][:on:<day>]}</li>
 * </ul>
 *
 * <h2>Adding words</h2>
 * A measure, a predicate class, an authority, a place or a cue is a line in its data file under
 * {@code src/main/resources/dev/crosscheck/extract} (measures.txt, predicates.txt, authorities.txt, places.txt,
 * modality-cues.txt, word-classes.txt; each file's header gives its format), and a row in an example table under
 * {@code src/test/resources/dev/crosscheck/extract/examples} (text | published | kind | key | value | scope |
 * attribution | modality | flags), which {@code ExampleTablesTest} runs. Java code names word classes, never words.
 */
package dev.crosscheck.extract;
