package dev.baton.designer.packs.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import dev.baton.designer.i18n.Texts;
import dev.baton.designer.packs.model.Durations;
import dev.baton.designer.packs.model.NumberInput;
import dev.baton.engine.rulepack.FieldType;
import dev.baton.engine.rulepack.ValueType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A typed editor for the value of a field test, a parameter or an action parameter: enum
 * dropdowns, number fields, date and date-time pickers (UTC), durations as amount and unit,
 * lists for {@code in} / {@code between}, and a list of references ({@code $req.channel},
 * {@code $params.cmiThreshold}, {@code $now}) offered instead of a literal. Its value is the
 * tree value written into the pack (number, text, boolean, list, ISO-8601 text).
 */
public class ValueEditor extends CustomField<Object> {
  private static final long serialVersionUID = 1L;

  private final FieldType type;
  private final String operator;
  private final transient Texts t;
  private final Select<String> reference = new Select<>();
  private final HorizontalLayout literalBox = new HorizontalLayout();
  private transient Component literal;
  private boolean hasRefs;
  private transient java.util.function.Supplier<Object> read;
  private IntegerField amountInput;
  private Select<String> unitInput;
  private transient java.util.function.Consumer<Object> write;
  private final com.vaadin.flow.component.html.Span chip =
      new com.vaadin.flow.component.html.Span();
  private transient java.util.function.Function<String, String> describer = r -> null;

  /**
   * @param references the references to offer (empty for none)
   */
  public ValueEditor(FieldType type, String operator, Object value, List<String> references,
      Texts t) {
    this.type = type == null ? FieldType.of(ValueType.STRING) : type;
    this.operator = operator == null ? "eq" : operator;
    this.t = t;
    HorizontalLayout box = new HorizontalLayout();
    box.setSpacing(true);
    box.setPadding(false);
    literalBox.setPadding(false);
    buildLiteral();
    if (!references.isEmpty()) {
      hasRefs = true;
      List<String> items = new ArrayList<>();
      items.add("");
      items.addAll(references);
      reference.setItems(items);
      reference.setItemLabelGenerator(r -> r.isEmpty() ? t.t("value.literal") : r);
      reference.setAriaLabel(t.t("value.reference"));
      reference.setValue("");
      reference.addClassName("value-ref");
      reference.addValueChangeListener(e -> {
        literalBox.setVisible(e.getValue() == null || e.getValue().isEmpty());
        updateValue();
      });
      box.add(reference);
    }
    box.add(literalBox);
    chip.addClassName("param-chip");
    chip.setVisible(false);
    box.add(chip);
    add(box);
    setPresentationValue(value);
    addValueChangeListener(e -> updateChip());
  }

  /**
   * Shows a chip beside a reference that the describer knows (a parameter: its title and
   * current value), so that a rule says what {@code $params.cmiThreshold} stands for.
   */
  public void describeReferences(java.util.function.Function<String, String> describer) {
    this.describer = describer;
    updateChip();
  }

  private void updateChip() {
    Object v = getValue();
    String text = v instanceof String s && s.startsWith("$") ? describer.apply(s) : null;
    chip.setText(text == null ? "" : text);
    chip.setVisible(text != null);
  }

  /** An editor without references. */
  public static ValueEditor literal(FieldType type, String operator, Object value, Texts t) {
    return new ValueEditor(type, operator, value, List.of(), t);
  }

  private boolean isListOp() {
    return operator.equals("in") || operator.equals("notIn");
  }

