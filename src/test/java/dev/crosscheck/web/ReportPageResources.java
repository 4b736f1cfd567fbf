package dev.crosscheck.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The page's script as shipped, to compare the rendered page with. */
final class ReportPageResources {

    private ReportPageResources() {
    }

    static String js() {
        try (InputStream in = ReportPageResources.class.getResourceAsStream("/web/report.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
