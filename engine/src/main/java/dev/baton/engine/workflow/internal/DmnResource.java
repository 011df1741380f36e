package dev.baton.engine.workflow.internal;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.kie.api.io.Resource;
import org.kie.dmn.api.core.DMNContext;
import org.kie.dmn.api.core.DMNDecisionResult;
import org.kie.dmn.api.core.DMNMessage;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNResult;
import org.kie.dmn.api.core.DMNRuntime;
import org.kie.dmn.api.core.ast.DecisionNode;
import org.kie.dmn.api.core.event.AfterEvaluateDecisionEvent;
import org.kie.dmn.api.core.event.AfterEvaluateDecisionTableEvent;
import org.kie.dmn.api.core.event.DMNRuntimeEventListener;
import org.kie.dmn.core.internal.utils.DMNRuntimeBuilder;
import org.kie.dmn.feel.runtime.events.UnknownVariableErrorEvent;
import org.kie.dmn.model.api.DecisionTable;
import org.kie.dmn.model.api.LiteralExpression;
import org.kie.internal.io.ResourceFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * One deployed DMN resource (a decision requirements graph): read safely, checked, compiled with
 * the Apache KIE DMN engine and evaluated.
 *
 * <p>Camunda users write DMN for Zeebe's engine, whose conventions differ from KIE's in three
 * places, bridged here on a copy of the document given to KIE (the stored resource is the
 * user's): a decision's result is available to the decisions that require it under the
 * decision's id (KIE: its name, through a {@code variable} element Camunda files lack), input
 * expressions read process variables that no {@code inputData} declares (KIE reports them as
 * unknown at compile time; they resolve at evaluation), and Camunda's type names {@code
 * integer}, {@code long} and {@code double} are FEEL's {@code number}.
 *
 * <p>The XML is read with DOCTYPE declarations refused, so entity expansion (billion laughs) and
 * external entities (XXE) never happen. Evaluation is synchronized (the engine thread calls it;
 * the listener that records matched rules is per resource).
 */
final class DmnResource {
  private static final Set<String> NUMBER_TYPES = Set.of("integer", "long", "double");

  /** A decision of the graph. */
  record DecisionInfo(String id, String name) {}

  /** A rule of a decision table that matched: its id and 1-based index. */
  record MatchedRule(String ruleId, int ruleIndex) {}

  /** One decision evaluated on the way (required decisions first, the called one last). */
  record EvaluatedDecision(String decisionId, String decisionType, Object output,
      List<MatchedRule> matchedRules) {}

  /**
   * The result of evaluating a decision: its output, or the failure with the decision that
   * failed.
   */
  record Result(Object output, List<EvaluatedDecision> evaluated, String failedDecisionId,
      String failureMessage) {
    boolean failed() {
      return failureMessage != null;
    }
  }

  final String resourceName;
  final String xml;
  final String drgId;
  final String drgName;
  final List<DecisionInfo> decisions;
  private final String kieXml;
  private DMNRuntime runtime;
  private DMNModel model;
  private List<EvaluatedDecision> collecting;
  private final Map<String, List<MatchedRule>> matches = new LinkedHashMap<>();

  private DmnResource(String resourceName, String xml, String drgId, String drgName,
      List<DecisionInfo> decisions, String kieXml) {
    this.resourceName = resourceName;
    this.xml = xml;
    this.drgId = drgId;
    this.drgName = drgName;
    this.decisions = List.copyOf(decisions);
    this.kieXml = kieXml;
  }

  /**
   * Reads and checks a DMN resource, and compiles it (so that deployment refuses what cannot
   * run). Thread-safe.
   *
   * @throws ProcessModel.InvalidModelException naming the resource and every problem found
   */
  static DmnResource parse(String resourceName, byte[] content) {
    DmnResource r = read(resourceName, content);
    r.compile();
    return r;
  }

  /** Reads a stored resource; it is compiled on its first evaluation. */
  static DmnResource stored(String resourceName, String xml) {
    return read(resourceName, xml.getBytes(StandardCharsets.UTF_8));
  }

