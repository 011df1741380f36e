package dev.baton.designer.packs.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.engine.Problem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The rules of a pack as a table: one row per rule (id, title in English and Chinese,
 * priority), one column per condition ({@code when 1..n}) and per action ({@code then 1..m}),
 * each cell the block in the pack syntax as JSON. Exported to and imported from CSV and XLSX;
 * an import that does not give a valid pack is refused with every problem and changes nothing.
 */
public final class DecisionTable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private DecisionTable() {}

  /** The table: a header row, then one row per rule. */
  public static List<List<String>> rows(PackModel model) {
    int conditions = 0;
    int actions = 0;
    for (int i = 0; i < model.rules().size(); i++) {
      conditions = Math.max(conditions, model.when(i).size());
      actions = Math.max(actions, model.then(i).size());
    }
    List<List<String>> out = new ArrayList<>();
    List<String> header = new ArrayList<>(List.of("id", "title.en", "title.zh-CN", "priority"));
    for (int c = 1; c <= conditions; c++) {
      header.add("when " + c);
    }
    for (int a = 1; a <= actions; a++) {
      header.add("then " + a);
    }
    out.add(header);
    for (int i = 0; i < model.rules().size(); i++) {
      Map<String, Object> r = model.rule(i);
      List<String> row = new ArrayList<>();
      row.add(str(r.get("id")));
      Map<?, ?> title = r.get("title") instanceof Map<?, ?> m ? m : Map.of();
      row.add(str(title.get("en")));
      row.add(str(title.get("zh-CN")));
      row.add(str(r.get("priority")));
      List<Object> when = model.when(i);
      for (int c = 0; c < conditions; c++) {
        row.add(c < when.size() ? json(when.get(c)) : "");
      }
      List<Object> then = model.then(i);
      for (int a = 0; a < actions; a++) {
        row.add(a < then.size() ? json(then.get(a)) : "");
      }
      out.add(row);
    }
    return out;
  }

  /**
   * The pack with its rules replaced by the table's. Throws {@link TableException} with every
   * problem (cell syntax, or the reader's problems of the resulting pack); the model passed in
   * is never changed.
   */
  public static PackModel apply(PackModel model, List<List<String>> table) {
    if (table.isEmpty()) {
      throw new TableException(List.of("The table is empty: expected a header row."));
    }
    List<String> header = table.get(0);
    List<String> errors = new ArrayList<>();
    List<Map<String, Object>> rules = new ArrayList<>();
    for (int r = 1; r < table.size(); r++) {
      List<String> row = table.get(r);
      if (row.stream().allMatch(String::isBlank)) {
        continue;
      }
      Map<String, Object> rule = new LinkedHashMap<>();
      List<Object> when = new ArrayList<>();
      List<Object> then = new ArrayList<>();
      Map<String, Object> title = new LinkedHashMap<>();
      for (int c = 0; c < header.size() && c < row.size(); c++) {
        String h = header.get(c).trim();
        String cell = row.get(c).trim();
        if (cell.isEmpty()) {
          continue;
        }
        String where = "row " + (r + 1) + ", column '" + h + "'";
        switch (h) {
          case "id" -> rule.put("id", cell);
          case "title.en" -> title.put("en", cell);
          case "title.zh-CN" -> title.put("zh-CN", cell);
          case "priority" -> {
            try {
              rule.put("priority", Integer.parseInt(cell));
            } catch (NumberFormatException e) {
              errors.add(where + ": the priority must be a whole number, found '" + cell + "'.");
            }
          }
          default -> {
            Object item = parse(cell, where, errors);
            if (item != null && h.startsWith("when")) {
              when.add(item);
            } else if (item != null && h.startsWith("then")) {
              then.add(item);
            } else if (item != null) {
              errors.add(where + ": unknown column; use id, title.en, title.zh-CN, priority,"
                  + " when N or then N.");
            }
          }
        }
      }
      rule.put("title", title);
      rule.put("when", when);
      rule.put("then", then);
      rules.add(rule);
    }
    if (!errors.isEmpty()) {
      throw new TableException(errors);
    }
    PackModel copy = model.copy();
    copy.rules().clear();
    copy.rules().addAll(rules);
    List<Problem> problems = copy.validate();
    if (!problems.isEmpty()) {
      throw new TableException(problems.stream().map(Problem::toString).toList());
    }
    return copy;
  }

  private static Object parse(String cell, String where, List<String> errors) {
    try {
      Object o = JSON.readValue(cell, Object.class);
      if (!(o instanceof Map<?, ?> m) || m.size() != 1) {
        errors.add(where + ": expected one block such as {\"Customer as customer\":{}},"
            + " found " + cell);
        return null;
      }
      return PackModel.deepCopy(o);
    } catch (JsonProcessingException e) {
      errors.add(where + ": not valid JSON (" + e.getOriginalMessage() + ").");
      return null;
    }
  }

  /** The table as CSV (UTF-8, with a header row). */
  public static byte[] toCsv(List<List<String>> table) {
    StringWriter w = new StringWriter();
    try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT)) {
      for (List<String> row : table) {
        p.printRecord(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Reads CSV bytes into a table. */
  public static List<List<String>> fromCsv(byte[] csv) {
    List<List<String>> out = new ArrayList<>();
    String text = new String(csv, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    try (CSVParser parser = CSVParser.parse(new StringReader(text), CSVFormat.DEFAULT)) {
      for (CSVRecord rec : parser) {
        List<String> row = new ArrayList<>();
        rec.forEach(row::add);
        out.add(row);
      }
    } catch (IOException | UncheckedIOException e) {
      throw new TableException(List.of("The CSV file cannot be read: " + e.getMessage()));
    }
    return out;
  }

  /** The table as an XLSX workbook with one sheet. */
  public static byte[] toXlsx(List<List<String>> table) {
    try (Workbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = wb.createSheet("rules");
      for (int r = 0; r < table.size(); r++) {
        Row row = sheet.createRow(r);
        for (int c = 0; c < table.get(r).size(); c++) {
          row.createCell(c).setCellValue(table.get(r).get(c));
        }
      }
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads the first sheet of an XLSX workbook into a table. */
  public static List<List<String>> fromXlsx(byte[] xlsx) {
    List<List<String>> out = new ArrayList<>();
    DataFormatter fmt = new DataFormatter();
    try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Sheet sheet = wb.getSheetAt(0);
      for (int r = 0; r <= sheet.getLastRowNum(); r++) {
        Row row = sheet.getRow(r);
        List<String> cells = new ArrayList<>();
        if (row != null) {
          for (int c = 0; c < row.getLastCellNum(); c++) {
            Cell cell = row.getCell(c);
            cells.add(cell == null ? "" : fmt.formatCellValue(cell));
          }
        }
        out.add(cells);
      }
    } catch (IOException | RuntimeException e) {
      throw new TableException(List.of("The XLSX file cannot be read: " + e.getMessage()));
    }
    return out;
  }

  private static String json(Object o) {
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String str(Object o) {
    return o == null ? "" : String.valueOf(o);
  }

  /** A table that cannot become a valid pack; nothing was changed. */
  public static final class TableException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public TableException(List<String> problems) {
      super(String.join("\n", problems));
      this.problems = List.copyOf(problems);
    }

    /** Every problem. */
    public List<String> problems() {
      return problems;
    }
  }
}
