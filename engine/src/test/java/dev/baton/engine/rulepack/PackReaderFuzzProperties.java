package dev.baton.engine.rulepack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.baton.engine.ValidationException;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzzing the pack and facts readers: whatever the text (a template pack with random cuts and
 * insertions of YAML and JSON syntax, huge or non-finite numbers, anchors, tags, or random
 * Unicode), reading it either gives a pack or refuses it with a {@link ValidationException}
 * listing problems; never another exception, and never a hang.
 */
class PackReaderFuzzProperties {
  private static final Duration BOUND = Duration.ofSeconds(20);
  /** A template pack as analysts write it (comments, flow maps), from the rule-packs module. */
  private static final String TEMPLATE = read("../rule-packs/ai-trigger/pack.yaml");
  private static final String TEMPLATE_JSON =
      RulePacks.toJson(RulePacks.parse("cmi.yaml", read("../rule-packs/cmi-threshold/pack.yaml")));
  private static final List<String> TOKENS = List.of("{", "}", "[", "]", ":", ": ", ",", "-",
      "- ", "\n", "\n  ", "\t", "\"", "'", "#", "&a ", "*a", "!!java.lang.Object ", "!!binary ",
      "? ", "|", ">", "~", "null", "true", "1e400", "-1e400", ".nan", ".inf", "NaN", "1e-400",
      "99999999999999999999999999999999", "0x1F", "9".repeat(2000), "\u0000", "\uFFFD",
      "\uD83D\uDE00", "规则", "$params.x", "$o.customerId", "{gte: 1e400}", "version: 1.0.0\n",
      "%YAML 1.2\n", "---\n", "...\n", "<<: *a\n");

  @Property(tries = 300)
  void shouldReadOrRefuseWithProblemsWhenThePackTextIsMutated(
      @ForAll("mutatedPacks") String text) {
    assertReadOrRefused(() -> RulePacks.parse("fuzz.yaml", text));
  }

  @Property(tries = 150)
  void shouldReadOrRefuseWithProblemsWhenTheJsonPackTextIsMutated(
      @ForAll("mutatedJsonPacks") String text) {
    assertReadOrRefused(() -> RulePacks.parse("fuzz.json", text));
  }

  @Property(tries = 200)
  void shouldReadOrRefuseWithProblemsWhenTheFactsAreArbitrary(@ForAll("facts") String text) {
    assertReadOrRefused(() -> RulePacks.parseFacts("request body", text));
  }

  @Property(tries = 1)
  void shouldRefuseANumberBeyondTheRangeOfANumberWithItsPosition() {
    // when
    Throwable t = catchThrowable(() -> RulePacks.parseFacts("request body",
        "{\"facts\": {\"Order\": [{\"amount\": 1e400}]}}"));
    // then
    assertThat(t).isInstanceOf(ValidationException.class)
        .hasMessageContaining("1e400' is beyond the range of a number");
  }

  private static String read(String file) {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of(file));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void assertReadOrRefused(Runnable read) {
    Throwable t = assertTimeoutPreemptively(BOUND, () -> catchThrowable(read::run));
    if (t != null) {
      assertThat(t).as("refusal of the reader").isInstanceOf(ValidationException.class);
      assertThat(((ValidationException) t).problems()).as(t.getMessage()).isNotEmpty();
    }
  }

  @Provide
  Arbitrary<String> mutatedPacks() {
    return mutationsOf(TEMPLATE);
  }

  @Provide
  Arbitrary<String> mutatedJsonPacks() {
    return mutationsOf(TEMPLATE_JSON);
  }

  @Provide
  Arbitrary<String> facts() {
    Arbitrary<String> valid = Arbitraries.of("{\"now\": \"2026-11-27T09:00:00Z\", \"facts\":"
        + " {\"Customer\": [{\"customerId\": \"C-1\", \"name\": \"A\", \"region\": \"E\"}]}}");
    Arbitrary<String> random = Arbitraries.strings().all().ofMaxLength(300);
    return Arbitraries.oneOf(mutationsOf(valid), random);
  }

  private static Arbitrary<String> mutationsOf(String text) {
    return mutationsOf(Arbitraries.just(text));
  }

  /** Up to five cuts or insertions of a syntax token at random places. */
  private static Arbitrary<String> mutationsOf(Arbitrary<String> texts) {
    Arbitrary<Mutation> mutation = Combinators.combine(Arbitraries.doubles().between(0, 1),
        Arbitraries.integers().between(0, 40), Arbitraries.of(TOKENS), Arbitraries.of(true,
            false)).as(Mutation::new);
    return Combinators.combine(texts, mutation.list().ofMinSize(1).ofMaxSize(5))
        .as((t, ms) -> {
          String out = t;
          for (Mutation m : ms) {
            out = m.apply(out);
          }
          return out;
        });
  }

  private record Mutation(double at, int cut, String token, boolean insert) {
    String apply(String text) {
      int i = (int) (at * text.length());
      int end = Math.min(text.length(), i + cut);
      return text.substring(0, i) + (insert ? token : "") + text.substring(insert ? i : end);
    }
  }
}