  private void buildLiteral() {
    FieldType el = type.element();
    if (operator.equals("empty") || operator.equals("notEmpty")
        || (el.scalar() == ValueType.BOOLEAN && !isListOp())) {
      Select<Boolean> s = new Select<>();
      s.setItems(true, false);
      s.setItemLabelGenerator(b -> t.t(b ? "value.true" : "value.false"));
      s.addValueChangeListener(e -> updateValue());
      set(s, s::getValue, v -> s.setValue(v instanceof Boolean b ? b
          : v == null ? null : Boolean.valueOf(String.valueOf(v))));
    } else if (operator.equals("olderThan") || operator.equals("withinLast")
        || el.scalar() == ValueType.DURATION && !isListOp() && !operator.equals("between")) {
      durationEditor();
    } else if (isListOp() && el.isEnum()) {
      MultiSelectComboBox<String> m = new MultiSelectComboBox<>();
      m.setItems(el.enumValues());
      m.addValueChangeListener(e -> updateValue());
      set(m, () -> m.getValue().isEmpty() ? null : el.enumValues().stream()
          .filter(m.getValue()::contains).toList(),
          v -> m.setValue(v instanceof List<?> l ? new LinkedHashSet<>(l.stream()
              .map(String::valueOf).toList()) : Set.of()));
    } else if (isListOp() || operator.equals("between") || type.list() && !operator.equals("contains")) {
      TextField f = new TextField();
      f.setPlaceholder(t.t(operator.equals("between") ? "value.between" : "value.list"));
      f.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.ON_BLUR);
      f.addValueChangeListener(e -> updateValue());
      set(f, () -> f.getValue().isBlank() ? null : Arrays.stream(f.getValue().split(","))
          .map(String::trim).filter(s -> !s.isEmpty()).map(s -> convert(s, el.scalar()))
          .toList(), v -> f.setValue(v instanceof List<?> l ? String.join(", ", l.stream()
              .map(String::valueOf).toList()) : v == null ? "" : String.valueOf(v)));
    } else if (el.isEnum()) {
      Select<String> s = new Select<>();
      s.setItems(el.enumValues());
      s.setEmptySelectionAllowed(true);
      s.setEmptySelectionCaption(t.t("value.choose"));
      s.addValueChangeListener(e -> updateValue());
      set(s, s::getValue, v -> s.setValue(v == null || !el.enumValues().contains(
          String.valueOf(v)) ? null : String.valueOf(v)));
    } else if (el.scalar() == ValueType.NUMBER || el.scalar() == ValueType.INTEGER) {
      // typed text read by NumberInput: full-width digits are normalised; 1e400, "abc" or a
      // fraction for an integer are refused on the field and the last good value stays
      boolean integer = el.scalar() == ValueType.INTEGER;
      TextField f = new TextField();
      f.setManualValidation(true);
      f.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.ON_BLUR);
      f.setWidth("9em");
      Object[] good = {null};
      f.addValueChangeListener(e -> {
        NumberInput.Parsed parsed = NumberInput.parse(e.getValue(), integer);
        if (!parsed.ok()) {
          f.setErrorMessage(t.t(parsed.error(), parsed.text(),
              NumberInput.MAX_INTEGER_DIGITS));
          f.setInvalid(true);
          return;
        }
        f.setInvalid(false);
        good[0] = parsed.value();
        if (!parsed.text().equals(e.getValue())) {
          f.setValue(parsed.text());
        }
        updateValue();
      });
      set(f, () -> good[0], v -> {
        good[0] = v instanceof Number n ? number(new BigDecimal(n.toString())) : null;
        f.setValue(good[0] == null ? "" : good[0] instanceof BigDecimal b ? b.toPlainString()
            : String.valueOf(good[0]));
        f.setInvalid(false);
      });
    } else if (el.scalar() == ValueType.DATE) {
      DatePicker p = new DatePicker();
      p.setLocale(t.locale());
      p.addValueChangeListener(e -> updateValue());
      set(p, () -> p.getValue() == null ? null : p.getValue().toString(), v -> {
        try {
          p.setValue(v == null ? null : LocalDate.parse(String.valueOf(v)));
        } catch (DateTimeParseException e) {
          p.setValue(null);
        }
      });
    } else if (el.scalar() == ValueType.DATETIME) {
      DateTimePicker p = new DateTimePicker();
      p.setLocale(t.locale());
      p.setHelperText(t.t("value.utc"));
      p.addValueChangeListener(e -> updateValue());
      set(p, () -> p.getValue() == null ? null : p.getValue().toInstant(ZoneOffset.UTC)
          .toString(), v -> {
            try {
              p.setValue(v == null ? null : LocalDateTime.ofInstant(Instant.parse(
                  String.valueOf(v)), ZoneOffset.UTC));
            } catch (DateTimeParseException e) {
              p.setValue(null);
            }
          });
    } else {
      TextField f = new TextField();
      f.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.ON_BLUR);
      f.addValueChangeListener(e -> updateValue());
      // an emptied text is no value: the reader then says what is missing on the block
      set(f, () -> f.getValue().isBlank() ? null : f.getValue(),
          v -> f.setValue(v == null ? "" : String.valueOf(v)));
    }
  }

  private void durationEditor() {
    IntegerField amount = new IntegerField();
    amount.setMin(1);
    amount.setStepButtonsVisible(true);
    amount.setWidth("8em");
    amount.setAriaLabel(t.t("value.amount"));
    amount.setErrorMessage(t.t("value.durationPositive"));
    amount.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.ON_BLUR);
    Select<String> unit = new Select<>();
    unit.setItems(Durations.UNITS);
    unit.setItemLabelGenerator(u -> t.t("value.unit." + u));
    unit.setAriaLabel(t.t("value.unit"));
    unit.setValue("D");
    unit.setWidth("8em");
    amount.addValueChangeListener(e -> {
      amount.setInvalid(e.getValue() != null && e.getValue() <= 0);
      updateValue();
    });
    unit.addValueChangeListener(e -> updateValue());
    HorizontalLayout h = new HorizontalLayout(amount, unit);
    h.setPadding(false);
    h.setSpacing(false);
    h.addClassName("duration");
    set(h, () -> amount.getValue() == null ? null
        : Durations.iso(amount.getValue(), unit.getValue()), v -> {
          var split = Durations.split(v == null ? null : String.valueOf(v));
          if (split.isPresent() && split.get().amount() <= Integer.MAX_VALUE
              && split.get().amount() >= Integer.MIN_VALUE) {
            amount.setValue((int) split.get().amount());
            unit.setValue(split.get().unit());
            amount.setInvalid(split.get().amount() <= 0);
          } else {
            amount.setValue(null);
          }
        });
    amountInput = amount;
    unitInput = unit;
  }

  private void set(Component c, java.util.function.Supplier<Object> r,
      java.util.function.Consumer<Object> w) {
    literal = c;
    read = r;
    write = w;
    literalBox.add(c);
  }

  @Override
  protected Object generateModelValue() {
    String ref = reference.getValue();
    if (ref != null && !ref.isEmpty()) {
      return ref;
    }
    return read.get();
  }

  @Override
  protected void setPresentationValue(Object value) {
    if (value instanceof String s && s.startsWith("$") && hasRefs) {
      if (!reference.getListDataView().getItems().anyMatch(s::equals)) {
        List<String> items = new ArrayList<>(reference.getListDataView().getItems().toList());
        items.add(s);
        reference.setItems(items);
      }
      reference.setValue(s);
      literalBox.setVisible(false);
    } else {
      if (hasRefs) {
        reference.setValue("");
      }
      literalBox.setVisible(true);
      write.accept(value);
    }
  }

  /** Sets this editor's id, and ids for its parts: {@code id-ref} and {@code id-literal}. */
  public void setIds(String id) {
    setId(id);
    chip.setId(id + "-chip");
    reference.setId(id + "-ref");
    literal.setId(id + "-literal");
    setDurationIds(id);
  }

  /** Sets ids on the parts of a duration editor: {@code id-amount} and {@code id-unit}. */
  private void setDurationIds(String id) {
    if (amountInput != null) {
      amountInput.setId(id + "-amount");
      unitInput.setId(id + "-unit");
    }
  }

  /** Shows an error on the literal input (null clears it), e.g. "a value is needed". */
  public void showError(String message) {
    if (literal instanceof com.vaadin.flow.component.shared.HasValidationProperties h) {
      h.setErrorMessage(message);
      h.setInvalid(message != null);
    }
  }

  /** The literal input (for tests). */
  public Component literalInput() {
    return literal;
  }

  /** A value from the engine's representation to the tree's (numbers stay numbers). */
  public static Object treeValue(Object v) {
    if (v instanceof BigDecimal d) {
      return number(d);
    }
    if (v instanceof Instant || v instanceof LocalDate || v instanceof Duration) {
      return v.toString();
    }
    if (v instanceof List<?> l) {
      return l.stream().map(ValueEditor::treeValue).toList();
    }
    if (v instanceof Map<?, ?>) {
      return v;
    }
    return v;
  }

  private static Object number(BigDecimal d) {
    if (d == null) {
      return null;
    }
    BigDecimal s = d.stripTrailingZeros();
    if (s.scale() <= 0 && s.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0) {
      return s.longValueExact();
    }
    return s;
  }

  /** Text typed in a list editor, as a value of the scalar type. */
  static Object convert(String s, ValueType type) {
    try {
      return switch (type) {
        case NUMBER -> number(new BigDecimal(s));
        case INTEGER -> Long.parseLong(s);
        case BOOLEAN -> Boolean.parseBoolean(s);
        default -> s;
      };
    } catch (NumberFormatException e) {
      return s;
    }
  }
}
