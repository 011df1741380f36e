package dev.baton.designer.packs.ui;

import dev.baton.designer.base.ui.EChart;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A bar chart of backtest flips: one bar per flip with the number of decisions. */
public class FlipChart extends EChart {
  private static final long serialVersionUID = 1L;

  public FlipChart() {
    super("flip-chart");
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
    draw(option, Map.of("bars", String.valueOf(counts.size())));
  }
}
