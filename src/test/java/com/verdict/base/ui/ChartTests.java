package com.verdict.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartTests {

    @Test
    void aChartWithoutAnyValueSaysWhyInsteadOfShowingABareAxis() {
        Chart chart = new Chart("Agreement");
        chart.setEmptyText("Nothing settled yet");
        chart.show(List.of("11-25", "11-26"), List.of(Chart.Series.line("Agreement %", Arrays.asList(null, null))),
                100.0);
        assertThat(chart.option()).contains("\"graphic\"").contains("Nothing settled yet")
                .contains("\"min\":0").contains("\"max\":100.0");
    }

    @Test
    void barsThatAreAllZeroSayWhyButALineAtZeroIsAValue() {
        Chart counts = new Chart("Judgments");
        counts.setEmptyText("No judgments yet");
        counts.show(List.of("11-25", "11-26"), List.of(Chart.Series.bars("Judgments", List.of(0, 0))), null);
        assertThat(counts.option()).contains("\"graphic\"").contains("No judgments yet");

        Chart agreement = new Chart("Agreement");
        agreement.show(List.of("11-25", "11-26"), List.of(Chart.Series.line("Agreement %", Arrays.asList(0, null))),
                100.0);
        assertThat(agreement.option()).doesNotContain("graphic");
    }

    @Test
    void aChartWithValuesShowsThemAndNoMessage() {
        Chart chart = new Chart("Judgments");
        chart.show(List.of("11-25", "11-26"), List.of(Chart.Series.bars("Judgments", Arrays.asList(null, 4))), null);
        assertThat(chart.option()).doesNotContain("graphic").contains("[null,4]");
    }

    @Test
    void barsCountWholeThingsButALineMayFallBetween() {
        Chart bars = new Chart("Judgments");
        bars.show(List.of("11-25", "11-26"), List.of(Chart.Series.bars("Judgments", List.of(1, 2))), null);
        assertThat(bars.option()).contains("\"minInterval\":1");

        Chart line = new Chart("Agreement");
        line.show(List.of("11-25", "11-26"), List.of(Chart.Series.line("Agreement %", List.of(40, 60))), 100.0);
        assertThat(line.option()).doesNotContain("minInterval");
    }

    @Test
    void namedThingsLieAcrossWithTheirTargetsAsMarks() throws Exception {
        Chart coverage = new Chart("Decided");
        coverage.showAcross(List.of("Open Q&A", "Information extraction"), Chart.Series.bars("Decided", List.of(2, 0)),
                Chart.Series.bars("Target", List.of(150, 200)));

        JsonNode option = new ObjectMapper().readTree(coverage.option());
        assertThat(option.at("/yAxis/type").asText()).isEqualTo("category");
        assertThat(option.at("/yAxis/data/1").asText()).isEqualTo("Information extraction");
        assertThat(option.at("/series/0/type").asText()).isEqualTo("bar");
        assertThat(option.at("/series/0/data").toString()).isEqualTo("[2,0]");
        assertThat(option.at("/series/1/type").asText()).as("a mark per target, no line joining them")
                .isEqualTo("scatter");
        assertThat(option.at("/series/1/data").toString()).isEqualTo("[150,200]");
    }
}
