package dev.crosscheck.claim;

import java.util.Objects;

/**
 * One checkable statement made by one source.
 *
 * @param kind        what sort of value it is
 * @param key         machine key: claims about the same thing get the same key in every source
 * @param subject     what the claim is about, for people ("China's peace plan: points")
 * @param attribute   the property the value describes ("points", "magnitude", "departed"), or null
 * @param value       the normalized value (forms in the report schema: "12", ">12", "2023-03-20", "P3D", ...)
 * @param display     the value as the source wrote it ("more than a dozen")
 * @param approximate the source hedged the value ("about", "nearly")
 * @param running     the value is a running figure that may grow over time (death tolls, "so far")
 * @param confidence  how sure extraction is, in [0, 1]
 * @param evidence    the sentence and offsets the claim came from
 * @param scope       the place or group the figure covers when the text narrows it ("Kula and Olinda", "Syria",
 *                    "police officers"), as a person would name it; null for the whole event. The key carries it too.
 * @param attribution the authority the sentence cites for the value ("USGS", "Interior Ministry", "Josh Green"),
 *                    normalized so that two wordings of one authority are one string; null when the outlet states it
 *                    on its own account
 * @param asOf        the time the value refers to ("by Monday evening": an ISO date or date-time), or null
 * @param modality    whether the claim states what happened ({@link Modality}); absent in claims stored by earlier
 *                    releases, which read as asserted
 * @param superseded  the text gives the value as one replaced since ("down from the 115 they had reported", "had
 *                    given a figure of 89"): an earlier point of a running figure, not a rival of the current one
 */
public record Claim(
        ClaimKind kind,
        String key,
        String subject,
        String attribute,
        String value,
        String display,
        boolean approximate,
        boolean running,
        double confidence,
        Evidence evidence,
        String scope,
        String attribution,
        String asOf,
        Modality modality,
        boolean superseded) {

    /** A claim of the whole event, stated on the outlet's own account and as having happened. */
    public Claim(ClaimKind kind, String key, String subject, String attribute, String value, String display,
                 boolean approximate, boolean running, double confidence, Evidence evidence) {
        this(kind, key, subject, attribute, value, display, approximate, running, confidence, evidence, null, null,
                null, Modality.ASSERTED, false);
    }

    /** A claim that states a current value. */
    public Claim(ClaimKind kind, String key, String subject, String attribute, String value, String display,
                 boolean approximate, boolean running, double confidence, Evidence evidence, String scope,
                 String attribution, String asOf, Modality modality) {
        this(kind, key, subject, attribute, value, display, approximate, running, confidence, evidence, scope,
                attribution, asOf, modality, false);
    }

    public Claim {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(evidence, "evidence");
        if (modality == null) {
            modality = Modality.ASSERTED;
        }
        if (confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("confidence out of [0,1]: " + confidence);
        }
    }

    public String source() {
        return evidence.source();
    }

    /** This claim under another key (the day of its occurrence added, say), everything else the same. */
    public Claim withKey(String other) {
        return new Claim(kind, other, subject, attribute, value, display, approximate, running, confidence, evidence,
                scope, attribution, asOf, modality, superseded);
    }

    /** This claim with other evidence (a quote cut for storage, say), everything else the same. */
    public Claim withEvidence(Evidence other) {
        return new Claim(kind, key, subject, attribute, value, display, approximate, running, confidence, other, scope,
                attribution, asOf, modality, superseded);
    }
}
