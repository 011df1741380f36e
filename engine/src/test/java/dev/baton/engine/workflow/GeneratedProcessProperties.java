package dev.baton.engine.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random compositions of the supported constructs (service tasks in sequence, exclusive gateways
 * with conditions and maybe a default flow, parallel fork and join, embedded sub-processes,
 * parallel and sequential multi-instance service tasks) deploy and, with a generic worker that
 * completes every job, either complete or stop at the incidents Zeebe raises (an exclusive
 * gateway with no matching condition and no default flow: CONDITION_ERROR); and the worker
 * completes exactly as many jobs as the model implies.
 *
 * <p>Timers are left out: waiting for them would make the tries slow.
 */
class GeneratedProcessProperties {
  private static EngineFixture f;
  private static final AtomicInteger TRIES = new AtomicInteger();

  @BeforeContainer
  static void start() {
    f = new EngineFixture("h2");
  }

  @AfterContainer
  static void stop() {
    if (f != null) {
      f.close();
    }
  }

  /**
   * What running a block implies: jobs completed, and incidents it stops at (parallel branches
   * may each stop at one).
   */
  record Expect(int jobs, int incidents) {}

  /** A composable piece of process; x is the instance's variable the conditions test. */
  sealed interface Block permits Task, Seq, Xor, Par, Sub, Multi {
    Expect expect(int x);
  }

  record Task() implements Block {
    public Expect expect(int x) {
      return new Expect(1, 0);
    }
  }

  record Seq(List<Block> blocks) implements Block {
    public Expect expect(int x) {
      int jobs = 0;
      for (Block b : blocks) {
        Expect e = b.expect(x);
        jobs += e.jobs();
        if (e.incidents() > 0) {
          return new Expect(jobs, e.incidents());
        }
      }
      return new Expect(jobs, 0);
    }
  }

  /** Branch i is taken when x = i; the last branch is the default flow when withDefault. */
  record Xor(List<Block> branches, boolean withDefault) implements Block {
    public Expect expect(int x) {
      int conditional = withDefault ? branches.size() - 1 : branches.size();
      if (x < conditional) {
        return branches.get(x).expect(x);
      }
      return withDefault ? branches.get(branches.size() - 1).expect(x) : new Expect(0, 1);
    }
  }

  record Par(List<Block> branches) implements Block {
    public Expect expect(int x) {
      int jobs = 0;
      int incidents = 0;
      for (Block b : branches) {
        Expect e = b.expect(x);
        jobs += e.jobs();
        incidents += e.incidents();
      }
      return new Expect(jobs, incidents);
    }
  }

  record Sub(Block inner) implements Block {
    public Expect expect(int x) {
      return inner.expect(x);
    }
  }

  record Multi(int count, boolean sequential) implements Block {
    public Expect expect(int x) {
      return new Expect(count, 0);
    }
  }

  @Provide
  Arbitrary<Block> processes() {
    return block(3);
  }

