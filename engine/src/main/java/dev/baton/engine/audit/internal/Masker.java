package dev.baton.engine.audit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.baton.engine.audit.Masking;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Applies a {@link Masking} to values and JSON trees. Not thread-safe: one per export. */
final class Masker {
  private final Masking masking;
  private final Mac mac;

  Masker(Masking masking) {
    this.masking = masking;
    if (masking.mode() == Masking.Mode.PSEUDONYM) {
      try {
        mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(masking.secret().getBytes(StandardCharsets.UTF_8),
            "HmacSHA256"));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    } else {
      mac = null;
    }
  }

  boolean masks(String field) {
    return masking.fields().contains(field);
  }

  /** The value of a field, hidden when the field is masked. */
  String value(String field, String value) {
    return value == null || !masks(field) ? value : hide(value);
  }

  String hide(String value) {
    if (mac == null) {
      return "***";
    }
    byte[] digest = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest, 0, 8);
  }

  /** The tree with every masked field's value hidden, at any depth. Changes the tree. */
  JsonNode tree(JsonNode node) {
    if (masking.fields().isEmpty()) {
      return node;
    }
    walk(node);
    return node;
  }

  private void walk(JsonNode node) {
    if (node.isArray()) {
      node.forEach(this::walk);
      return;
    }
    if (!(node instanceof ObjectNode object)) {
      return;
    }
    JsonNode tested = object.get("field");
    if (tested != null && tested.isTextual() && masks(tested.textValue())) {
      nearestMiss(object);
    }
    List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(object.properties());
    for (Map.Entry<String, JsonNode> e : fields) {
      JsonNode v = e.getValue();
      if (masks(e.getKey()) && !v.isNull()) {
        object.set(e.getKey(), new TextNode(hide(text(v))));
      } else {
        walk(v);
      }
    }
  }

  /** A nearest miss on a masked field shows its values three times: hide them all. */
  private void nearestMiss(ObjectNode miss) {
    JsonNode explanation = miss.get("explanation");
    String text = explanation != null && explanation.isTextual() ? explanation.textValue() : null;
    for (String key : List.of("expected", "actual")) {
      JsonNode v = miss.get(key);
      if (v == null || v.isNull()) {
        continue;
      }
      String raw = text(v);
      String hidden = hide(raw);
      miss.set(key, new TextNode(hidden));
      if (text != null && !raw.isEmpty()) {
        text = text.replace(raw, hidden);
      }
    }
    if (text != null) {
      miss.set("explanation", new TextNode(text));
    }
  }

  private static String text(JsonNode v) {
    return v.isTextual() ? v.textValue() : RecordJson.write(v);
  }
}
