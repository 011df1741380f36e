package dev.baton.designer.i18n;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.dom.Element;
import dev.baton.engine.battlepack.PackText;
import dev.baton.engine.battlepack.StepSummary;
import dev.baton.engine.battlepack.WorkflowStep;
import dev.baton.engine.rulepack.AggregateFunction;
import dev.baton.engine.rulepack.Operator;
import dev.baton.engine.rules.MissReason;
import dev.baton.engine.workflow.IncidentReason;
import dev.baton.engine.workflow.IncidentView;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The engine's texts in the reader's language: nearest misses, incidents, battle-pack texts and
 * the version notes the product writes itself, each rendered from its message key and arguments
 * (bundle keys {@code miss.*}, {@code incident.*}, {@code pack.*}, {@code note.*}). Arguments are
 * identifiers and values (fact types, fields, expressions, ids, amounts): the component forms
 * show them as code.
 *
 * @param t the reader's texts
 */
public record EngineTexts(Texts t) {

  private static final char OPEN = '\u0001';
  private static final char CLOSE = '\u0002';
  private static final Pattern MARK = Pattern.compile(OPEN + "(\\d+)" + CLOSE);

  // ------------------------------------------------------------------ nearest misses

  /** A nearest miss's reason as plain text. */
  public String miss(MissReason r) {
    return t.t(r.key(), missArgs(r, false).toArray());
  }

  /** A nearest miss's reason with its identifiers and values as code. */
  public Span missComponent(MissReason r) {
    return component(r.key(), missArgs(r, true));
  }

  /** The text of a key with its arguments: spans inline, {@link Code}s as code. */
  private Span component(String key, List<Object> args) {
    Span s = new Span();
    Object[] marks = new Object[args.size()];
    for (int i = 0; i < marks.length; i++) {
      marks[i] = OPEN + Integer.toString(i) + CLOSE;
    }
    String text = t.t(key, marks);
    Matcher m = MARK.matcher(text);
    int at = 0;
    while (m.find()) {
      if (m.start() > at) {
        s.getElement().appendChild(Element.createText(text.substring(at, m.start())));
      }
      Object arg = args.get(Integer.parseInt(m.group(1)));
      if (arg instanceof Span inner) {
        s.add(inner);
      } else if (arg instanceof Code c) {
        s.getElement().appendChild(new Element("code").setText(c.text()));
      } else {
        s.getElement().appendChild(Element.createText(String.valueOf(arg)));
      }
      at = m.end();
    }
    if (at < text.length()) {
      s.getElement().appendChild(Element.createText(text.substring(at)));
    }
    return s;
  }

  private record Code(String text) {}

  /** Operators and functions translated, inner reasons rendered, values shown as code. */
  private List<Object> missArgs(MissReason r, boolean components) {
    return r.args().stream().map(a -> {
      if (a instanceof Operator o) {
        return (Object) t.t("op." + o.label());
      }
      if (a instanceof AggregateFunction f) {
        return t.t("aggregate." + f.label());
      }
      if (a instanceof MissReason inner) {
        return components ? missComponent(inner) : miss(inner);
      }
      if (r.key().equals("miss.text")) {
        return String.valueOf(a);
      }
      return components ? new Code(String.valueOf(a)) : String.valueOf(a);
    }).toList();
  }

  // ------------------------------------------------------------------ incidents

  /** An incident's message in the reader's language (the original stays the engine's). */
  public String incident(IncidentReason r) {
    return t.t(r.key(), r.args().toArray());
  }

  /**
   * An incident's message in the reader's language, expressions and ids as code; a message of a
   * shape without its own key (a worker's error, say) follows its type's text as code when
   * {@code withOriginal}.
   */
  public Span incidentComponent(IncidentView i, boolean withOriginal) {
    IncidentReason r = IncidentReason.of(i);
    Span s = component(r.key(), r.args().stream().map(a -> (Object) new Code(a)).toList());
    if (withOriginal && r.key().startsWith("incident.type.") && i.errorMessage() != null
        && !i.errorMessage().isBlank()) {
      s.getElement().appendChild(Element.createText(t.t("ops.incidentColon")));
      s.getElement().appendChild(new Element("code").setText(i.errorMessage()));
    }
    s.getElement().setAttribute("data-key", r.key());
    return s;
  }

  // ------------------------------------------------------------------ battle packs

  /** A strategy's name or a risk hint's title. */
  public String packTitle(String text) {
    return pack(PackText.title(text));
  }

