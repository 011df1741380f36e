package dev.baton.engine.rulepack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.baton.engine.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

class RulePackValidationTest {

  private static final String HEADER = """
      id: t
      version: 1.0.0
      kind: custom
      title: {en: T, zh-CN: 测试}
      facts:
        Req: {customerId: string, channel: {enum: [EMAIL, VOICE]}, amount: number, at: datetime}
        Consent: {customerId: string, status: {enum: [GRANTED, DENIED]}}
      """;

  private static List<Problem> problems(String yaml) {
    return problems("p.yaml", yaml);
  }

  private static List<Problem> problems(String source, String text) {
    return catchThrowableOfType(RulePackInvalidException.class,
        () -> RulePacks.parse(source, text)).problems();
  }

  private static String rule(String when, String then) {
    return HEADER + "rules:\n  - id: r1\n    title: {en: R, zh-CN: 规则}\n    when:\n" + when
        + "    then:\n" + then;
  }

  @Test
  void shouldReportSyntaxErrorWithLineWhenYamlIsMalformed() {
    // given
    String yaml = "id: t\nversion: [1.0.0\nkind: custom\n";
    // when
    List<Problem> p = problems(yaml);
    // then
    assertThat(p).singleElement().satisfies(x -> {
      assertThat(x.line()).isGreaterThan(0);
      assertThat(x.message()).startsWith("Not valid YAML");
    });
  }

  @Test
  void shouldReportSyntaxErrorWhenJsonIsMalformed() {
    // when
    List<Problem> p = problems("p.json", "{\"id\": \"t\",, }");
    // then
    assertThat(p).singleElement().extracting(Problem::message).asString()
        .startsWith("Not valid JSON");
  }

  @Test
  void shouldReportEveryProblemAtOnceWithLocationsWhenPackHasSeveral() {
    // given
    String yaml = """
        id: Bad_Id
        version: 1.0
        kind: sales
        title: {en: T}
        facts:
          Req: {customerId: strng}
        rules:
          - id: r1
            title: {en: R, zh-CN: 规则}
            when:
              - Reqq: {customerId: x}
            then:
              - emitt: {action: X}
          - id: r1
            title: {en: R, zh-CN: 规则}
            then: [{emit: {action: X}}]
        """;
    // when
    List<Problem> p = problems(yaml);
    // then
    assertThat(p).extracting(Problem::path).contains("id", "version", "kind", "title.zh-CN",
        "facts.Req.customerId", "rules[0].when[0]", "rules[0].then[0].emitt", "rules[1].id");
    assertThat(p).allSatisfy(x -> assertThat(x.line()).isPositive());
    assertThat(p).filteredOn(x -> x.path().equals("rules[0].when[0]")).singleElement()
        .satisfies(x -> {
          assertThat(x.ruleId()).isEqualTo("r1");
          assertThat(x.line()).isEqualTo(11);
          assertThat(x.hint()).contains("Did you mean 'Req'?");
        });
  }

  @Test
  void shouldRejectUnknownFieldAndWrongValueTypeWhenConstraintsAreWrong() {
    // given
    String yaml = rule("""
              - Req as r: {channel: SMS, amount: lots, colour: red}
        """, """
              - emit: {action: X}
        """);
    // when
    List<Problem> p = problems(yaml);
    // then
    assertThat(p).extracting(Problem::message).anySatisfy(m -> assertThat(m)
        .contains("Expected enum [EMAIL, VOICE], found the text 'SMS'"));
    assertThat(p).extracting(Problem::message).anySatisfy(m -> assertThat(m)
        .contains("Expected number, found the text 'lots'"));
    assertThat(p).extracting(Problem::message).anySatisfy(m -> assertThat(m)
        .contains("Unknown field 'colour' of Req"));
  }

