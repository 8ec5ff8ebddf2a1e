package com.verdict.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordsTests {

    @Test
    void aCountTakesItsNounInTheSingularOnlyForOne() {
        assertThat(Words.count(0, "place")).isEqualTo("0 places");
        assertThat(Words.count(1, "place")).isEqualTo("1 place");
        assertThat(Words.count(2, "place")).isEqualTo("2 places");
        assertThat(Words.count(-1, "point")).isEqualTo("-1 points");
        assertThat(Words.count(1_234_567, "judgment")).isEqualTo("1,234,567 judgments");
    }

    @Test
    void aConfidenceIsNeverRoundedUpToAFullHundred() {
        assertThat(Words.confidence(0.99565)).isEqualTo("99.5%");
        assertThat(Words.confidence(0.99999)).isEqualTo("99.9%");
        assertThat(Words.confidence(1.0)).isEqualTo("100%");
        assertThat(Words.confidence(0.8)).isEqualTo("80%");
        assertThat(Words.confidence(0.29)).isEqualTo("29%");
        assertThat(Words.confidence(0.0)).isEqualTo("0%");
    }

    @Test
    void aLeftBiasIsInPercentagePointsAndItsSharesInWords() {
        assertThat(Words.leftBias(0.48, 0.30)).isEqualTo("+18");
        assertThat(Words.leftBias(0.29, 0.48)).isEqualTo("−19");
        assertThat(Words.leftBias(0.5, 0.5)).isEqualTo("0");
        assertThat(Words.leftBias(null, 0.5)).isEqualTo("—");
        assertThat(Words.leftShares(0.48, 0.30))
                .isEqualTo("48% of decisive verdicts went left; their pairs warranted 30%");
        assertThat(Words.leftShares(null, null)).isNull();
        assertThat(Words.gold(2 / 3.0, 3)).isEqualTo("67% of 3");
        assertThat(Words.gold(null, 0)).isEqualTo("—");
    }

    @Test
    void aNameInMarkdownHasItsMarkupEscaped() {
        String name = "[Reset your password](https://evil.example) *now* O'Brien-Smith";

        String literal = Words.markdownLiteral(name);

        assertThat(literal).isEqualTo("\\[Reset your password\\]\\(https://evil.example\\) \\*now\\* O'Brien-Smith");
    }

    @Test
    void listsJoinTheirLastItemWithAnd() {
        assertThat(Words.andList(List.of())).isEmpty();
        assertThat(Words.andList(List.of("Ada"))).isEqualTo("Ada");
        assertThat(Words.andList(List.of("Ada", "Grace"))).isEqualTo("Ada and Grace");
        assertThat(Words.andList(List.of("Ada", "Grace", "Linus"))).isEqualTo("Ada, Grace and Linus");
    }
}
