package dev.crosscheck.cli;

import dev.crosscheck.compare.Report;
import dev.crosscheck.json.Json;

/** Renders a report for a terminal. */
final class ReportText {

    private ReportText() {
    }

    static String render(Report report) {
        return Json.writePretty(report) + "\n";
    }
}
