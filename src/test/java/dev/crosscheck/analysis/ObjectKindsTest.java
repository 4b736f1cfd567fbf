package dev.crosscheck.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one rule for what an object of the bucket is: its examples are the table. */
class ObjectKindsTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            story/a.txt                 | DOCUMENT
            story/UPPER.TXT             | DOCUMENT
            story/notes.Md              | DOCUMENT
            story/page.html             | DOCUMENT
            story/page.HTM              | DOCUMENT
            story/a.b.c.markdown        | DOCUMENT
            no-folder.txt               | DOCUMENT
            story/a.meta.json           | SIDECAR
            story/a.b.meta.json         | SIDECAR
            story/A.META.JSON           | OTHER
            story/.meta.json            | OTHER
            story/data.json             | OTHER
            story/README                | OTHER
            story/.txt                  | OTHER
            story/photo.jpg             | OTHER
            story/                      | FOLDER
            story/sub/                  | FOLDER
            """)
    void kinds(String key, ObjectKinds.Kind kind) {
        assertEquals(kind, ObjectKinds.of(key));
    }

    @ParameterizedTest(name = "{0} is described by {1}, listed under {2}")
    @CsvSource(delimiter = '|', textBlock = """
            story/a.txt         | story/a.meta.json     | story/a.
            story/a.b.html      | story/a.b.meta.json   | story/a.b.
            a.txt               | a.meta.json           | a.
            story/sub/x.TXT     | story/sub/x.meta.json | story/sub/x.
            """)
    void sidecars(String document, String sidecar, String prefix) {
        assertEquals(sidecar, ObjectKinds.sidecarOf(document));
        assertEquals(prefix, ObjectKinds.documentPrefixOf(sidecar));
        assertEquals(true, document.startsWith(prefix));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            story/data.json | not an article: a .json file is not read; articles end in .htm, .html, .markdown, .md, .text, .txt, .xhtml (any case), metadata goes in NAME.meta.json
            story/README    | not an article: a file without an extension is not read; articles end in .htm, .html, .markdown, .md, .text, .txt, .xhtml (any case), metadata goes in NAME.meta.json
            """)
    void rejections(String key, String reason) {
        assertEquals(reason, ObjectKinds.rejection(key));
    }
}
