package dev.baton.designer.packs.model;

import dev.baton.designer.i18n.ProblemTexts;
import dev.baton.designer.i18n.Texts;
import dev.baton.engine.Problem;
import dev.baton.engine.rulepack.HitPolicy;
import dev.baton.engine.rulepack.Operator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The decision table as a sheet (CSV or XLSX, through {@link DecisionTable}'s readers and
 * writers), in the shape the designer shows: a first row {@code table | Type as binding | hit
 * policy | action}, a header row {@code rule | title.en | title.zh-CN | priority | when field
 * operator ... | then parameter ... | score name ...}, then one row per rule with cells in the
 * table's cell syntax ({@code -} any, {@code 100..500} a range, {@code A, B} a list). Rules that
 * do not fit the table are not in the sheet and are kept as they are when a sheet is applied.
 */
public final class TableSheet {
  private static final String MARK = "table";

  private TableSheet() {}

  /** The sheet of the pack's table. */
  public static List<List<String>> rows(PackModel model, TableLayout table) {
    List<List<String>> out = new ArrayList<>();
    out.add(List.of(MARK, table.type() == null ? ""
        : Conditions.patternKey(table.type(), table.binding()), table.hitPolicy().label(),
        table.action() == null ? "" : table.action()));
    List<String> header = new ArrayList<>(List.of("rule", "title.en", "title.zh-CN",
        "priority"));
    table.inputs().forEach(c -> header.add("when " + c.field() + " " + c.operator().label()));
    table.outputs().forEach(c -> header.add((c.score() ? "score " : "then ") + c.name()));
    out.add(header);
    for (int r : table.rows()) {
      Map<String, Object> rule = model.rule(r);
      List<String> row = new ArrayList<>();
      row.add(String.valueOf(rule.get("id")));
      Map<?, ?> title = rule.get("title") instanceof Map<?, ?> m ? m : Map.of();
      row.add(title.get("en") == null ? "" : String.valueOf(title.get("en")));
      row.add(title.get("zh-CN") == null ? "" : String.valueOf(title.get("zh-CN")));
      row.add(rule.get("priority") == null ? "" : String.valueOf(rule.get("priority")));
      for (TableLayout.Input c : table.inputs()) {
        Object v = table.input(r, c);
        row.add(v == null ? "-" : TableLayout.text(c, v));
      }
      for (TableLayout.Output c : table.outputs()) {
        row.add(TableLayout.text(table.output(r, c)));
      }
      out.add(row);
    }
    return out;
  }

