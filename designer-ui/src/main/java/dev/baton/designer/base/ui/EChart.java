package dev.baton.designer.base.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.component.html.Div;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A chart drawn by Apache ECharts, which the build serves as a static resource (no frontend
 * build). The option is an ECharts option object given as maps and lists; it is sent as JSON
 * and replaces the previous one. Data attributes given with it are set on the element, so that
 * tests read what was drawn without parsing a canvas.
 */
@JavaScript("context://libs/echarts/echarts.min.js")
public class EChart extends Div {
  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** An empty chart with this element id. */
  public EChart(String id) {
    setId(id);
    addClassName("chart");
    setWidthFull();
  }

  /** Draws the option and sets the data attributes ({@code data-<name>}). */
  public void draw(Map<String, Object> option, Map<String, String> data) {
    String json;
    try {
      json = JSON.writeValueAsString(option);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("An ECharts option that is not JSON: " + e.getMessage(), e);
    }
    data.forEach((k, v) -> getElement().setAttribute("data-" + k, v));
    // a ResizeObserver keeps the chart as wide as its element: at the first draw the element
    // may not have its final width yet (styles still loading, layout not done)
    getElement().executeJs("const el = this;"
        + " const c = window.echarts.getInstanceByDom(el) || window.echarts.init(el);"
        + " c.setOption(JSON.parse($0), true);"
        + " if (!el.__batonResize) { el.__batonResize = new ResizeObserver(() => {"
        + "   const i = window.echarts.getInstanceByDom(el); if (i) { i.resize(); } });"
        + "   el.__batonResize.observe(el); }", json);
  }

  /**
   * The option of a bar chart: one category axis, a value axis with a title, and one or more
   * series (stacked when {@code stacked}), each with a name, a colour (or null for the theme's)
   * and one value per category.
   */
  public static Map<String, Object> bars(List<String> categories, String axisTitle,
      List<Series> series, boolean stacked) {
    Map<String, Object> option = new LinkedHashMap<>();
    option.put("tooltip", Map.of("trigger", "axis"));
    if (series.size() > 1) {
      option.put("legend", Map.of("top", 0));
    }
    option.put("grid", Map.of("left", 50, "right", 20, "top", series.size() > 1 ? 56 : 40,
        "bottom", 60));
    option.put("xAxis", Map.of("type", "category", "data", categories,
        "axisLabel", Map.of("interval", 0, "rotate", categories.size() > 8 ? 30 : 0)));
    option.put("yAxis", Map.of("type", "value", "name", axisTitle, "minInterval", 1,
        "nameTextStyle", Map.of("align", "left")));
    option.put("series", series.stream().map(s -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("type", "bar");
      m.put("name", s.name());
      m.put("data", s.values());
      if (stacked) {
        m.put("stack", "total");
      }
      if (s.color() != null) {
        m.put("itemStyle", Map.of("color", s.color()));
      }
      return m;
    }).toList());
    return option;
  }

  /**
   * One series of a bar chart.
   *
   * @param name the legend's name
   * @param color a CSS colour, or null
   * @param values one value per category
   */
  public record Series(String name, String color, List<? extends Number> values) {
    public Series {
      values = List.copyOf(values);
    }
  }
}
