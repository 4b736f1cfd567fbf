package dev.crosscheck.cli;

import dev.crosscheck.analysis.ObjectKinds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Articles on disk: the files of the formats crosscheck reads, and their {@code NAME.meta.json} sidecars, which hold
 * what an uploader sends as S3 object metadata ({@code published}, {@code publisher}, {@code title}, {@code url}).
 */
final class ArticleFiles {

    static final List<String> METADATA_FIELDS = dev.crosscheck.document.Sidecars.FIELDS;

    private ArticleFiles() {
    }

    /** The article files among the given files and folders (folders searched recursively), in name order. */
    static List<Path> find(List<Path> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile).filter(ArticleFiles::isArticle).sorted().forEach(files::add);
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                throw new IOException("no such file or folder: " + p);
            }
        }
        return files;
    }

    /** A document by the one rule the bucket's objects follow too ({@link ObjectKinds}). */
    static boolean isArticle(Path file) {
        return ObjectKinds.of(file.getFileName().toString()) == ObjectKinds.Kind.DOCUMENT;
    }

    /** The sidecar's fields as S3 user metadata; empty when the file has no sidecar. */
    static Map<String, String> metadata(Path article) throws IOException {
        String name = article.getFileName().toString();
        int dot = name.lastIndexOf('.');
        Path sidecar = article.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".meta.json");
        Map<String, String> metadata = new LinkedHashMap<>();
        if (!Files.isRegularFile(sidecar)) {
            return metadata;
        }
        try {
            metadata.putAll(dev.crosscheck.document.Sidecars.fields(Files.readAllBytes(sidecar)));
        } catch (IllegalArgumentException e) {
            throw new IOException("unreadable metadata file " + sidecar + ": " + e.getMessage(), e);
        }
        return metadata;
    }
}