  private static DmnResource read(String resourceName, byte[] content) {
    Document doc;
    try {
      doc = secureBuilder().parse(new ByteArrayInputStream(content));
    } catch (Exception e) {
      String at = e instanceof org.xml.sax.SAXParseException p && p.getLineNumber() > 0
          ? "line " + p.getLineNumber() + ", column " + p.getColumnNumber() + ": " : "";
      throw invalid(resourceName, "not a well-formed DMN file: " + at + e.getMessage()
          + (String.valueOf(e.getMessage()).contains("DOCTYPE")
              ? " (DOCTYPE declarations are refused: DMN needs none, and entity declarations"
                  + " would allow XML entity expansion and external entity attacks)"
              : ""));
    }
    Element root = doc.getDocumentElement();
    String ns = root.getNamespaceURI();
    if (!"definitions".equals(root.getLocalName()) || ns == null
        || !ns.contains("/spec/DMN/")) {
      throw invalid(resourceName, "not a DMN file: the root element must be a DMN"
          + " 'definitions' element (namespace of DMN 1.1 to 1.5), but it is '"
          + root.getTagName() + "'" + (ns == null ? "" : " in namespace '" + ns + "'"));
    }
    List<String> problems = new ArrayList<>();
    String drgId = root.getAttribute("id");
    if (drgId.isBlank()) {
      problems.add("the 'definitions' element needs an id (the decision requirements id)");
    }
    String drgName = root.getAttribute("name").isBlank() ? drgId : root.getAttribute("name");
    List<DecisionInfo> decisions = new ArrayList<>();
    Set<String> ids = new LinkedHashSet<>();
    for (Element d : children(root, "decision")) {
      String id = d.getAttribute("id");
      if (id.isBlank()) {
        problems.add("a decision" + (d.getAttribute("name").isBlank() ? ""
            : " named '" + d.getAttribute("name") + "'") + " has no id");
        continue;
      }
      if (!ids.add(id)) {
        problems.add("the decision id '" + id + "' is used twice");
        continue;
      }
      decisions.add(new DecisionInfo(id, d.getAttribute("name").isBlank() ? id
          : d.getAttribute("name")));
      bridge(doc, d, id);
    }
    if (decisions.isEmpty() && problems.isEmpty()) {
      problems.add("it has no decision");
    }
    if (!problems.isEmpty()) {
      throw invalid(resourceName, String.join("; ", problems));
    }
    renameNumberTypes(root);
    return new DmnResource(resourceName, new String(content, StandardCharsets.UTF_8), drgId,
        drgName, decisions, serialize(doc));
  }

  /** The decision answers to its id, as Zeebe's DMN engine does (see the class comment). */
  private static void bridge(Document doc, Element decision, String id) {
    decision.setAttribute("name", id);
    List<Element> vars = children(decision, "variable");
    if (vars.isEmpty()) {
      Element v = doc.createElementNS(decision.getNamespaceURI(), decision.getPrefix() == null
          ? "variable" : decision.getPrefix() + ":variable");
      v.setAttribute("id", id + "_variable");
      v.setAttribute("name", id);
      decision.insertBefore(v, decision.getFirstChild());
    } else {
      vars.get(0).setAttribute("name", id);
    }
  }

