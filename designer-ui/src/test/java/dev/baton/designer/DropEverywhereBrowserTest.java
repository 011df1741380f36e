package dev.baton.designer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.baton.designer.AnalystEditingBrowserTest.idle;
import static dev.baton.designer.AnalystEditingBrowserTest.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.TimeoutError;
import dev.baton.designer.packs.TemplateCatalogue;
import dev.baton.designer.packs.model.PackModel;
import dev.baton.engine.repository.PackSource;
import dev.baton.engine.runtime.Baton;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The issue's measure "no drop on any block in any state changes an existing test", in headless
 * Chromium: every palette item of a template pack is dropped (HTML5 drag and drop, as an
 * analyst does it) on every kind of place of the designer — a condition whose fields are all
 * tested and its header, an empty bound pattern, a not and an exists condition, a group of
 * conditions (its header, a member, its drop area), an aggregate, a pattern with a group of
 * tests, an action and its header, the rule card's head, the two drop areas of a rule and an
 * empty place. After each drop the pack in the editor (its YAML) still holds every test and
 * value it held before, and the drop either added something or changed nothing and said why;
 * undo then restores the pack. Works on copies of the templates ({@code drop-cmi},
 * {@code drop-ai}), saves nothing. Screenshots {@code x01}–.
 */
class DropEverywhereBrowserTest extends BrowserTestBase {
  private static final String HIGH = "high-cmi-push-content-pack";
  private static final String FULL = "full condition (every field tested)";
  private static final String FULL_HEADER = "header of the full condition";

  @Autowired Baton baton;

  private void seed(String template, String id, Consumer<PackModel> change) {
    if (baton.packs().draft(id).isEmpty()) {
      PackModel m = PackModel.of(new TemplateCatalogue().packs().get(template));
      m.root().put("id", id);
      change.accept(m);
      baton.packs().importDraft(PackSource.bytes("pack.yaml",
          m.toYaml().getBytes(StandardCharsets.UTF_8)), "analyst", "drop test copy");
    }
  }

  /** A rule with the condition kinds the template lacks: a group and an aggregate. */
  @SuppressWarnings("unchecked")
  private static void addGroupAndAggregate(PackModel m) {
    Map<String, Object> rule = new LinkedHashMap<>();
    rule.put("id", "drop-kinds");
    rule.put("title", new LinkedHashMap<>(Map.of("en", "Group and aggregate",
        "zh-CN", "条件组与聚合")));
    List<Object> when = new ArrayList<>();
    when.add(new LinkedHashMap<>(Map.of("Customer as c", new LinkedHashMap<>())));
    when.add(new LinkedHashMap<>(Map.of("any", new ArrayList<>(List.of(
        new LinkedHashMap<>(Map.of("BehaviourSignal", new LinkedHashMap<>(Map.of(
            "customerId", "$c.customerId", "kind", "WEBSITE_HEATMAP")))),
        new LinkedHashMap<>(Map.of("WebSession", new LinkedHashMap<>(Map.of(
            "onSite", true)))))))));
    Map<String, Object> count = new LinkedHashMap<>();
    count.put("of", "BehaviourSignal");
    count.put("where", new LinkedHashMap<>(Map.of("customerId", "$c.customerId")));
    count.put("within", new LinkedHashMap<>(Map.of("field", "occurredAt", "last", "P7D")));
    count.put("is", new LinkedHashMap<>(Map.of("gte", 2)));
    when.add(new LinkedHashMap<>(Map.of("count", count)));
    rule.put("when", when);
    rule.put("then", new ArrayList<>(List.of(new LinkedHashMap<>(Map.of("score",
        new LinkedHashMap<>(Map.of("name", "CMI", "points", 5)))))));
    ((List<Object>) m.root().get("rules")).add(rule);
  }

