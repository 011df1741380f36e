package dev.baton.engine.audit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.engine.audit.FieldDifference;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Field-by-field differences of two JSON documents, as JSON pointers. Objects compare by key
 * (their order does not matter), arrays by position, numbers by value ({@code 1.0} = {@code 1}).
 */
final class JsonDiff {
  private JsonDiff() {}

  static List<FieldDifference> diff(JsonNode recorded, JsonNode replayed) {
    List<FieldDifference> out = new ArrayList<>();
    diff(recorded, replayed, "", out);
    return out;
  }

  private static void diff(JsonNode a, JsonNode b, String path, List<FieldDifference> out) {
    boolean aMissing = a == null || a.isMissingNode();
    boolean bMissing = b == null || b.isMissingNode();
    if (aMissing || bMissing) {
      if (!(aMissing && bMissing)) {
        out.add(new FieldDifference(path, aMissing ? null : RecordJson.write(a),
            bMissing ? null : RecordJson.write(b)));
      }
      return;
    }
    if (a.isObject() && b.isObject()) {
      Set<String> keys = new LinkedHashSet<>();
      a.fieldNames().forEachRemaining(keys::add);
      b.fieldNames().forEachRemaining(keys::add);
      for (String k : keys) {
        diff(a.get(k), b.get(k), path + "/" + k.replace("~", "~0").replace("/", "~1"), out);
      }
      return;
    }
    if (a.isArray() && b.isArray()) {
      int n = Math.max(a.size(), b.size());
      for (int i = 0; i < n; i++) {
        diff(a.get(i), b.get(i), path + "/" + i, out);
      }
      return;
    }
    if (a.isNumber() && b.isNumber()) {
      if (a.decimalValue().compareTo(b.decimalValue()) != 0) {
        out.add(new FieldDifference(path, RecordJson.write(a), RecordJson.write(b)));
      }
      return;
    }
    if (!a.equals(b)) {
      out.add(new FieldDifference(path, RecordJson.write(a), RecordJson.write(b)));
    }
  }
}
