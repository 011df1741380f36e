package dev.baton.designer.versions.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.component.html.Div;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bar chart of backtest flips drawn by Apache ECharts, which the build serves as a static
 * resource (no frontend build): one bar per flip with the number of decisions.
 */
@JavaScript("context://libs/echarts/echarts.min.js")
public class FlipChart extends Div {
  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON = new ObjectMapper();

  public FlipChart() {
    setId("flip-chart");
    addClassName("chart");
  }

  /** Draws the flips: labels and counts, with the axis title. */
  public void show(List<String> labels, List<Long> counts, String axisTitle) {
    Map<String, Object> option = new LinkedHashMap<>();
    option.put("tooltip", Map.of());
    option.put("grid", Map.of("left", 40, "right", 20, "bottom", 90));
    option.put("xAxis", Map.of("type", "category", "data", labels,
        "axisLabel", Map.of("interval", 0, "rotate", 20)));
    option.put("yAxis", Map.of("type", "value", "name", axisTitle, "minInterval", 1));
    option.put("series", List.of(Map.of("type", "bar", "data", counts)));
    try {
      getElement().executeJs("const c = (window.echarts.getInstanceByDom(this)"
          + " || window.echarts.init(this)); c.setOption(JSON.parse($0), true);"
          + " this.setAttribute('data-bars', $1);", JSON.writeValueAsString(option),
          String.valueOf(counts.size()));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
