package dev.crosscheck.document;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Metadata values as S3 and uploaders' tools deliver them, and the text they meant: the table is the test. */
class MetadataTextTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            =?UTF-8?B?SMOpbMOobmUgTW9yZWF1?=                  | Hélène Moreau
            =?utf-8?Q?H=C3=A9l=C3=A8ne_Moreau?=               | Hélène Moreau
            =?UTF-8?B?SMOpbMOobmU=?= =?UTF-8?B?IE1vcmVhdQ==?= | Hélène Moreau
            Le =?ISO-8859-1?Q?Monde_fran=E7ais?=              | Le Monde français
            H%C3%A9l%C3%A8ne%20Moreau                         | Hélène Moreau
            Profits up 50% on the year                        | Profits up 50% on the year
            Agence France-Presse                              | Agence France-Presse
            A+B Media                                         | A+B Media
            =?UTF-8?B?not base64!?=                           | =?UTF-8?B?not base64!?=
            =?no-such-charset?B?SGk=?=                        | =?no-such-charset?B?SGk=?=
            %FF%FE broken                                     | %FF%FE broken
            """)
    void decodes(String value, String expected) {
        assertEquals(expected, MetadataText.decode(value));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            https://example.org/a%20b                  | https://example.org/a%20b
            =?UTF-8?B?aHR0cHM6Ly9leGFtcGxlLm9yZy/DqQ==?= | https://example.org/é
            """)
    void urlsKeepTheirPercentSigns(String value, String expected) {
        assertEquals(expected, MetadataText.decodeEncodedWords(value));
    }
}
