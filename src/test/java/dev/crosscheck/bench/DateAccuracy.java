package dev.crosscheck.bench;

import dev.crosscheck.analysis.ArticleAnalyzer;
import dev.crosscheck.claim.Claim;
import dev.crosscheck.claim.ClaimKind;
import dev.crosscheck.document.DocumentMetadata;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How many of the corpus's date expectations crosscheck and the peer each get right. For every check (a value one
 * source must give), crosscheck is right when that source's date claims contain the value; the peer is right when its
 * parse of that source's text, with the publication date as reference, yields the value at that precision. A second,
 * more lenient score also credits a finer answer on the same day or month ({@code 2015-04-25T08:00} for
 * {@code 2015-04-25}).
 */
final class DateAccuracy {

    /** One check and what each side gave for that source. */
    record Outcome(PeerCorpus.DateCheck check, Set<String> crosscheckValues, Set<String> peerValues) {
        boolean crosscheck() {
            return crosscheckValues.contains(check.value());
        }

        boolean crosscheckLenient() {
            return atOrFiner(crosscheckValues, check.value());
        }

        boolean peer() {
            return peerValues.contains(check.value());
        }

        boolean peerLenient() {
            return atOrFiner(peerValues, check.value());
        }
    }

    /** Totals over all checks. */
    record Score(int checks, int crosscheck, int crosscheckLenient, int peer, int peerLenient, int peerOnly) {
    }

    private DateAccuracy() {
    }

    static List<Outcome> evaluate(List<PeerCorpus.Article> articles, List<PeerCorpus.DateCheck> checks) {
        ArticleAnalyzer analyzer = new ArticleAnalyzer();
        NattyDates natty = new NattyDates();
        Map<String, Set<String>> crosscheckBySource = new LinkedHashMap<>();
        Map<String, Set<String>> peerBySource = new LinkedHashMap<>();
        PrintStream err = System.err;
        System.setErr(new PrintStream(OutputStream.nullOutputStream()));   // Natty's grammar reports dead ends there
        try {
            for (PeerCorpus.Article a : articles) {
                Set<String> values = new LinkedHashSet<>();
                for (Claim c : analyzer.analyze(a.name(), a.content(), metadata(a)).claims()) {
                    if (c.kind() == ClaimKind.DATE) {
                        values.add(c.value());
                    }
                }
                crosscheckBySource.put(key(a.story(), a.name()), values);
                peerBySource.put(key(a.story(), a.name()), natty.values(a.text(), a.published()));
            }
        } finally {
            System.setErr(err);
        }
        List<Outcome> out = new ArrayList<>();
        for (PeerCorpus.DateCheck c : checks) {
            String k = key(c.story(), c.source());
            out.add(new Outcome(c, crosscheckBySource.getOrDefault(k, Set.of()), peerBySource.getOrDefault(k, Set.of())));
        }
        return out;
    }

    static Score score(Collection<Outcome> outcomes) {
        int cc = 0, ccl = 0, peer = 0, peerl = 0, peerOnly = 0;
        for (Outcome o : outcomes) {
            cc += o.crosscheck() ? 1 : 0;
            ccl += o.crosscheckLenient() ? 1 : 0;
            peer += o.peer() ? 1 : 0;
            peerl += o.peerLenient() ? 1 : 0;
            peerOnly += o.peer() && !o.crosscheck() ? 1 : 0;
        }
        return new Score(outcomes.size(), cc, ccl, peer, peerl, peerOnly);
    }

    static DocumentMetadata metadata(PeerCorpus.Article a) {
        return new DocumentMetadata(a.published(), a.publisher(), null, null, Instant.EPOCH);
    }

    /**
     * The value itself, or a finer one inside it: {@code 2015-04-25T11:56} is inside {@code 2015-04-25}, which is
     * inside {@code 2015-04}. Week values are matched exactly.
     */
    static boolean atOrFiner(Set<String> values, String expected) {
        for (String v : values) {
            if (v.equals(expected) || (!expected.contains("W") && v.length() > expected.length()
                    && v.startsWith(expected) && (v.charAt(expected.length()) == '-' || v.charAt(expected.length()) == 'T'))) {
                return true;
            }
        }
        return false;
    }

    private static String key(String story, String source) {
        return story + "/" + source;
    }
}