  private static void renameNumberTypes(Element e) {
    if (NUMBER_TYPES.contains(e.getAttribute("typeRef"))) {
      e.setAttribute("typeRef", "number");
    }
    for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c instanceof Element ce) {
        renameNumberTypes(ce);
      }
    }
  }

  private static List<Element> children(Element parent, String localName) {
    List<Element> out = new ArrayList<>();
    NodeList list = parent.getChildNodes();
    for (int i = 0; i < list.getLength(); i++) {
      if (list.item(i) instanceof Element e && localName.equals(e.getLocalName())) {
        out.add(e);
      }
    }
    return out;
  }

  private static DocumentBuilder secureBuilder() throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    f.setFeature("http://xml.org/sax/features/external-general-entities", false);
    f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    f.setXIncludeAware(false);
    f.setExpandEntityReferences(false);
    DocumentBuilder b = f.newDocumentBuilder();
    b.setErrorHandler(null);
    return b;
  }

  private static String serialize(Document doc) {
    try {
      TransformerFactory tf = TransformerFactory.newInstance();
      tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
      Transformer t = tf.newTransformer();
      t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
      StringWriter w = new StringWriter();
      t.transform(new DOMSource(doc), new StreamResult(w));
      return w.toString();
    } catch (Exception e) {
      throw new IllegalStateException("cannot write a DMN document read a moment ago", e);
    }
  }

  private static ProcessModel.InvalidModelException invalid(String resourceName, String what) {
    return new ProcessModel.InvalidModelException("'" + resourceName + "': " + what);
  }

  // ====================================================================== compile, evaluate

  private synchronized void compile() {
    if (runtime != null) {
      return;
    }
    Resource res = ResourceFactory.newByteArrayResource(kieXml.getBytes(StandardCharsets.UTF_8));
    res.setSourcePath(resourceName.toLowerCase(java.util.Locale.ROOT).endsWith(".dmn")
        ? resourceName : resourceName + ".dmn");
    DMNRuntime rt;
    try {
      rt = DMNRuntimeBuilder.fromDefaults().buildConfiguration().fromResources(List.of(res))
          .getOrElseThrow(e -> new IllegalArgumentException(e.getMessage(), e));
    } catch (RuntimeException e) {
      throw invalid(resourceName, "the DMN engine cannot read it: " + e.getMessage());
    }
    if (rt.getModels().size() != 1) {
      throw invalid(resourceName, "the DMN engine found " + rt.getModels().size()
          + " models in it, expected one");
    }
    DMNModel m = rt.getModels().get(0);
    List<String> problems = new ArrayList<>();
    for (DMNMessage msg : m.getMessages(DMNMessage.Severity.ERROR)) {
      if (msg.getFeelEvent() instanceof UnknownVariableErrorEvent) {
        continue; // a process variable, bound at evaluation (see the class comment)
      }
      String text = msg.getText().replaceFirst("^DMN: ", "").strip();
      problems.add(text + (msg.getSourceId() == null || text.contains("DMN id:") ? ""
          : " (element '" + msg.getSourceId() + "')"));
    }
    if (!problems.isEmpty()) {
      throw invalid(resourceName, String.join("; ", problems));
    }
    rt.addListener(new DMNRuntimeEventListener() {
      @Override
      public void afterEvaluateDecisionTable(AfterEvaluateDecisionTableEvent event) {
        List<MatchedRule> rules = new ArrayList<>();
        List<Integer> indexes = event.getSelected();
        List<String> ruleIds = event.getSelectedIds();
        for (int i = 0; i < indexes.size(); i++) {
          rules.add(new MatchedRule(i < ruleIds.size() ? ruleIds.get(i) : "",
              indexes.get(i)));
        }
        matches.put(event.getNodeName(), rules);
      }

      @Override
      public void afterEvaluateDecision(AfterEvaluateDecisionEvent event) {
        if (collecting == null) {
          return;
        }
        DecisionNode node = event.getDecision();
        DMNDecisionResult r = event.getResult().getDecisionResultById(node.getId());
        Object out = r == null ? null : toJsonValue(r.getResult());
        String type = node.getDecision().getExpression() instanceof DecisionTable
            ? "DECISION_TABLE"
            : node.getDecision().getExpression() instanceof LiteralExpression
                ? "LITERAL_EXPRESSION" : "UNSPECIFIED";
        collecting.add(new EvaluatedDecision(node.getId(), type, out,
            matches.getOrDefault(node.getName(), List.of())));
      }
    });
    runtime = rt;
    model = m;
  }

  /** Evaluates a decision of this graph on these variables. */
  synchronized Result evaluate(String decisionId, Map<String, Object> variables) {
    compile();
    DMNContext ctx = runtime.newContext();
    for (Map.Entry<String, Object> e : variables.entrySet()) {
      ctx.set(e.getKey(), toFeelValue(e.getValue()));
    }
    collecting = new ArrayList<>();
    matches.clear();
    DMNResult result;
    List<EvaluatedDecision> evaluated;
    try {
      result = runtime.evaluateDecisionById(model, decisionId, ctx);
      evaluated = List.copyOf(collecting);
    } finally {
      collecting = null;
    }
    DMNDecisionResult own = result.getDecisionResultById(decisionId);
    if (own == null || own.getEvaluationStatus() != DMNDecisionResult.DecisionEvaluationStatus
        .SUCCEEDED) {
      String failed = decisionId;
      for (DMNDecisionResult r : result.getDecisionResults()) {
        if (r.getEvaluationStatus() == DMNDecisionResult.DecisionEvaluationStatus.FAILED) {
          failed = r.getDecisionId();
          break;
        }
      }
      List<String> why = new ArrayList<>();
      for (DMNMessage m : result.getMessages(DMNMessage.Severity.ERROR)) {
        why.add(m.getText().replaceFirst("^DMN: ", ""));
      }
      return new Result(null, evaluated, failed, "Expected to evaluate decision '" + decisionId
          + "', but " + (why.isEmpty() ? "it failed" : String.join("; ", why)));
    }
    return new Result(toJsonValue(own.getResult()), evaluated, null, null);
  }

  /** JSON numbers become FEEL numbers (BigDecimal); maps and lists element by element. */
  private static Object toFeelValue(Object v) {
    if (v instanceof BigDecimal) {
      return v;
    }
    if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      return BigDecimal.valueOf(((Number) v).longValue());
    }
    if (v instanceof BigInteger b) {
      return new BigDecimal(b);
    }
    if (v instanceof Number n) {
      return new BigDecimal(n.toString());
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, x) -> out.put(String.valueOf(k), toFeelValue(x)));
      return out;
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      l.forEach(x -> out.add(toFeelValue(x)));
      return out;
    }
    return v;
  }

  /**
   * A FEEL value as JSON: whole numbers as integers (Zeebe's outputs show 5, not 5.0), dates,
   * times and durations as ISO-8601 text.
   */
  static Object toJsonValue(Object v) {
    if (v == null || v instanceof String || v instanceof Boolean) {
      return v;
    }
    if (v instanceof BigDecimal d) {
      BigDecimal s = d.stripTrailingZeros();
      if (s.scale() <= 0 && s.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0
          && s.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) >= 0) {
        return s.longValueExact();
      }
      return d;
    }
    if (v instanceof Number) {
      return v;
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, x) -> out.put(String.valueOf(k), toJsonValue(x)));
      return out;
    }
    if (v instanceof Iterable<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(x -> out.add(toJsonValue(x)));
      return out;
    }
    if (v instanceof TemporalAccessor || v instanceof TemporalAmount) {
      return v.toString();
    }
    return String.valueOf(v);
  }
}
