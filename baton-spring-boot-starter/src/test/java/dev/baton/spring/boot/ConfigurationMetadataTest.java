package dev.baton.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The hand-written configuration metadata (IDE completion) and the documentation page say the
 * same as {@link BatonProperties}: every property, and the defaults it binds to.
 */
class ConfigurationMetadataTest {

  @Test
  void shouldDescribeEveryPropertyWithItsBoundDefaultWhenReadFromTheMetadata() throws IOException {
    // given
    Map<String, JsonNode> metadata = metadata();
    Map<String, Object> bound = new LinkedHashMap<>();
    flatten("baton", defaults(), bound);

    // then: the same properties, the same defaults
    assertThat(metadata.keySet()).containsExactlyInAnyOrderElementsOf(bound.keySet());
    bound.forEach((name, value) -> {
      JsonNode documented = metadata.get(name).get("defaultValue");
      if (value == null || value instanceof java.util.List<?> l && l.isEmpty()) {
        assertThat(documented).as(name).isNull();
      } else {
        assertThat(documented).as(name).isNotNull();
        assertThat(documented.asText()).as(name)
            .isEqualTo(value.toString().toLowerCase(java.util.Locale.ROOT));
      }
      assertThat(metadata.get(name).get("description").asText()).as(name).isNotBlank();
    });
  }

  @Test
  void shouldListEveryPropertyWhenReadingTheDocumentation() throws IOException {
    // given
    Path page = Path.of("..", "docs", "spring-boot-starter.md");

    // when
    String docs = Files.readString(page);

    // then
    assertThat(metadata().keySet()).allSatisfy(name -> assertThat(docs).contains("`" + name
        + "`"));
  }

  private static BatonProperties defaults() {
    return new Binder(new MapConfigurationPropertySource(Map.of()))
        .bindOrCreate("baton", BatonProperties.class);
  }

  /** Leaf values by property name, records walked into. */
  private static void flatten(String prefix, Object value, Map<String, Object> out) {
    if (value != null && value.getClass().isRecord()) {
      for (RecordComponent c : value.getClass().getRecordComponents()) {
        try {
          flatten(prefix + "." + kebab(c.getName()), c.getAccessor().invoke(value), out);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
    } else {
      out.put(prefix, value);
    }
  }

  private static String kebab(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
  }

  private static Map<String, JsonNode> metadata() throws IOException {
    try (InputStream in = ConfigurationMetadataTest.class.getClassLoader()
        .getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
      Map<String, JsonNode> out = new LinkedHashMap<>();
      new ObjectMapper().readTree(in).get("properties")
          .forEach(p -> out.put(p.get("name").asText(), p));
      return out;
    }
  }
}
