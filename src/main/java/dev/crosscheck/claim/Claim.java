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
        Evidence evidence) {

    public Claim {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(evidence, "evidence");
        if (confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("confidence out of [0,1]: " + confidence);
        }
    }

    public String source() {
        return evidence.source();
    }
}
