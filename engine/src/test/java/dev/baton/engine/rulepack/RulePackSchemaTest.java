package dev.baton.engine.rulepack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks docs/schema/rule-pack.schema.json and docs/schema/examples.schema.json: the schemas are
 * valid JSON Schema 2020-12, they accept the template packs in rule-packs/ and the examples of
 * docs/rule-pack-format.md, and they reject documents that break the format.
 */
class RulePackSchemaTest {

    private static final int MIN_TEMPLATE_PACKS = 3;

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().build();

    /** A minimal valid pack; the invalid documents below are mutations of it. */
    private static final String VALID_PACK = """
            id: test-pack
            version: 1.0.0
            kind: consent-check
            title: {en: Test pack, zh-CN: 测试规则包}
            facts:
              OutreachRequest:
                customerId: string
                channel: {enum: [EMAIL, SMS, VOICE]}
                dealSize: number
            rules:
              - id: block-voice
                title: {en: Block voice, zh-CN: 禁止语音}
                when:
                  - OutreachRequest as req: {channel: VOICE, dealSize: {gte: 10}}
                then:
                  - block: {reason: No voice, proof: $req.customerId}
            """;

    /** A pack that uses every construct of the format at least once. */
    private static final String EVERY_CONSTRUCT_PACK = """
            id: every-construct
            version: 2.1.0-rc.1
            kind: custom
            title: {en: Every construct, zh-CN: 全部构造}
            description: {en: A pack that uses every construct, zh-CN: 使用全部构造的规则包}
            parameters:
              cmiThreshold: {type: number, value: 70, title: {en: CMI threshold, zh-CN: CMI 阈值}}
              minSignals: {type: integer, value: 3}
              window: {type: duration, value: P30D}
              textChannels: {type: {list: string}, value: [SMS, EMAIL]}
              launchDay: {type: date, value: "2026-11-27"}
              enabled: {type: boolean, value: true}
            scores: [CMI]
            facts:
              OutreachRequest:
                customerId: string
                channel: {enum: [EMAIL, SMS, VOICE, WECHAT]}
                actor: {enum: [AI, HUMAN]}
                dealSize: number
                note: string
              BehaviourSignal:
                customerId: string
                tags: {list: string}
                weight: integer
                occurredAt: datetime
              Consent:
                customerId: string
                status: {enum: [GRANTED, DENIED]}
                expiresAt: datetime
                evidenceId: string
            rules:
              - id: engaged-customer
                title: {en: Engaged customer, zh-CN: 活跃客户}
                priority: 5
                when:
                  - OutreachRequest as req: {actor: AI, channel: {in: [SMS, EMAIL]}, dealSize: {between: [1, 1000]}}
                  - count: {of: BehaviourSignal, where: {customerId: $req.customerId}, within: {field: occurredAt, last: P30D}, is: {gte: $params.minSignals}, as: signals}
                  - sum: {of: BehaviourSignal, field: weight, where: {tags: {contains: PRICING}}, is: {gt: 0}, as: total}
                  - avg: {of: BehaviourSignal, field: weight, is: {empty: false}}
                  - min: {of: BehaviourSignal, field: weight, is: {gte: 0}}
                  - max: {of: BehaviourSignal, field: weight, within: {field: occurredAt, last: P1W}, is: {lte: 100}}
                  - count: {of: Consent, as: consents}
                  - not: {Consent: {customerId: $req.customerId, status: DENIED}}
                  - exists: {Consent: {customerId: $req.customerId, expiresAt: {gt: $now}}}
                  - any:
                      - BehaviourSignal: {tags: {contains: DEMO}, occurredAt: {withinLast: P2D}}
                      - all:
                          - BehaviourSignal: {occurredAt: {olderThan: PT3M}}
                          - OutreachRequest: {note: {startsWith: VIP, empty: false}}
                  - OutreachRequest: {note: {literal: "$5 off"}, any: [{channel: SMS}, {channel: {notIn: [VOICE]}}], all: [{dealSize: {ne: 0}}]}
                then:
                  - score: {name: CMI, points: $signals, weight: 0.5}
                  - score: {name: CMI, points: 10, weight: $params.cmiThreshold}
                  - allow: {reason: Engaged customer, proof: $total}
                  - emit: {action: SEND_TEXT, customerId: $req.customerId, channel: SMS, template: welcome, note: hi}
                  - emit: {action: PUSH_CONTENT_PACK, customerId: $req.customerId, contentPack: pricing}
                  - emit: {action: CREATE_SALES_TASK, customerId: $req.customerId, priority: HIGH, actor: HUMAN}
                  - emit: {action: GENERATE_BATTLE_PACK, customerId: $req.customerId, visitRequestId: V-1}
                  - emit: {action: REQUIRE_HUMAN_REVIEW, customerId: $req.customerId, reason: Large deal, queue: sales-review}
                  - emit: {action: CONTENT_REPLENISHMENT_TASK, customerId: $req.customerId, page: pricing}
                  - emit: {action: LOG_TOUCHPOINT, customerId: $req.customerId, count: 2, urgent: true}
              - id: veto-by-score
                title: {en: Veto by score, zh-CN: 按分数否决}
                when:
                  - Score: {name: CMI, value: {lt: $params.cmiThreshold}}
                  - ProposedAction as proposed: {action: SEND_TEXT}
                then:
                  - block: {reason: CMI too low, proof: $proposed.id}
              - id: always
                title: {en: Always, zh-CN: 总是}
                priority: -1000
                then:
                  - allow: {}
              - id: any-outreach
                title: {en: Any outreach, zh-CN: 任意触达}
                when:
                  - OutreachRequest:
                  - OutreachRequest as other: {}
                then:
                  - emit: {action: CREATE_SALES_TASK, customerId: $other.customerId}
            """;