  @Test
  void shouldRejectDanglingReferenceWhenBindingIsNotDeclaredEarlier() {
    // given
    String yaml = rule("""
              - Consent: {customerId: $req.customerId}
              - Req as req: {}
        """, """
              - emit: {action: X, customerId: $other.customerId}
        """);
    // when
    List<Problem> p = problems(yaml);
    // then
    assertThat(p).extracting(Problem::message).anySatisfy(m -> assertThat(m)
        .contains("'$req' is not bound earlier in this rule"));
    assertThat(p).extracting(Problem::message).anySatisfy(m -> assertThat(m)
        .contains("'$other' is not bound earlier in this rule"));
  }

  @Test
  void shouldRejectDuplicateKeysWhenAMapRepeatsOne() {
    // given
    String yaml = HEADER.replace("kind: custom\n", "kind: custom\nkind: custom\n")
        + "rules:\n  - id: r1\n    title: {en: R, zh-CN: 规则}\n    then: [{emit: {action: X}}]\n";
    // when
    List<Problem> p = problems(yaml);
    // then
    assertThat(p).extracting(Problem::message).anySatisfy(m -> assertThat(m)
        .contains("The key 'kind' appears twice"));
  }

  @Test
  void shouldRejectScoreCycleWhenARuleTestsTheScoreItAdds() {
    // given
    String yaml = HEADER + """
        scores: [CMI]
        rules:
          - id: loop
            title: {en: R, zh-CN: 规则}
            when:
              - Score: {name: CMI, value: {gte: 1}}
            then:
              - score: {name: CMI, points: 1}
        """;
    // when
    List<Problem> p = problems(yaml);
    // then
    assertThat(p).singleElement().satisfies(x -> {
      assertThat(x.ruleId()).isEqualTo("loop");
      assertThat(x.message()).contains("tests a score that it adds to");
    });
  }

  @Test
  void shouldRejectMissingRequiredParameterWhenCatalogueActionNeedsIt() {
    // given
    String yaml = rule("""
              - Req as r: {}
        """, """
              - emit: {action: SEND_TEXT, customerId: $r.customerId}
        """);
    // when
    List<Problem> p = problems(yaml);
    // then
    assertThat(p).extracting(Problem::message).anySatisfy(m -> assertThat(m)
        .contains("SEND_TEXT needs the parameter 'channel'"));
  }

  @Test
  void shouldRejectReservedNamesWhenTypeOrFieldWouldShadowCode() {
    // given
    String yaml = """
        id: t
        version: 1.0.0
        kind: custom
        title: {en: T, zh-CN: 测试}
        facts:
          System: {class: string}
          Score: {x: string}
        rules:
          - id: r1
            title: {en: R, zh-CN: 规则}
            then: [{emit: {action: X}}]
        """;
    // when
    List<Problem> p = problems(yaml);
    // then
    assertThat(p).extracting(Problem::path).contains("facts.System", "facts.Score");
  }

  @Test
  void shouldRoundTripThroughYamlAndJsonWithTheSameHashWhenPackIsValid() {
    // given
    RulePack pack = RulePacks.parse("p.yaml", rule("""
              - Req as r: {channel: VOICE, amount: {between: [10, 20.5]}, at: {olderThan: PT3M}}
              - not: {Consent: {customerId: $r.customerId, status: GRANTED}}
              - count: {of: Consent, where: {customerId: $r.customerId}, is: {lt: 3}, as: n}
        """, """
              - block: {reason: 'No consent: $5 "quoted"', proof: $r.customerId}
              - emit: {action: CUSTOM_ONE, customerId: $r.customerId, tries: $n, label: {literal: $x}}
        """));
    // when
    RulePack fromYaml = RulePacks.parse("again.yaml", RulePacks.toYaml(pack));
    RulePack fromJson = RulePacks.parse("again.json", RulePacks.toJson(pack));
    // then
    assertThat(RulePacks.contentHash(fromYaml)).isEqualTo(RulePacks.contentHash(pack));
    assertThat(RulePacks.contentHash(fromJson)).isEqualTo(RulePacks.contentHash(pack));
    assertThat(RulePacks.contentHash(pack)).hasSize(64);
  }
}