  @Test
  void shouldKeepEveryTestWhenEachPaletteItemIsDroppedOnEachBlockKindOfTheCmiPack() {
    seed("cmi-threshold", "drop-cmi", DropEverywhereBrowserTest::addGroupAndAggregate);
    Page page = signIn("analyst");
    open(page, "drop-cmi", HIGH, "low-cmi-create-sales-task", "cmi-website-heatmap",
        "drop-kinds");
    shot(page, "x01-drop-cmi-opened");
    Map<String, String> targets = new LinkedHashMap<>();
    targets.put(FULL, "#cond-" + HIGH + "-1");
    targets.put(FULL_HEADER, "#cond-" + HIGH + "-1 >> .block-kind >> nth=0");
    targets.put("bound pattern without tests", "#cond-" + HIGH + "-0");
    targets.put("not condition", "#cond-low-cmi-create-sales-task-1");
    targets.put("exists condition", "#cond-cmi-website-heatmap-1");
    targets.put("group of conditions (header)", "#cond-drop-kinds-1 >> .block-kind >> nth=0");
    targets.put("member of a group", "#cond-drop-kinds-1-0");
    targets.put("drop area of a group", "#cond-drop-kinds-1-drop");
    targets.put("aggregate with filter and window", "#cond-drop-kinds-2");
    targets.put("action", "#action-" + HIGH + "-0");
    targets.put("header of an action", "#action-" + HIGH + "-0 >> .block-kind >> nth=0");
    targets.put("rule card head", "#rule-" + HIGH + "-handle");
    targets.put("condition drop area", "#drop-when-" + HIGH);
    targets.put("action drop area", "#drop-then-" + HIGH);
    targets.put("empty place", "#designer-title");
    Tally tally = dropEverything(page, targets, List.of(FULL, FULL_HEADER),
        List.of(FULL));
    shot(page, "x02-drop-cmi-done");
    page.context().close();
    // every kind of outcome happened: additions and explained refusals
    assertThat(tally.added).isGreaterThan(50);
    assertThat(tally.refused).isGreaterThan(8);
    // and nothing was saved
    assertThat(baton.packs().draft("drop-cmi").orElseThrow().pack().rules()).hasSize(8);
  }

  @Test
  void shouldKeepEveryTestWhenEachPaletteItemIsDroppedOnTheTestGroupsOfTheAiTriggerPack() {
    seed("ai-trigger", "drop-ai", m -> { });
    Page page = signIn("analyst");
    open(page, "drop-ai", "incomplete-visit-human-review", "recommend-follow-up-script",
        "grade-opportunity-a");
    Map<String, String> targets = new LinkedHashMap<>();
    targets.put("pattern holding only a group of tests",
        "#cond-incomplete-visit-human-review-0");
    targets.put("pattern with tests and a group of tests", "#cond-recommend-follow-up-script-0");
    targets.put("pattern testing a list and a parameter", "#cond-grade-opportunity-a-0");
    Tally tally = dropEverything(page, targets, List.copyOf(targets.keySet()),
        List.of(targets.keySet().iterator().next()));
    shot(page, "x03-drop-ai-done");
    page.context().close();
    assertThat(tally.added).isGreaterThan(30);
  }

  private static void open(Page page, String pack, String... rules) {
    page.locator("#open-" + pack).click();
    assertThat(page.locator("#designer-title")).hasText(pack);
    for (String rule : rules) {
      page.locator("#details-" + rule + " > vaadin-details-summary").click();
      idle(page);
    }
  }

  private static final class Tally {
    int added;
    int refused;
    int ignored;
    int checkedOnYaml;
  }

  /** What the editor shows: every value of every editor and reference, and how many ids. */
  private static final String SHOWN = "() => { const r = document.querySelector('#rules');"
      + " const v = [...r.querySelectorAll('*')].filter(e => e.localName.startsWith('vaadin-')"
      + " && e.localName !== 'vaadin-button' && typeof e.value === 'string')"
      + ".map(e => e.localName + '=' + e.value);"
      + " r.querySelectorAll('[id$=\"-value-ref\"]').forEach(e => v.push('ref=' + e.textContent));"
      + " return [String(r.querySelectorAll('[id]').length), ...v]; }";

  /** A drop's outcome on the page: the pack marked unsaved, or a refusal this drop showed. */
  private static final String OUTCOME = "() => document.querySelector('#unsaved-mark')"
      + ".getAttribute('data-unsaved') === 'true'"
      + " || document.querySelector('.drop-refused:not([data-before])') !== null";

