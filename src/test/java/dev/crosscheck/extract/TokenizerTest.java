package dev.crosscheck.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenizerTest {

    private static String lowers(String text) {
        return String.join("|", Tokenizer.tokenize(text, 0).stream().map(Token::lower).toList());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "2,300 people;2,300|people",
        "a 7.8-magnitude quake;a|7.8|-|magnitude|quake",
        "4-1/2 hours;4|-|1/2|hours",
        "at 11:56 a.m. local;at|11:56|a.m.|local",
        "the U.S.-led talks;the|u.s.|-|led|talks",
        "China’s plan;china|'s|plan",
        "the leaders' talks;the|leaders|'s|talks",
        "didn't discuss;didn't|discuss",
        "€750m;€|750|m",
        "“quoted”;\"|quoted|\"",
        "10\u00a0km;10|km",
        "March 20\u201322;march|20|-|22",
    })
    void tokens(String text, String expected) {
        assertEquals(expected, lowers(text));
    }

    @Test
    void offsetsPointIntoTheDocument() {
        String doc = "Intro. Xi’s 12-point plan.";
        int start = doc.indexOf("Xi");
        List<Token> t = Tokenizer.tokenize(doc.substring(start), start);
        for (Token k : t) {
            assertEquals(k.text(), doc.substring(k.start(), k.end()));
        }
    }
}
