package dev.baton.designer.workflow.ui;

import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.component.dependency.StyleSheet;
import java.util.function.Consumer;

/**
 * bpmn-js in a plain custom element ({@code <baton-bpmn>}, no shadow DOM): the modeller, or a
 * read-only viewer for operations. bpmn-js and its style sheets are static resources of the
 * build; the bpmn.io watermark it draws stays visible, as its licence requires.
 */
@Tag("baton-bpmn")
@JavaScript("context://libs/baton-workflow/baton-bpmn.js")
@StyleSheet("context://libs/bpmn-js/assets/diagram-js.css")
@StyleSheet("context://libs/bpmn-js/assets/bpmn-js.css")
@StyleSheet("context://libs/bpmn-js/assets/bpmn-font/css/bpmn-embedded.css")
@StyleSheet("context://libs/baton-workflow/workflow.css")
public class BpmnCanvas extends Component implements HasSize {
  private static final long serialVersionUID = 1L;
  private String xml = "";
  private Consumer<String> onChange = x -> {};
  private Consumer<String> onSelect = s -> {};
  private Consumer<String> onImportError = e -> {};
  private Consumer<String> onClick = id -> {};

  /** A modeller ({@code viewer} false) or a read-only viewer. */
  public BpmnCanvas(boolean viewer) {
    if (viewer) {
      getElement().setAttribute("mode", "viewer");
    }
    setWidthFull();
    setHeight("560px");
  }

  /** Shows a diagram. */
  public void setXml(String newXml) {
    this.xml = newXml;
    getElement().callJsFunction("setXml", newXml);
  }

  /** The diagram as last drawn or edited. */
  public String xml() {
    return xml;
  }

  public void onChange(Consumer<String> listener) {
    this.onChange = listener;
  }

  /** The selected element as JSON (id, type, name, zeebe properties), or null for none. */
  public void onSelect(Consumer<String> listener) {
    this.onSelect = listener;
  }

  /** A diagram bpmn-js cannot read: its message. */
  public void onImportError(Consumer<String> listener) {
    this.onImportError = listener;
  }

  /** Writes the Zeebe properties of one element (JSON as the selection sends it). */
  public void apply(String elementId, String json) {
    getElement().callJsFunction("apply", elementId, json);
  }

  /** Marks the elements with problems: JSON array of {id, message}. */
  public void showProblems(String json) {
    getElement().callJsFunction("showProblems", json);
  }

  /**
   * Marks an instance's path: JSON {completed:[], active:[], incidents:[]}, optionally with the
   * sequence flows taken ({@code flows:[]}) and per element its token counts
   * ({@code counts:{id:{active, incidents, completed}}}) drawn as badges.
   */
  public void showPath(String json) {
    getElement().callJsFunction("showPath", json);
  }

  @ClientCallable
  void changed(String newXml) {
    this.xml = newXml;
    onChange.accept(newXml);
  }

  @ClientCallable
  void selected(String json) {
    onSelect.accept(json);
  }

  @ClientCallable
  void imported(String error) {
    if (error != null) {
      onImportError.accept(error);
    }
  }

  /** In a viewer: the id of an element the user clicked. */
  public void onClick(Consumer<String> listener) {
    this.onClick = listener;
  }

  @ClientCallable
  void clicked(String elementId) {
    if (elementId != null) {
      onClick.accept(elementId);
    }
  }
}
