package dev.baton.designer.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The bundles are complete in both languages and hold every key the code uses. */
class MessagesTest {

  @Test
  void shouldHaveTheSameKeysInEnglishAndChineseWhenBundlesLoad() {
    // given
    Set<String> en = Messages.bundle(Messages.EN).keySet();
    // when
    Set<String> zh = Messages.bundle(Messages.ZH_CN).keySet();
    // then
    assertThat(zh).isEqualTo(en);
    zh.forEach(k -> assertThat(Messages.bundle(Messages.ZH_CN).getString(k)).as(k).isNotBlank());
  }

  @Test
  void shouldFindEveryLiteralKeyOfTheCodeInTheBundles() throws IOException {
    // given
    Pattern call = Pattern.compile("\\bt\\(\"([a-zA-Z0-9_.-]+)\"|\"((?:problem|hint)\\.[a-zA-Z]+)\"");
    Set<String> used = new HashSet<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher m = call.matcher(Files.readString(f));
        while (m.find()) {
          String key = m.group(1) != null ? m.group(1) : m.group(2);
          if (!key.endsWith(".")) {
            used.add(key);
          }
        }
      }
    }
    // when
    Set<String> en = Messages.bundle(Messages.EN).keySet();
    // then
    assertThat(used).isNotEmpty();
    assertThat(en).containsAll(used);
  }

  @Test
  void shouldFormatNumbersInTheLocaleWhenArgumentsAreGiven() {
    // when
    String en = Messages.get(Messages.EN, "designer.problems", 1200);
    // then
    assertThat(en).isEqualTo("1,200 problems");
    assertThat(Messages.get(Messages.ZH_CN, "nav.packs")).isEqualTo("规则包");
  }
}