  /** What a failed drop left on the page: the unsaved mark and the notifications' texts. */
  private static final String PAGE_STATE = "() => 'unsaved=' + document.querySelector("
      + "'#unsaved-mark').getAttribute('data-unsaved') + ', notifications: ' + [...document"
      + ".querySelectorAll('vaadin-notification-card')].map(c => c.textContent.trim())"
      + ".join(' | ')";

  /**
   * Drops the palette items on every target; after each drop checks the editor and undoes.
   * Every drop is checked on the page: each value an editor showed before is still shown (an
   * overwritten or blanked test would lose one), and either something was added (more
   * elements) or a message says why nothing was. Where the drop's code adds a test to an
   * existing one ({@code strict} targets, field-test items), the pack itself is read from the
   * YAML tab and must keep every test and value it had. Fails naming the item and the target.
   *
   * @param strict the targets (keys) whose drops are checked on the pack's YAML as well
   * @param everyItem the targets whose drops use every palette item; the others one item of
   *     each kind (what they do depends only on the kind)
   */
  private static Tally dropEverything(Page page, Map<String, String> targets,
      List<String> strict, List<String> everyItem) {
    String yamlBefore = yaml(page);
    Map<String, Object> before = PackModel.parseYaml(yamlBefore).root();
    @SuppressWarnings("unchecked")
    List<String> items = (List<String>) page.locator(".palette-chip").evaluateAll(
        "els => els.map(e => e.id)");
    assertThat(items).contains("palette-COMPARISON", "palette-EMIT", "palette-ANY");
    // -Dbaton.drops.all=true: every item on every target; by default a sample of the kinds on
    // the targets other than the everyItem ones (what those do depends only on the kind)
    boolean all = Boolean.getBoolean("baton.drops.all");
    List<String> oneOfEach = new ArrayList<>();
    items.stream().filter(i -> i.startsWith("palette-type-")).findFirst()
        .ifPresent(oneOfEach::add);
    // one field of each fact type
    java.util.Set<String> types = new java.util.HashSet<>();
    items.stream().filter(i -> i.startsWith("palette-field-"))
        .filter(i -> types.add(i.substring(0, i.lastIndexOf('-')))).forEach(oneOfEach::add);
    if (all) {
      items.stream().filter(i -> !i.startsWith("palette-type-")
          && !i.startsWith("palette-field-")).forEach(oneOfEach::add);
    } else {
      List<String> typeAndField = new ArrayList<>(oneOfEach.subList(0,
          Math.min(2, oneOfEach.size())));
      oneOfEach.clear();
      oneOfEach.addAll(typeAndField);
      oneOfEach.addAll(List.of("palette-COMPARISON", "palette-NOT", "palette-EMIT"));
    }
    Tally tally = new Tally();
    long started = System.nanoTime();
    for (Map.Entry<String, String> target : targets.entrySet()) {
      Locator where = page.locator(target.getValue());
      boolean checkYaml = strict.contains(target.getKey());
      for (String item : all || everyItem.contains(target.getKey()) ? items : oneOfEach) {
        String what = item + " on " + target.getKey() + " (" + target.getValue() + ")";
        // refusals shown before this drop are marked, so that only this drop's refusal counts
        page.evaluate("() => { document.querySelectorAll('vaadin-notification')"
            + ".forEach(n => n.opened = false); document.querySelectorAll('.drop-refused')"
            + ".forEach(e => e.dataset.before = 'yes'); }");
        // a closing notification still covers part of the page: let it go before dropping
        page.waitForFunction("() => document.querySelector('vaadin-notification-card')"
            + " === null");
        @SuppressWarnings("unchecked")
        List<String> shownBefore = (List<String>) page.evaluate(SHOWN);
        page.locator("#" + item).dragTo(where);
        if (!target.getKey().equals("empty place")) {
          // the drop's round trip may start after the page looks idle: wait for its outcome
          try {
            page.waitForFunction(OUTCOME, null, new Page.WaitForFunctionOptions()
                .setTimeout(10_000));
          } catch (TimeoutError e) {
            shot(page, "x-drop-failed");
            throw new AssertionError(what + " changed nothing and said nothing; page: "
                + page.evaluate(PAGE_STATE), e);
          }
        }
        idle(page);
        boolean changed = "true".equals(page.locator("#unsaved-mark")
            .getAttribute("data-unsaved"));
        if (changed) {
          @SuppressWarnings("unchecked")
          List<String> shownAfter = (List<String>) page.evaluate(SHOWN);
          assertThat(Integer.parseInt(shownAfter.get(0))).as(what + " added nothing")
              .isGreaterThan(Integer.parseInt(shownBefore.get(0)));
          List<String> left = new ArrayList<>(shownAfter.subList(1, shownAfter.size()));
          for (String v : shownBefore.subList(1, shownBefore.size())) {
            assertThat(left.remove(v)).as(what + " no longer shows " + v).isTrue();
          }
          boolean fieldTest = item.startsWith("palette-field-") || item.endsWith("-COMPARISON")
              || item.endsWith("-REFERENCE") || item.endsWith("-TIME_WINDOW");
          if (checkYaml && fieldTest) {
            Map<String, Object> after = PackModel.parseYaml(yaml(page)).root();
            assertThat(after).as(what).isNotEqualTo(before);
            assertThat(lost(before, after, "")).as(what + " changed an existing test or value")
                .isNull();
            tally.checkedOnYaml++;
          }
          tally.added++;
          page.locator("#undo").click();
          idle(page);
          assertThat(page.locator("#unsaved-mark")).hasAttribute("data-unsaved", "false");
        } else if (target.getKey().equals("empty place")) {
          // not a drop target: the browser refuses the drop, nothing reaches the server
          assertThat(page.locator(".drop-refused")).hasCount(0);
          tally.ignored++;
        } else {
          // nothing changed: the analyst is told why and where the item goes
          try {
            assertThat(page.locator(".drop-refused:not([data-before])").last()).containsText(
                "Nothing was changed");
          } catch (AssertionError e) {
            throw new AssertionError(what + " changed nothing and said nothing", e);
          }
          tally.refused++;
        }
      }
      System.out.printf("DROPS %s: %d added, %d refused, %d ignored, %d on YAML; %.0f s%n",
          target.getKey(), tally.added, tally.refused, tally.ignored, tally.checkedOnYaml,
          (System.nanoTime() - started) / 1e9);
    }
    assertThat(yaml(page)).isEqualTo(yamlBefore);
    return tally;
  }

