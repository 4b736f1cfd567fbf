package dev.crosscheck.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The page's colours, as its stylesheet defines them, meet WCAG AA contrast (4.5:1) for the text drawn on them. */
class ReportCssContrastTest {

    private static Map<String, String> colours() throws IOException {
        String css;
        try (InputStream in = ReportCssContrastTest.class.getResourceAsStream("/web/report.css")) {
            css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, String> vars = new HashMap<>();
        Matcher m = Pattern.compile("--([a-z-]+):(#[0-9a-fA-F]{3,6})").matcher(css);
        while (m.find()) {
            vars.put(m.group(1), m.group(2));
        }
        vars.put("white", "#fff");
        vars.put("mark", find(css, "mark\\{background:(#[0-9a-fA-F]{3,6})"));
        return vars;
    }

    private static String find(String css, String regex) {
        Matcher m = Pattern.compile(regex).matcher(css);
        assertTrue(m.find(), regex);
        return m.group(1);
    }

    /** Text colour on background colour, by variable name, as the stylesheet pairs them. */
    private static final List<String[]> PAIRS = List.of(
            new String[] {"text", "bg"}, new String[] {"muted", "bg"}, new String[] {"muted", "panel"},
            new String[] {"text", "panel"}, new String[] {"link", "bg"}, new String[] {"link", "panel"},
            new String[] {"text", "bad-bg"}, new String[] {"muted", "bad-bg"},
            new String[] {"white", "bad"}, new String[] {"white", "good"}, new String[] {"white", "grow"},
            new String[] {"white", "one"}, new String[] {"text", "mark"});

    @Test
    void everyTextColourMeetsAaOnItsBackground() throws IOException {
        Map<String, String> c = colours();
        for (String[] pair : PAIRS) {
            String fg = c.get(pair[0]);
            String bg = c.get(pair[1]);
            assertTrue(fg != null && bg != null, "colours " + pair[0] + ", " + pair[1] + " are defined");
            double ratio = contrast(fg, bg);
            assertTrue(ratio >= 4.5, pair[0] + " on " + pair[1] + ": " + String.format("%.2f", ratio) + ":1");
        }
    }

    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String hex) {
        String h = hex.substring(1);
        if (h.length() == 3) {
            h = "" + h.charAt(0) + h.charAt(0) + h.charAt(1) + h.charAt(1) + h.charAt(2) + h.charAt(2);
        }
        double[] rgb = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16) / 255.0;
            rgb[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
    }
}
