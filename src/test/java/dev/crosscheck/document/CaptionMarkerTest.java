package dev.crosscheck.document;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where the first caption marker starts: the earliest of all markers, at a word start when it begins with a letter. */
class CaptionMarkerTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "Photo by Kremlin Pool/UPI;0",
        "Xi and Putin meet in Moscow. Photo by Kremlin Pool/UPI;29",
        "Rescuers search the rubble (Photo: Reuters);27",
        "A Telephoto lens. Photo by AP;18",
        "TelePhoto by night;-1",
        "A TelePhoto by night. Photo by AP;22",
        "Crowds gather. REUTERS/Navesh Chitrakar;15",
        "Crowds gather. Photo: Image: AP;15",
        "No credit here;-1",
    })
    void firstMarker(String text, int expected) {
        assertEquals(expected, Captions.markerAt(text));
        assertEquals(expected == 0, Captions.opensWithMarker(text));
    }
}