  /**
   * The first test or value of {@code before} that {@code after} no longer holds (its path), or
   * null when {@code after} keeps all of them. Kept means: equal; a map with every key kept; a
   * list in which the items of before appear in order (new items may come between); a single
   * value that became tests of the same field including {@code eq} of it.
   */
  static String lost(Object before, Object after, String path) {
    if (Objects.equals(before, after)) {
      return null;
    }
    if (before instanceof Map<?, ?> b && after instanceof Map<?, ?> a) {
      for (Map.Entry<?, ?> e : b.entrySet()) {
        String at = path + "/" + e.getKey();
        if (!a.containsKey(e.getKey())) {
          return at + " removed";
        }
        String lost = lost(e.getValue(), a.get(e.getKey()), at);
        if (lost != null) {
          return lost;
        }
      }
      return null;
    }
    if (before instanceof List<?> b && after instanceof List<?> a) {
      int j = 0;
      for (int i = 0; i < b.size(); i++) {
        while (j < a.size() && lost(b.get(i), a.get(j), path) != null) {
          j++;
        }
        if (j == a.size()) {
          return path + "[" + i + "] " + b.get(i) + " not kept in " + a;
        }
        j++;
      }
      return null;
    }
    if (!(before instanceof Map) && !(before instanceof List) && after instanceof Map<?, ?> a
        && Objects.equals(a.get("eq"), before)) {
      return null;
    }
    return path + ": " + before + " became " + after;
  }
}