  private Arbitrary<Block> block(int depth) {
    Arbitrary<Block> task = Arbitraries.just(new Task());
    Arbitrary<Block> multi = Combinators.combine(Arbitraries.integers().between(0, 3),
        Arbitraries.of(true, false)).as(Multi::new);
    if (depth == 0) {
      return Arbitraries.frequencyOf(
          net.jqwik.api.Tuple.of(3, task), net.jqwik.api.Tuple.of(1, multi));
    }
    Arbitrary<Block> inner = Arbitraries.lazy(() -> block(depth - 1));
    Arbitrary<Block> seq = inner.list().ofMinSize(1).ofMaxSize(3).map(Seq::new);
    Arbitrary<Block> xor = Combinators.combine(inner.list().ofMinSize(1).ofMaxSize(3),
        Arbitraries.of(true, false)).as(Xor::new);
    Arbitrary<Block> par = inner.list().ofMinSize(2).ofMaxSize(3).map(Par::new);
    Arbitrary<Block> sub = inner.map(Sub::new);
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(2, task),
        net.jqwik.api.Tuple.of(1, multi), net.jqwik.api.Tuple.of(2, seq),
        net.jqwik.api.Tuple.of(2, xor), net.jqwik.api.Tuple.of(2, par),
        net.jqwik.api.Tuple.of(1, sub));
  }

  @Property(tries = 30)
  void generatedProcessesCompleteOrRaiseTheIncidentZeebeWould(
      @ForAll("processes") Block model, @ForAll("xs") int x) {
    // given
    String id = "generated-" + TRIES.incrementAndGet();
    String xml = new XmlWriter(id).process(model);
    f.client.newDeployResourceCommand().addResourceBytes(xml.getBytes(StandardCharsets.UTF_8),
        id + ".bpmn").send().join();
    Expect expected = model.expect(x);
    int incidentsBefore = f.incidents().size();

    // when: a generic worker completes every job of the instance
    long pi = f.create(id, Map.of("x", x));
    int completed = 0;
    for (int idle = 0; idle < 2 && f.active(pi); ) {
      var jobs = f.client.newActivateJobsCommand().jobType(id).maxJobsToActivate(50)
          .timeout(Duration.ofMinutes(5)).requestTimeout(Duration.ofMillis(300)).send().join()
          .getJobs();
      for (var job : jobs) {
        f.client.newCompleteCommand(job).send().join();
        completed++;
      }
      idle = jobs.isEmpty() ? idle + 1 : 0;
    }

    // then
    assertThat(completed).as("jobs completed for %s with x = %d:%n%s", model, x, xml)
        .isEqualTo(expected.jobs());
    List<String> incidents = f.incidents();
    if (expected.incidents() > 0) {
      assertThat(f.active(pi)).as("stopped at an incident: %s", model).isTrue();
      assertThat(incidents).hasSize(incidentsBefore + expected.incidents());
      assertThat(incidents.subList(incidentsBefore, incidents.size()))
          .allSatisfy(i -> assertThat(i).contains("CONDITION_ERROR")
              .contains("\"processInstanceKey\":" + pi + ","));
      f.client.newCancelInstanceCommand(pi).send().join();
      f.awaitInactive(pi);
    } else {
      assertThat(incidents).as("no incident for %s with x = %d", model, x)
          .hasSize(incidentsBefore);
      f.awaitInactive(pi);
    }
  }

  @Provide
  Arbitrary<Integer> xs() {
    return Arbitraries.integers().between(0, 3);
  }

  /** Writes a block as BPMN XML; every service task has the process id as its job type. */
  private static final class XmlWriter {
    private final String processId;
    private final StringBuilder out = new StringBuilder();
    private int next;

    XmlWriter(String processId) {
      this.processId = processId;
    }

    private String newId(String prefix) {
      return prefix + "_" + (next++);
    }

    String process(Block model) {
      String[] ends = scope(model);
      return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          + "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
          + " xmlns:zeebe=\"http://camunda.org/schema/zeebe/1.0\""
          + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" id=\"defs\""
          + " targetNamespace=\"http://bpmn.io/schema/bpmn\">\n"
          + "<bpmn:process id=\"" + processId + "\" isExecutable=\"true\">\n" + ends[0]
          + "</bpmn:process>\n</bpmn:definitions>\n";
    }

    /** A start event, the block and an end event, as one scope's content. */
    private String[] scope(Block b) {
      StringBuilder saved = new StringBuilder(out);
      out.setLength(0);
      String start = newId("start");
      String end = newId("end");
      out.append("<bpmn:startEvent id=\"").append(start).append("\"/>\n");
      String[] io = write(b);
      flow(start, io[0], null);
      flow(io[1], end, null);
      out.append("<bpmn:endEvent id=\"").append(end).append("\"/>\n");
      String content = out.toString();
      out.setLength(0);
      out.append(saved);
      return new String[] {content};
    }

    private String flow(String from, String to, String condition) {
      String id = newId("flow");
      out.append("<bpmn:sequenceFlow id=\"").append(id).append("\" sourceRef=\"").append(from)
          .append("\" targetRef=\"").append(to).append("\"");
      if (condition == null) {
        out.append("/>\n");
      } else {
        out.append("><bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">")
            .append(condition).append("</bpmn:conditionExpression></bpmn:sequenceFlow>\n");
      }
      return id;
    }

    /** Writes a block; returns its entry and exit element ids. */
    private String[] write(Block b) {
      if (b instanceof Task) {
          String id = newId("task");
          serviceTask(id, "");
          return new String[] {id, id};
      } else if (b instanceof Multi m) {
          String id = newId("multi");
          StringBuilder items = new StringBuilder("=[");
          for (int i = 0; i < m.count(); i++) {
            items.append(i == 0 ? "" : ",").append(i);
          }
          items.append("]");
          serviceTask(id, "<bpmn:multiInstanceLoopCharacteristics isSequential=\""
              + m.sequential() + "\"><bpmn:extensionElements><zeebe:loopCharacteristics"
              + " inputCollection=\"" + items + "\" inputElement=\"item\"/>"
              + "</bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics>");
          return new String[] {id, id};
      } else if (b instanceof Seq s) {
          String first = null;
          String last = null;
          for (Block inner : s.blocks()) {
            String[] io = write(inner);
            if (first == null) {
              first = io[0];
            } else {
              flow(last, io[0], null);
            }
            last = io[1];
          }
          return new String[] {first, last};
      } else if (b instanceof Sub sub) {
          String id = newId("sub");
          String[] content = scope(sub.inner());
          out.append("<bpmn:subProcess id=\"").append(id).append("\">\n").append(content[0])
              .append("</bpmn:subProcess>\n");
          return new String[] {id, id};
      } else if (b instanceof Par p) {
          String fork = newId("fork");
          String join = newId("join");
          out.append("<bpmn:parallelGateway id=\"").append(fork).append("\"/>\n");
          out.append("<bpmn:parallelGateway id=\"").append(join).append("\"/>\n");
          for (Block inner : p.branches()) {
            String[] io = write(inner);
            flow(fork, io[0], null);
            flow(io[1], join, null);
          }
          return new String[] {fork, join};
      } else {
          Xor x = (Xor) b;
          String split = newId("split");
          String merge = newId("merge");
          int conditional = x.withDefault() ? x.branches().size() - 1 : x.branches().size();
          String defaultFlow = null;
          int at = out.length();
          for (int i = 0; i < x.branches().size(); i++) {
            String[] io = write(x.branches().get(i));
            String flow = flow(split, io[0], i < conditional ? "= x = " + i : null);
            if (i >= conditional) {
              defaultFlow = flow;
            }
            flow(io[1], merge, null);
          }
          out.insert(at, "<bpmn:exclusiveGateway id=\"" + split + "\""
              + (defaultFlow == null ? "" : " default=\"" + defaultFlow + "\"") + "/>\n");
          out.append("<bpmn:exclusiveGateway id=\"").append(merge).append("\"/>\n");
          return new String[] {split, merge};
      }
    }

    private void serviceTask(String id, String loop) {
      out.append("<bpmn:serviceTask id=\"").append(id).append("\"><bpmn:extensionElements>")
          .append("<zeebe:taskDefinition type=\"").append(processId).append("\"/>")
          .append("</bpmn:extensionElements>").append(loop).append("</bpmn:serviceTask>\n");
    }
  }
}
