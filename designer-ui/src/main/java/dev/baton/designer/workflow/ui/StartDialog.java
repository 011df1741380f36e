package dev.baton.designer.workflow.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.baton.designer.i18n.Texts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The start dialog of the workflow designer: one field per variable the process's input
 * mappings read, plus other variables as a JSON object. A field takes text, a number, true /
 * false or JSON; what is not valid is marked on its field and nothing is started. The starter's
 * refusal (e.g. the process is not deployed) is shown in the dialog.
 */
public class StartDialog extends Dialog {
  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Starts the process with the variables; returns null when started, else why not. */
  @FunctionalInterface
  public interface Starter {
    /** Start with the variables (a JSON object); null when started, else the refusal. */
    String start(String variablesJson);
  }

  private final Map<String, TextField> fields = new LinkedHashMap<>();
  private final TextArea other = new TextArea();
  private final Span error = new Span();
  private final transient Texts t;

  public StartDialog(Texts t, String processId, List<String> variables, Starter starter) {
    this.t = t;
    setId("wf-start-dialog");
    setHeaderTitle(t.t("wf.startDialog.title", processId));
    VerticalLayout body = new VerticalLayout();
    body.setPadding(false);
    body.add(new Paragraph(variables.isEmpty() ? t.t("wf.startDialog.noInputs")
        : t.t("wf.startDialog.inputs", variables.size())));
    for (String v : variables) {
      TextField f = new TextField(v);
      f.setId("wf-start-var-" + v);
      f.setHelperText(t.t("wf.startDialog.valueHelp"));
      f.setWidthFull();
      fields.put(v, f);
      body.add(f);
    }
    other.setId("wf-variables");
    other.setLabel(t.t("wf.variables"));
    other.setHelperText(t.t("wf.startDialog.otherHelp"));
    other.setValue("{}");
    other.setWidthFull();
    error.setId("wf-start-error");
    error.addClassName("notice-error-text");
    error.getStyle().set("color", "var(--lumo-error-text-color)");
    body.add(other, error);
    body.setWidth("32em");
    add(body);
    Button start = new Button(t.t("wf.start"), e -> {
      String json = variables();
      if (json == null) {
        return;
      }
      String refusal = starter.start(json);
      if (refusal == null) {
        close();
      } else {
        error.setText(refusal);
      }
    });
    start.setId("wf-start-confirm");
    start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    Button cancel = new Button(t.t("wf.startDialog.cancel"), e -> close());
    cancel.setId("wf-start-cancel");
    getFooter().add(cancel, start);
  }

  /** The variables as a JSON object, or null (fields marked) when one is not valid. */
  String variables() {
    boolean ok = true;
    error.setText("");
    ObjectNode out = JSON.createObjectNode();
    other.setInvalid(false);
    try {
      JsonNode extra = JSON.readTree(other.getValue().isBlank() ? "{}" : other.getValue());
      if (extra == null || !extra.isObject()) {
        throw new IllegalArgumentException(t.t("wf.startDialog.notObject"));
      }
      out.setAll((ObjectNode) extra);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      other.setInvalid(true);
      other.setErrorMessage(e instanceof JsonProcessingException j
          ? t.t("wf.startDialog.badJson", j.getOriginalMessage()) : e.getMessage());
      ok = false;
    }
    for (Map.Entry<String, TextField> f : fields.entrySet()) {
      TextField field = f.getValue();
      field.setInvalid(false);
      String text = field.getValue().strip();
      if (text.isEmpty()) {
        field.setInvalid(true);
        field.setErrorMessage(t.t("wf.startDialog.required", f.getKey()));
        ok = false;
        continue;
      }
      try {
        out.set(f.getKey(), value(text));
      } catch (JsonProcessingException e) {
        field.setInvalid(true);
        field.setErrorMessage(t.t("wf.startDialog.badJson", e.getOriginalMessage()));
        ok = false;
      }
    }
    if (!ok) {
      error.setText(t.t("wf.startDialog.invalid"));
      return null;
    }
    return out.toString();
  }

  /** JSON for objects, arrays, quoted strings, numbers and true/false/null; else the text. */
  static JsonNode value(String text) throws JsonProcessingException {
    char c = text.charAt(0);
    if (c == '{' || c == '[' || c == '"') {
      return JSON.readTree(text);
    }
    if (text.equals("true") || text.equals("false") || text.equals("null")
        || text.matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?")) {
      return JSON.readTree(text);
    }
    return JSON.getNodeFactory().textNode(text);
  }
}
