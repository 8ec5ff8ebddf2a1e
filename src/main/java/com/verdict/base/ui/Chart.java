package com.verdict.base.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A chart drawn in the browser by Apache ECharts, loaded at runtime from its webjar (no frontend build).
 * Views pass data only: category labels and named series of numbers. The title is a heading above the drawing,
 * so that on a narrow screen it wraps instead of running into the legend.
 */
@JavaScript("context://webjars/echarts/5.3.1/dist/echarts.min.js")
public class Chart extends Div {

    /** One line or set of bars; {@code values} align with the chart's labels (null for a gap). */
    public record Series(String name, List<? extends Number> values, boolean line) {

        /** Whether it draws nothing: no value at all, or, as bars, none above zero (bars count things). */
        boolean drawsNothing() {
            return values.stream().allMatch(v -> v == null || !line && v.doubleValue() == 0);
        }

        public static Series bars(String name, List<? extends Number> values) {
            return new Series(name, values, false);
        }

        public static Series line(String name, List<? extends Number> values) {
            return new Series(name, values, true);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Up to this many labels are names, each shown. */
    private static final int NAMED_LABELS = 12;
    /** The theme's violet and amber first, then calm contrasts. */
    private static final List<String> PALETTE = List.of("#6c3fd1", "#f59e0b", "#10b981", "#3b82f6", "#ef4444");

    private final Div drawing = new Div();
    private String whenEmpty = "Nothing to show yet";
    private String option = "{}";

    public Chart(String title) {
        addClassName("verdict-chart");
        H4 heading = new H4(title);
        heading.addClassName("verdict-chart-title");
        drawing.addClassName("verdict-chart-drawing");
        drawing.getElement().setAttribute("role", "img");
        drawing.getElement().setAttribute("aria-label", title);
        add(heading, drawing);
    }

    /** What the chart says, in its middle, when no series draws anything ({@link Series#drawsNothing}). */
    public void setEmptyText(String whenEmpty) {
        this.whenEmpty = whenEmpty;
    }

    /** Shows these series over the labels; replaces whatever the chart showed before. */
    public void show(List<String> labels, List<Series> series, Double yMax) {
        Map<String, Object> option = option(Map.of("trigger", "axis"));
        Map<String, Object> xAxis = new LinkedHashMap<>(Map.of("type", "category", "data", labels));
        // A few named things (categories): every name shown, broken over lines, where ECharts would skip every
        // other one that does not fit; days, many and alike, may skip some.
        boolean named = labels.size() <= NAMED_LABELS;
        if (named) {
            xAxis.put("axisLabel", Map.of("interval", 0, "width", 76, "overflow", "break"));
        }
        option.put("grid", Map.of("left", 48, "right", 24, "top", 36, "bottom", named ? 48 : 32));
        option.put("xAxis", xAxis);
        Map<String, Object> yAxis = new LinkedHashMap<>(Map.of("type", "value"));
        if (yMax != null) {
            yAxis.put("min", 0);
            yAxis.put("max", yMax);
        }
        // Bars count things: no axis tick at 0.5 of a judgment.
        if (series.stream().noneMatch(Series::line)) {
            yAxis.put("minInterval", 1);
        }
        // An empty chart would be a bare axis: say why there is nothing instead.
        if (series.stream().allMatch(Series::drawsNothing)) {
            option.put("graphic", Map.of("type", "text", "left", "center", "top", "middle",
                    "style", Map.of("text", whenEmpty, "fill", "#6b7280", "fontSize", 14)));
        }
        option.put("yAxis", yAxis);
        option.put("series", series.stream().map(s -> Map.of("name", s.name(), "type", s.line() ? "line" : "bar",
                "data", s.values())).toList());
        write(option);
    }

    /**
     * Named things (categories) as bars across, each name before its bar and its count after it, and a target for
     * each as a mark on its bar's line. Upright, long names overlapped and small counts were flat lines under their
     * targets, which a line joined across unrelated things as if a trend.
     */
    public void showAcross(List<String> names, Series counts, Series targets) {
        Map<String, Object> option = option(Map.of("trigger", "axis", "axisPointer", Map.of("type", "shadow")));
        option.put("grid", Map.of("left", 8, "right", 32, "top", 36, "bottom", 8, "containLabel", true));
        option.put("yAxis", Map.of("type", "category", "data", names, "inverse", true,
                "axisTick", Map.of("show", false)));
        option.put("xAxis", Map.of("type", "value", "minInterval", 1));
        option.put("series", List.of(
                Map.of("name", counts.name(), "type", "bar", "data", counts.values(),
                        "label", Map.of("show", true, "position", "right")),
                Map.of("name", targets.name(), "type", "scatter", "data", targets.values(), "symbol", "diamond",
                        "symbolSize", 12)));
        write(option);
    }

    /** What every chart here starts from: the palette, this tooltip, the legend at the top right. */
    private static Map<String, Object> option(Map<String, Object> tooltip) {
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("color", PALETTE);
        option.put("tooltip", tooltip);
        option.put("legend", Map.of("top", 0, "right", 8));
        return option;
    }

    private void write(Map<String, Object> option) {
        try {
            this.option = JSON.writeValueAsString(option);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Chart data cannot be written as JSON", e);
        }
        draw();
    }

    /** The option as given to ECharts, for tests. */
    public String option() {
        return option;
    }

    @Override
    protected void onAttach(AttachEvent event) {
        draw();
    }

    private void draw() {
        // ECharts may still be loading when the chart first attaches: wait for it.
        drawing.getElement().executeJs("""
                const el = this, option = JSON.parse($0);
                (function draw() {
                  if (!window.echarts) { setTimeout(draw, 50); return; }
                  const chart = echarts.getInstanceByDom(el) || echarts.init(el);
                  chart.setOption(option, true);
                  if (!el.__verdictResize) {
                    el.__verdictResize = new ResizeObserver(() => chart.resize());
                    el.__verdictResize.observe(el);
                  }
                })();""", option);
    }
}
