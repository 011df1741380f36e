package dev.baton.designer.designer.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import dev.baton.designer.base.ui.Notices;
import dev.baton.designer.designer.model.DecisionTable;
import dev.baton.designer.designer.model.PackModel;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The decision table of the rules: rows are rules, columns their conditions and actions. Cells
 * are editable (a cell holds one block in the pack syntax); the table exports to CSV and XLSX
 * and imports from them, refusing a table that does not give a valid pack.
 */
public class DecisionTableView extends VerticalLayout {
  private static final long serialVersionUID = 1L;
  private final transient EditorContext ctx;
  private final Grid<List<String>> grid = new Grid<>();

  public DecisionTableView(EditorContext ctx) {
    this.ctx = ctx;
    setPadding(false);
    grid.setId("decision-table");
    grid.addThemeVariants(GridVariant.LUMO_COLUMN_BORDERS, GridVariant.LUMO_WRAP_CELL_CONTENT);
    grid.setAllRowsVisible(true);
    Anchor csv = new Anchor(DownloadHandler.fromInputStream(e -> download(false)),
        ctx.t("table.exportCsv"));
    csv.setId("export-csv");
    Anchor xlsx = new Anchor(DownloadHandler.fromInputStream(e -> download(true)),
        ctx.t("table.exportXlsx"));
    xlsx.setId("export-xlsx");
    Upload upload = new Upload(UploadHandler.inMemory((meta, bytes) -> {
      UI ui = UI.getCurrent();
      ui.access(() -> importTable(meta.fileName(), bytes));
    }));
    upload.setId("import-table");
    upload.setAcceptedFileTypes(".csv", ".xlsx");
    upload.setUploadButton(new Button(ctx.t("table.import")));
    upload.setVisible(ctx.editable());
    HorizontalLayout bar = new HorizontalLayout(csv, xlsx, upload);
    bar.setAlignItems(Alignment.CENTER);
    add(bar, grid);
    render();
  }

  private DownloadResponse download(boolean excel) {
    byte[] bytes;
    List<List<String>> rows = DecisionTable.rows(ctx.model());
    bytes = excel ? DecisionTable.toXlsx(rows) : DecisionTable.toCsv(rows);
    String name = ctx.model().id() + "-rules." + (excel ? "xlsx" : "csv");
    return new DownloadResponse(new ByteArrayInputStream(bytes), name, excel
        ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        : "text/csv;charset=UTF-8", bytes.length);
  }

  private void importTable(String name, byte[] bytes) {
    try {
      List<List<String>> table = name.toLowerCase().endsWith(".xlsx")
          ? DecisionTable.fromXlsx(bytes) : DecisionTable.fromCsv(bytes);
      replace(table);
      Notices.ok(ctx.t("table.imported", ctx.model().rules().size()));
    } catch (DecisionTable.TableException e) {
      Notices.error(ctx.t("table.refused", String.join("\n", e.problems())));
    }
  }

  private void replace(List<List<String>> table) {
    PackModel applied = DecisionTable.apply(ctx.model(), table);
    ctx.model().rules().clear();
    ctx.model().rules().addAll(applied.rules());
    ctx.changed(EditorContext.Change.STRUCTURE);
  }

  /** Redraws the table from the pack. */
  public final void render() {
    grid.removeAllColumns();
    List<List<String>> rows = DecisionTable.rows(ctx.model());
    List<String> header = rows.get(0);
    for (int c = 0; c < header.size(); c++) {
      int col = c;
      grid.addComponentColumn(row -> cell(rows, row, col)).setHeader(header.get(c))
          .setAutoWidth(true).setResizable(true);
    }
    grid.setItems(rows.subList(1, rows.size()));
  }

  private TextField cell(List<List<String>> rows, List<String> row, int col) {
    TextField f = new TextField();
    f.setValue(col < row.size() ? row.get(col) : "");
    f.setWidthFull();
    f.setReadOnly(!ctx.editable());
    f.setValueChangeMode(ValueChangeMode.ON_BLUR);
    f.addValueChangeListener(e -> {
      List<List<String>> edited = new ArrayList<>();
      rows.forEach(r -> edited.add(new ArrayList<>(r)));
      int r = rows.indexOf(row);
      while (edited.get(r).size() <= col) {
        edited.get(r).add("");
      }
      edited.get(r).set(col, e.getValue());
      try {
        replace(edited);
      } catch (DecisionTable.TableException ex) {
        f.setInvalid(true);
        f.setErrorMessage(String.join("\n", ex.problems()));
      }
    });
    return f;
  }
}