  /**
   * A copy of the pack whose table is the sheet's: rows are matched to rules by id (a new id
   * adds a rule, a table rule missing from the sheet is removed), rules outside the table are
   * kept. Throws {@link DecisionTable.TableException} with every problem (cell, header or the
   * pack's own problems); the model passed in is never changed.
   */
  public static PackModel apply(PackModel model, List<List<String>> sheet, Texts t) {
    List<String> errors = new ArrayList<>();
    List<List<String>> rows = sheet.stream().filter(r -> r.stream().anyMatch(c -> !c.isBlank()))
        .toList();
    if (rows.size() < 2 || rows.get(0).isEmpty() || !MARK.equals(rows.get(0).get(0).strip())) {
      throw new DecisionTable.TableException(List.of(t.t("dtable.sheet.shape")));
    }
    PackModel copy = model.copy();
    TableLayout table = TableLayout.of(copy);
    List<String> meta = rows.get(0);
    String pattern = cell(meta, 1);
    if (table.type() != null && !pattern.isEmpty()
        && !pattern.equals(Conditions.patternKey(table.type(), table.binding()))) {
      errors.add(t.t("dtable.sheet.type", pattern,
          Conditions.patternKey(table.type(), table.binding())));
    }
    String policy = cell(meta, 2);
    Optional<HitPolicy> hit = policy.isEmpty() ? Optional.of(HitPolicy.COLLECT)
        : HitPolicy.fromLabel(policy);
    if (hit.isEmpty()) {
      errors.add(t.t("dtable.sheet.hitPolicy", policy));
    }
    List<String> header = rows.get(1);
    List<Object> columns = new ArrayList<>();
    for (int c = 0; c < header.size(); c++) {
      columns.add(column(header.get(c).strip(), c, table, errors, t));
    }
    if (!errors.isEmpty()) {
      throw new DecisionTable.TableException(errors);
    }
    hit.ifPresent(table::setHitPolicy);
    Map<String, Integer> byId = new LinkedHashMap<>();
    table.rows().forEach(r -> byId.put(String.valueOf(copy.rule(r).get("id")), r));
    Set<String> seen = new HashSet<>();
    List<Map<String, Object>> keep = new ArrayList<>();
    List<Map<String, Object>> sheetRules = new ArrayList<>();
    for (int i = 2; i < rows.size(); i++) {
      List<String> row = rows.get(i);
      String id = cell(row, columns.indexOf("rule"));
      if (id.isEmpty() || !seen.add(id)) {
        errors.add(t.t(id.isEmpty() ? "dtable.sheet.noId" : "dtable.sheet.duplicateId", i + 1,
            id));
        continue;
      }
      Integer existing = byId.get(id);
      int r = existing != null ? existing
          : table.addRow(id, id);
      copy.rule(r).put("id", id);
      for (int c = 0; c < columns.size(); c++) {
        String text = cell(row, c);
        String where = t.t("dtable.sheet.where", i + 1, header.get(c));
        Object col = columns.get(c);
        if (col instanceof TableLayout.Input in) {
          TableLayout.Parsed p = table.parseInput(in, text);
          if (p.ok()) {
            table.setInput(r, in, p.value());
          } else {
            errors.add(where + t.t(p.error(), p.args().toArray()));
          }
        } else if (col instanceof TableLayout.Output out) {
          TableLayout.Parsed p = table.parseOutput(out, text);
          if (p.ok()) {
            table.setOutput(r, out, p.value());
          } else {
            errors.add(where + t.t(p.error(), p.args().toArray()));
          }
        } else if ("priority".equals(col)) {
          if (text.isEmpty()) {
            copy.rule(r).remove("priority");
          } else {
            try {
              copy.rule(r).put("priority", Integer.parseInt(text));
            } catch (NumberFormatException e) {
              errors.add(where + t.t("dtable.error.priority", text));
            }
          }
        } else if (col instanceof String s && s.startsWith("title.") && !text.isEmpty()) {
          @SuppressWarnings("unchecked")
          Map<String, Object> title = (Map<String, Object>) copy.rule(r)
              .computeIfAbsent("title", k -> new LinkedHashMap<>());
          title.put(s.substring("title.".length()), text);
        }
      }
      sheetRules.add(copy.rule(r));
    }
    // the table's rules in the sheet's order, then the rules outside the table, as they were
    for (int r : table.others()) {
      keep.add(copy.rule(r));
    }
    if (!errors.isEmpty()) {
      throw new DecisionTable.TableException(errors);
    }
    copy.rules().clear();
    copy.rules().addAll(sheetRules);
    copy.rules().addAll(keep);
    List<Problem> problems = copy.validate();
    if (!problems.isEmpty()) {
      throw new DecisionTable.TableException(problems.stream()
          .map(p -> ProblemTexts.text(p, t)).toList());
    }
    return copy;
  }

  private static Object column(String h, int index, TableLayout table, List<String> errors,
      Texts t) {
    switch (h) {
      case "rule", "title.en", "title.zh-CN", "priority" -> {
        return h;
      }
      default -> {
        String[] parts = h.split("\\s+");
        if (parts.length == 3 && parts[0].equals("when")) {
          Optional<Operator> op = Operator.fromLabel(parts[2]);
          if (op.isPresent() && table.operatorsFor(parts[1]).contains(op.get())) {
            TableLayout.Input in = new TableLayout.Input(parts[1], op.get());
            table.addInput(in);
            return in;
          }
        } else if (parts.length == 2 && (parts[0].equals("then") || parts[0].equals("score"))) {
          TableLayout.Output out = new TableLayout.Output(parts[0].equals("score"), parts[1]);
          table.addOutput(out);
          return out;
        }
        errors.add(t.t("dtable.sheet.column", index + 1, h));
        return null;
      }
    }
  }

  private static String cell(List<String> row, int c) {
    return c < 0 || c >= row.size() || row.get(c) == null ? "" : row.get(c).strip();
  }
}
