package dev.crosscheck.analysis;

import dev.crosscheck.data.DataFiles;
import java.util.Locale;
import java.util.Set;

/**
 * What an object of the bucket is, decided by its key alone, the same way wherever the key arrives from (the
 * deployed ingest function, the local stack, the command line): a document (its extension is one of
 * {@code /document/document-extensions.txt}, in any case), the metadata sidecar of the documents beside it
 * ({@code NAME.meta.json}: the metadata of {@code NAME.*} in the same folder), a folder marker (a key ending in
 * {@code /}, as consoles create), or anything else, which is recorded as rejected with {@link #rejection}.
 */
public final class ObjectKinds {

    /** The suffix of a metadata sidecar, in lower case as written (a sidecar is looked up by its exact key). */
    public static final String SIDECAR_SUFFIX = ".meta.json";

    private static final Set<String> EXTENSIONS = Set.copyOf(DataFiles.lines("/document/document-extensions.txt")
            .stream().map(e -> e.toLowerCase(Locale.ROOT)).toList());

    public enum Kind {
        DOCUMENT, SIDECAR, FOLDER, OTHER
    }

    private ObjectKinds() {
    }

    public static Kind of(String key) {
        if (key.endsWith("/")) {
            return Kind.FOLDER;
        }
        String name = ObjectKeys.fileName(key);
        if (name.endsWith(SIDECAR_SUFFIX) && name.length() > SIDECAR_SUFFIX.length()) {
            return Kind.SIDECAR;    // as written: a document's sidecar is NAME.meta.json, found by that exact key
        }
        name = name.toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1)) ? Kind.DOCUMENT : Kind.OTHER;
    }

    /** Why an object that is not a document, a sidecar or a folder marker is not read. */
    public static String rejection(String key) {
        String name = ObjectKeys.fileName(key);
        int dot = name.lastIndexOf('.');
        String what = dot <= 0 ? "a file without an extension" : "a ." + name.substring(dot + 1) + " file";
        return "not an article: " + what + " is not read; articles end in "
                + String.join(", ", EXTENSIONS.stream().sorted().map(e -> "." + e).toList())
                + " (any case), metadata goes in NAME" + SIDECAR_SUFFIX;
    }

    /** The key of a document's sidecar: {@code story/NAME.meta.json} for {@code story/NAME.txt}. */
    public static String sidecarOf(String documentKey) {
        return folderOf(documentKey) + baseName(ObjectKeys.fileName(documentKey)) + SIDECAR_SUFFIX;
    }

    /**
     * The prefix under which a sidecar's documents are listed ({@code story/NAME.} for {@code story/NAME.meta.json});
     * a listed key is one of them when {@link #sidecarOf} gives the sidecar back.
     */
    public static String documentPrefixOf(String sidecarKey) {
        String name = ObjectKeys.fileName(sidecarKey);
        return folderOf(sidecarKey) + name.substring(0, name.length() - SIDECAR_SUFFIX.length()) + ".";
    }

    private static String folderOf(String key) {
        return key.substring(0, key.lastIndexOf('/') + 1);
    }

    private static String baseName(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
