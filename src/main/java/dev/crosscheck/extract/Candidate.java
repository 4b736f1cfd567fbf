package dev.crosscheck.extract;

import dev.crosscheck.claim.ClaimKey;

import dev.crosscheck.claim.ClaimKind;
import dev.crosscheck.claim.Modality;

/**
 * A claim frame under construction, the one stage between "a rule matched" and "a claim": a dimension rule fills in
 * what was measured and its value; the enrichers then add, for every candidate of every kind, the scope, the
 * attribution, the time referred to and the modality; the resolver turns the frame into a claim, or into an unread
 * figure with the reason.
 */
final class Candidate {

    final ClaimKind kind;
    ClaimKey key;
    String subject;
    final String attribute;
    final String value;
    /** Token span of the claim's own words in the sentence (its evidence). */
    final int from;
    final int to;
    /** Token span of the figure the claim states (a number, a date), or of its words when it states none. */
    int figureFrom;
    int figureTo;
    final boolean approximate;
    boolean running;
    double confidence;
    /** The owner came from a pronoun resolved to an earlier sentence. */
    final boolean pronounResolved;

    /** Scope as a person would name it ("Kula and Olinda"), and its key part ({@code kula-olinda}); null for none. */
    String scopeLabel;
    String scopeId;
    /** A group of people the figure counts apart ("officers"), set by the figure rule; part of the scope. */
    String group;
    /** The figure counts people (its possessive place is a scope: "Syria's death toll"). */
    boolean people;
    /** The figure is a property of an event (its magnitude, depth, winds): "in Nepal" places the event, no scope. */
    boolean eventAttribute;
    String attribution;
    String asOf;
    /** A part of what was counted before ("a dozen of them"): a claim only where its scope tells which part. */
    boolean partOfCounted;
    /** The tokens of the day written beside a date's time of day ("on Sept. 28" of "at 3:05 p.m. on Sept. 28"), or -1. */
    int dayFrom = -1;
    int dayTo = -1;
    /** Token span of the date that {@link #asOf} was read from, or -1. */
    int asOfFrom = -1;
    int asOfTo = -1;
    /** The words of the day of the occurrence the figure counts ("at an earlier march, on June 9"), or -1. */
    int occurrenceFrom = -1;
    int occurrenceTo = -1;
    /** The text gives the value as replaced since ("down from the 115 they had reported"). */
    boolean superseded;
    Modality modality = Modality.ASSERTED;
    /** Why a non-factual candidate is not a claim, in words for the coverage ("passing state"), when it is not the modality. */
    String unreadReason;

    Candidate(ClaimKind kind, ClaimKey key, String subject, String attribute, String value, int from, int to,
              boolean approximate, boolean running, double confidence, boolean pronounResolved) {
        this.kind = kind;
        this.key = key;
        this.subject = subject;
        this.attribute = attribute;
        this.value = value;
        this.from = from;
        this.to = to;
        this.figureFrom = from;
        this.figureTo = to;
        this.approximate = approximate;
        this.running = running;
        this.confidence = confidence;
        this.pronounResolved = pronounResolved;
    }

    /** Sets the figure's own tokens and marks them in {@code figureTokens} (the sentence's tokens that are figures). */
    Candidate figure(boolean[] figureTokens, int figureStart, int figureEnd) {
        this.figureFrom = figureStart;
        this.figureTo = figureEnd;
        for (int i = Math.max(0, figureStart); i < Math.min(figureTokens.length, figureEnd); i++) {
            figureTokens[i] = true;
        }
        return this;
    }

    /** Whether the candidate states a figure: a count, a quantity, a date or a duration. */
    boolean figure() {
        return kind == ClaimKind.COUNT || kind == ClaimKind.QUANTITY || kind == ClaimKind.DATE
                || kind == ClaimKind.DURATION;
    }

    @Override
    public String toString() {
        return kind + " " + key + " = " + value + " [" + modality + (attribution != null ? ", per " + attribution : "")
                + (scopeLabel != null ? ", in " + scopeLabel : "") + (asOf != null ? ", as of " + asOf : "") + "]";
    }
}