    private static Path root;
    private static JsonSchema packSchema;
    private static JsonSchema examplesSchema;

    @BeforeAll
    static void loadSchemas() throws IOException {
        root = repositoryRoot();
        packSchema = FACTORY.getSchema(readJson(root.resolve("docs/schema/rule-pack.schema.json")), CONFIG);
        examplesSchema = FACTORY.getSchema(readJson(root.resolve("docs/schema/examples.schema.json")), CONFIG);
    }

    @Test
    void shouldBeValidJsonSchemaWhenCheckedAgainstTheDraft202012MetaSchema() throws IOException {
        // given
        JsonSchema metaSchema = FACTORY.getSchema(
                SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"), CONFIG);

        // when
        Set<ValidationMessage> packSchemaErrors =
                metaSchema.validate(readJson(root.resolve("docs/schema/rule-pack.schema.json")));
        Set<ValidationMessage> examplesSchemaErrors =
                metaSchema.validate(readJson(root.resolve("docs/schema/examples.schema.json")));

        // then
        assertThat(packSchemaErrors).isEmpty();
        assertThat(examplesSchemaErrors).isEmpty();
    }

    @Test
    void shouldAcceptEveryTemplatePackWhenValidatedAgainstTheSchema() throws IOException {
        // given
        List<Path> packFiles = templateFiles("pack");

        // when
        Map<String, List<String>> problems = validateAll(packSchema, packFiles);

        // then
        assertThat(packFiles)
                .describedAs("template packs (rule-packs/*/pack.yaml or pack.json) under %s", root.resolve("rule-packs"))
                .hasSizeGreaterThanOrEqualTo(MIN_TEMPLATE_PACKS);
        assertThat(problems).describedAs("schema violations per pack file").isEmpty();
    }

    @Test
    void shouldAcceptEveryTemplateExamplesFileWhenValidatedAgainstTheExamplesSchema() throws IOException {
        // given
        List<Path> packFiles = templateFiles("pack");
        List<Path> examplesFiles = templateFiles("examples");

        // when
        Map<String, List<String>> problems = validateAll(examplesSchema, examplesFiles);

        // then
        assertThat(packFiles).hasSizeGreaterThanOrEqualTo(MIN_TEMPLATE_PACKS);
        assertThat(examplesFiles)
                .describedAs("examples files (rule-packs/*/examples.yaml or examples.json)")
                .isNotEmpty();
        assertThat(problems).describedAs("schema violations per examples file").isEmpty();
    }

    @Test
    void shouldAcceptTheDocumentedPackWhenHeaderFactsAndRulesSnippetsAreCombined() throws IOException {
        // given
        Map<String, String> snippets = documentedYamlSnippets();
        String header = snippets.get("id:").lines()
                .filter(line -> !line.startsWith("facts:") && !line.startsWith("rules:"))
                .collect(Collectors.joining("\n"));
        String pack = header + "\n" + snippets.get("facts:") + "\n" + snippets.get("rules:");

        // when
        List<String> problems = validate(packSchema, YAML.readTree(pack));

        // then
        assertThat(problems).describedAs("documented pack:%n%s", pack).isEmpty();
    }

    @Test
    void shouldAcceptTheDocumentedExamplesWhenValidatedAgainstTheExamplesSchema() throws IOException {
        // given
        String examples = documentedYamlSnippets().get("- name:");

        // when
        List<String> problems = validate(examplesSchema, YAML.readTree(examples));

        // then
        assertThat(problems).isEmpty();
    }

    @Test
    void shouldAcceptPackWhenItIsMinimal() throws IOException {
        // given
        JsonNode pack = YAML.readTree(VALID_PACK);

        // when
        List<String> problems = validate(packSchema, pack);

        // then
        assertThat(problems).isEmpty();
    }

    @Test
    void shouldAcceptPackWhenItUsesEveryConstructOfTheFormat() throws IOException {
        // given
        JsonNode pack = YAML.readTree(EVERY_CONSTRUCT_PACK);

        // when
        List<String> problems = validate(packSchema, pack);

        // then
        assertThat(problems).isEmpty();
    }

    @Test
    void shouldAcceptPackWhenWrittenAsJson() throws IOException {
        // given
        String json = JSON.writeValueAsString(YAML.readTree(EVERY_CONSTRUCT_PACK));

        // when
        List<String> problems = validate(packSchema, JSON.readTree(json));

        // then
        assertThat(problems).isEmpty();
    }

    static Stream<Arguments> invalidPacks() {
        return Stream.of(
                Arguments.of("bad id", mutate("id: test-pack", "id: Test_Pack"), "id"),
                Arguments.of("id longer than 63 characters", mutate("id: test-pack", "id: a" + "b".repeat(63)), "id"),
                Arguments.of("unknown kind", mutate("kind: consent-check", "kind: marketing"), "kind"),
                Arguments.of("version that is not semver", mutate("version: 1.0.0", "version: '1.0'"), "version"),
                Arguments.of("missing title zh-CN", mutate("title: {en: Test pack, zh-CN: 测试规则包}", "title: {en: Test pack}"), "title"),
                Arguments.of("unknown top-level key", mutate("kind: consent-check", "kind: consent-check\nowner: sales"), "owner"),
                Arguments.of("missing rules", VALID_PACK.substring(0, VALID_PACK.indexOf("rules:")), "rules"),
                Arguments.of("lower-case fact type", mutate("  OutreachRequest:\n", "  outreachRequest:\n"), "outreachRequest"),
                Arguments.of("upper-case field name", mutate("    dealSize: number", "    DealSize: number"), "DealSize"),
                Arguments.of("unknown field type", mutate("    dealSize: number", "    dealSize: money"), "dealSize"),
                Arguments.of("list of lists", mutate("    dealSize: number", "    dealSize: {list: {list: number}}"), "dealSize"),
                Arguments.of("unknown action key", mutate("- block: {reason: No voice, proof: $req.customerId}", "- notify: {reason: No voice}"), "then"),
                Arguments.of("block without reason", mutate("- block: {reason: No voice, proof: $req.customerId}", "- block: {proof: $req.customerId}"), "block"),
                Arguments.of("SEND_TEXT without channel", mutate("- block: {reason: No voice, proof: $req.customerId}", "- emit: {action: SEND_TEXT, customerId: $req.customerId}"), "emit"),
                Arguments.of("SEND_TEXT over VOICE", mutate("- block: {reason: No voice, proof: $req.customerId}", "- emit: {action: SEND_TEXT, customerId: $req.customerId, channel: VOICE}"), "channel"),
                Arguments.of("unknown parameter of a built-in action", mutate("- block: {reason: No voice, proof: $req.customerId}", "- emit: {action: PUSH_CONTENT_PACK, customerId: C1, colour: red}"), "colour"),
                Arguments.of("score without points", mutate("- block: {reason: No voice, proof: $req.customerId}", "- score: {name: CMI}"), "score"),
                Arguments.of("unknown operator", mutate("dealSize: {gte: 10}", "dealSize: {greaterThan: 10}"), "greaterThan"),
                Arguments.of("between with one bound", mutate("dealSize: {gte: 10}", "dealSize: {between: [10]}"), "between"),
                Arguments.of("duration that is not ISO-8601", mutate("dealSize: {gte: 10}", "dealSize: {withinLast: 30 days}"), "withinLast"),
                Arguments.of("string that starts with $ but is no reference", mutate("{channel: VOICE,", "{channel: $ VOICE,"), "channel"),
                Arguments.of("condition with two keys", mutate("- OutreachRequest as req: {channel: VOICE, dealSize: {gte: 10}}", "- {OutreachRequest: {}, Consent: {}}"), "when"),
                Arguments.of("malformed binding", mutate("OutreachRequest as req:", "OutreachRequest as Req:"), "when"),
                Arguments.of("count with a field", mutate("- OutreachRequest as req: {channel: VOICE, dealSize: {gte: 10}}", "- count: {of: OutreachRequest, field: dealSize, is: {gt: 1}}"), "field"),
                Arguments.of("window of zero length", mutate("- OutreachRequest as req: {channel: VOICE, dealSize: {gte: 10}}", "- count: {of: OutreachRequest, within: {field: sentAt, last: PT0S}}"), "last"),
                Arguments.of("sum without field", mutate("- OutreachRequest as req: {channel: VOICE, dealSize: {gte: 10}}", "- sum: {of: OutreachRequest, is: {gt: 1}}"), "sum"),
                Arguments.of("non-integer priority", mutate("    when:", "    priority: high\n    when:"), "priority"),
                Arguments.of("priority out of range", mutate("    when:", "    priority: 5000\n    when:"), "priority"),
                Arguments.of("declared built-in type", mutate("  OutreachRequest:\n", "  Score: {name: string}\n  OutreachRequest:\n"), "Score"),
                Arguments.of("title on two lines", mutate("title: {en: Block voice,", "title: {en: \"Block\\nvoice\","), "title"),
                Arguments.of("rule without then", VALID_PACK.substring(0, VALID_PACK.indexOf("    then:")), "then"),
                Arguments.of("parameter value of the wrong type", mutate("facts:", "parameters:\n  threshold: {type: number, value: seventy}\nfacts:"), "value"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidPacks")
    void shouldRejectPackWhenItBreaksTheFormat(String problem, String yaml, String expectedLocation) throws IOException {
        // given
        JsonNode pack = YAML.readTree(yaml);

        // when
        List<String> problems = validate(packSchema, pack);

        // then
        assertThat(problems)
                .describedAs("problems reported for a pack with %s", problem)
                .isNotEmpty()
                .anySatisfy(message -> assertThat(message).contains(expectedLocation));
    }

    @Test
    void shouldAcceptExamplesWhenActionsAreGivenByNameOrWithParameters() throws IOException {
        // given
        JsonNode examples = YAML.readTree("""
                - name: names and maps
                  description: Expected actions may be names or maps; facts and now are optional.
                  expect:
                    fired: [a-rule]
                    actions: [SEND_TEXT, {action: CREATE_SALES_TASK, priority: HIGH}]
                    blocked: false
                    vetoed: [PUSH_CONTENT_PACK]
                    scores: {CMI: 42.5}
                - name: facts with a list, a missing value and an offset
                  now: 2026-11-27T17:00:00+08:00
                  facts:
                    BehaviourSignal: [{customerId: C1, tags: [PRICING, DEMO], weight: 3, note: null}]
                  expect: {}
                """);

        // when
        List<String> problems = validate(examplesSchema, examples);

        // then
        assertThat(problems).isEmpty();
    }

    @Test
    void shouldRejectExamplesWhenExpectHasAnUnknownKey() throws IOException {
        // given
        JsonNode examples = YAML.readTree("""
                - name: unknown expectation
                  now: 2026-11-27T09:00:00Z
                  facts: {OutreachRequest: [{customerId: C1}]}
                  expect: {fired: [a-rule], firedTwice: true}
                """);

        // when
        List<String> problems = validate(examplesSchema, examples);

        // then
        assertThat(problems).anySatisfy(message -> assertThat(message).contains("firedTwice"));
    }

    @Test
    void shouldRejectExamplesWhenNowIsNotAnInstant() throws IOException {
        // given
        JsonNode examples = YAML.readTree("""
                - name: local time without offset
                  now: 2026-11-27 09:00
                  facts: {}
                  expect: {blocked: false}
                """);

        // when
        List<String> problems = validate(examplesSchema, examples);

        // then
        assertThat(problems).anySatisfy(message -> assertThat(message).contains("now"));
    }

    // ------------------------------------------------------------------ helpers

    private static String mutate(String from, String to) {
        assertThat(VALID_PACK).contains(from);
        return VALID_PACK.replace(from, to);
    }

    private static List<String> validate(JsonSchema schema, JsonNode document) {
        return schema.validate(document).stream()
                .map(message -> message.getInstanceLocation() + " " + message.getMessage())
                .sorted()
                .toList();
    }

    private static Map<String, List<String>> validateAll(JsonSchema schema, List<Path> files) throws IOException {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        for (Path file : files) {
            List<String> fileProblems = validate(schema, read(file));
            if (!fileProblems.isEmpty()) {
                problems.put(root.relativize(file).toString(), fileProblems);
            }
        }
        return problems;
    }

    /** rule-packs/*&#47;NAME.yaml and rule-packs/*&#47;NAME.json, sorted. */
    private static List<Path> templateFiles(String name) throws IOException {
        Path packs = root.resolve("rule-packs");
        if (!Files.isDirectory(packs)) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> folders = Files.list(packs)) {
            for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
                for (String extension : List.of(".yaml", ".yml", ".json")) {
                    Path file = folder.resolve(name + extension);
                    if (Files.isRegularFile(file)) {
                        files.add(file);
                    }
                }
            }
        }
        return files;
    }

    /** The ```yaml blocks of docs/rule-pack-format.md, keyed by how their first line starts. */
    private static Map<String, String> documentedYamlSnippets() throws IOException {
        String doc = Files.readString(root.resolve("docs/rule-pack-format.md"), StandardCharsets.UTF_8);
        Matcher block = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        Map<String, String> snippets = new LinkedHashMap<>();
        while (block.find()) {
            String text = block.group(1);
            for (String start : List.of("id:", "facts:", "rules:", "- name:")) {
                if (text.startsWith(start)) {
                    snippets.putIfAbsent(start, text);
                }
            }
        }
        assertThat(snippets).describedAs("yaml snippets of docs/rule-pack-format.md")
                .containsKeys("id:", "facts:", "rules:", "- name:");
        return snippets;
    }

    private static JsonNode read(Path file) throws IOException {
        return file.toString().endsWith(".json") ? readJson(file) : YAML.readTree(file.toFile());
    }

    private static JsonNode readJson(Path file) throws IOException {
        return JSON.readTree(file.toFile());
    }

    /** The repository root: the working directory (root build) or its parent (engine module). */
    private static Path repositoryRoot() {
        Path here = Path.of("").toAbsolutePath();
        for (Path candidate = here; candidate != null; candidate = candidate.getParent()) {
            if (Files.isRegularFile(candidate.resolve("docs/schema/rule-pack.schema.json"))) {
                return candidate;
            }
        }
        throw new UncheckedIOException(new IOException("docs/schema/rule-pack.schema.json not found above " + here));
    }
}