  /** A rationale or a risk text, sentence by sentence. */
  public String packSentences(String text) {
    return PackText.sentences(text).stream().map(this::pack)
        .collect(Collectors.joining(t.chinese() ? "" : " "));
  }

  /** One battle-pack text; a deal's stage is translated, instants in the reader's style. */
  public String pack(PackText p) {
    Object[] args = p.args().stream().map(a -> {
      if (a.startsWith(PackText.STAGE_PREFIX)) {
        return named("pack.stage.", a.substring(PackText.STAGE_PREFIX.length()));
      }
      if (NUMBER.matcher(a).matches()) {
        java.text.NumberFormat f = java.text.NumberFormat.getNumberInstance(t.locale());
        f.setMaximumFractionDigits(2);
        return f.format(new java.math.BigDecimal(a));
      }
      if (DAY.matcher(a).matches()) {
        try {
          return t.date(java.time.LocalDate.parse(a));
        } catch (java.time.format.DateTimeParseException e) {
          return a;
        }
      }
      return a;
    }).toArray();
    return t.t(p.key(), args);
  }

  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
  private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  /** The name of a code from the bundle ({@code prefix + code}), or the code if it has none. */
  public String named(String prefix, String code) {
    return code != null && Messages.bundle(t.locale()).containsKey(prefix + code)
        ? t.t(prefix + code) : String.valueOf(code);
  }

  // ------------------------------------------------------------------ workflow steps

  private static final Pattern INSTANT =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?Z");
  private static final Pattern PLAIN = Pattern.compile(".*[\\s\\p{IsHan}].*");
  private static final Pattern ACTION_LIST = Pattern.compile("[A-Z_]+(, [A-Z_]+)*");

  /** A workflow step's summary in the reader's language, as plain text. */
  public String step(WorkflowStep step) {
    StepSummary s = StepSummary.of(step);
    return t.t(s.key(), stepArgs(s, false).toArray());
  }

  /**
   * A workflow step's summary in the reader's language, ids and actions as code, the stored
   * English as the title (a summary of another shape is shown as stored).
   */
  public Span stepComponent(WorkflowStep step) {
    StepSummary s = StepSummary.of(step);
    Span out = component(s.key(), stepArgs(s, true));
    out.getElement().setAttribute("title", String.valueOf(step.summary()));
    out.getElement().setAttribute("data-key", s.key());
    return out;
  }

  /** Keys translated, instants in the reader's style, ids and action lists as code. */
  private List<Object> stepArgs(StepSummary s, boolean components) {
    return s.args().stream().map(a -> {
      for (String prefix : StepSummary.KEY_PREFIXES) {
        if (a.startsWith(prefix)) {
          return (Object) named(prefix, a.substring(prefix.length()));
        }
      }
      if (INSTANT.matcher(a).matches()) {
        try {
          return t.time(java.time.Instant.parse(a));
        } catch (java.time.format.DateTimeParseException e) {
          return a;
        }
      }
      if (s.key().equals("step.text") || NUMBER.matcher(a).matches() || a.isEmpty()
          || (PLAIN.matcher(a).matches() && !ACTION_LIST.matcher(a).matches())) {
        return a;
      }
      return components ? new Code(a) : a;
    }).toList();
  }

  // ------------------------------------------------------------------ version notes

  private static final Pattern TEMPLATE = Pattern.compile("template ([\\w.-]+@[\\w.-]+)");
  private static final Pattern TEMPLATE_WITH =
      Pattern.compile("template ([\\w.-]+@[\\w.-]+) with (.+)");
  private static final Pattern EXAMPLES =
      Pattern.compile("examples of template ([\\w.-]+@[\\w.-]+)");
  private static final Pattern UPGRADE = Pattern.compile("template ([\\w.-]+) → ([\\w.-]+)");

  /**
   * A version's note: the notes the product writes itself (a pack made from a template, its
   * examples, a template upgrade) in the reader's language; a note someone typed as typed.
   */
  public String note(String note) {
    if (note == null) {
      return "";
    }
    Matcher m = EXAMPLES.matcher(note);
    if (m.matches()) {
      return t.t("note.examplesOfTemplate", m.group(1));
    }
    if ((m = TEMPLATE.matcher(note)).matches()) {
      return t.t("note.template", m.group(1));
    }
    if ((m = TEMPLATE_WITH.matcher(note)).matches()) {
      return t.t("note.templateWith", m.group(1), m.group(2));
    }
    if ((m = UPGRADE.matcher(note)).matches()) {
      return t.t("note.templateUpgrade", m.group(1), m.group(2));
    }
    return note;
  }
}
