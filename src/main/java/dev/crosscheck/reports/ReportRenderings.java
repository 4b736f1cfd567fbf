package dev.crosscheck.reports;

import dev.crosscheck.compare.Report;
import dev.crosscheck.compare.ReportMarkdown;
import dev.crosscheck.compare.SourceInfo;
import dev.crosscheck.compare.StoryComparator;
import dev.crosscheck.compare.TextPrint;
import dev.crosscheck.compare.Timeline;
import dev.crosscheck.json.Json;
import dev.crosscheck.json.SafeJson;
import dev.crosscheck.store.DocumentStatus;
import dev.crosscheck.store.ReportFile;
import dev.crosscheck.store.StoredDocument;
import dev.crosscheck.store.StoryData;
import dev.crosscheck.web.PageSource;
import dev.crosscheck.web.ReportPage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A story's report and the files it is stored and served as: JSON, Markdown, the page, and the page's parts. */
public final class ReportRenderings {

    private ReportRenderings() {
    }

    /** The report of a story's stored claims: its ingested documents are the sources. */
    public static Report report(StoryComparator comparator, StoryData data) {
        List<SourceInfo> sources = new ArrayList<>();
        for (StoredDocument d : data.documents()) {
            if (d.status() == DocumentStatus.INGESTED) {
                sources.add(new SourceInfo(d.id(), d.title(), d.publisher(), d.published(), d.publishedFrom(),
                        d.coverage(), TextPrint.decode(d.print()), SourceInfo.places(d.places()), d.warnings()));
            }
        }
        return comparator.compare(data.story(), sources, data.claims());
    }

    /** Every document of the story as the page lists it, rejected ones included. */
    public static List<PageSource> pageSources(StoryData data) {
        List<PageSource> documents = new ArrayList<>();
        for (StoredDocument d : data.documents()) {
            documents.add(new PageSource(d.id(), d.status().wireName(), d.reason(), d.title(), d.publisher(),
                    d.published(), d.publishedFrom(), d.url(), d.claims()));
        }
        return documents;
    }

    /** The GET /stories/{story}/timeline answer. */
    public static Map<String, Object> timeline(String story, List<Timeline.Entry> events) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("story", story);
        body.put("events", events);
        return body;
    }

    /**
     * Every file of a stored report, exactly as the API answers them (JSON with markup characters escaped); the page's
     * links start at {@link ReportPage#BASE}.
     */
    public static Map<ReportFile, byte[]> files(Report report, StoryData data) {
        List<PageSource> sources = pageSources(data);
        List<Timeline.Entry> events = Timeline.of(data.claims());
        Map<ReportFile, byte[]> files = new EnumMap<>(ReportFile.class);
        files.put(ReportFile.JSON, utf8(SafeJson.write(report)));
        files.put(ReportFile.MARKDOWN, utf8(ReportMarkdown.render(report)));
        files.put(ReportFile.PAGE, utf8(ReportPage.render(new ReportPage.Input(report, sources, events, Set.of(),
                Set.of(), ReportPage.BASE + "report.html"))));
        files.put(ReportFile.TIMELINE, utf8(SafeJson.write(timeline(data.story(), events))));
        files.put(ReportFile.PAGE_SOURCES, utf8(Json.write(sources)));
        return files;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
