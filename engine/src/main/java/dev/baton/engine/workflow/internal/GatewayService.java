package dev.baton.engine.workflow.internal;

import com.google.protobuf.ByteString;
import dev.baton.engine.workflow.internal.ProcessModel.Node;
import dev.baton.engine.workflow.internal.State.Definition;
import dev.baton.engine.workflow.internal.State.ElementInstance;
import dev.baton.engine.workflow.internal.State.Incident;
import dev.baton.engine.workflow.internal.State.Job;
import dev.baton.engine.workflow.internal.State.JobState;
import dev.baton.engine.workflow.internal.State.Message;
import io.camunda.zeebe.gateway.protocol.GatewayGrpc;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.*;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The Zeebe gateway RPCs. Requests are checked here as far as they can be without state, then
 * applied on the engine thread; responses go out after the batch is committed.
 */
final class GatewayService extends GatewayGrpc.GatewayImplBase {
  static final String TENANT = "<default>";
  static final String VERSION = "8.8.14";

  private final Runtime rt;
  private final String host;
  private volatile int port;
  private final long defaultLongPollMs;

  // engine thread only
  private final Map<String, Deque<Poll>> polls = new HashMap<>();
  private final Map<String, List<JobStream>> streams = new HashMap<>();
  private final Map<String, Integer> streamCursor = new HashMap<>();
  private final Map<Long, ResultWaiter> waiters = new HashMap<>();

  private record Poll(ActivateJobsRequest request, StreamObserver<ActivateJobsResponse> observer,
      long deadline) {}

  private record JobStream(StreamActivatedJobsRequest request,
      ServerCallStreamObserver<ActivatedJob> observer) {}

  private record ResultWaiter(CreateProcessInstanceWithResultRequest request,
      StreamObserver<CreateProcessInstanceWithResultResponse> observer, long deadline,
      Definition definition) {}

  GatewayService(Runtime rt, String host, long defaultLongPollMs) {
    this.rt = rt;
    this.host = host;
    this.defaultLongPollMs = defaultLongPollMs;
    rt.dispatcher = this::dispatch;
    rt.tick = this::expire;
    rt.completionListener = this::completed;
  }

  void port(int port) {
    this.port = port;
  }

  private static StatusRuntimeException error(Status status, String message) {
    return status.withDescription(message).asRuntimeException();
  }

  private static <T> Consumer<Throwable> failer(StreamObserver<T> o) {
    return t -> {
      try {
        o.onError(t instanceof StatusRuntimeException ? t
            : Status.INTERNAL.withDescription(String.valueOf(t)).asRuntimeException());
      } catch (RuntimeException ignored) {
        // the caller went away
      }
    };
  }

  private <T> void reply(StreamObserver<T> o, T response) {
    rt.afterCommit(() -> {
      o.onNext(response);
      o.onCompleted();
    });
  }

  /** Runs a command; anything thrown before it is queued is answered at once. */
  private <T> void command(StreamObserver<T> o, Runnable work) {
    rt.submit(work, failer(o));
  }

  // ====================================================================== topology, deploy

  @Override
  public void topology(TopologyRequest request, StreamObserver<TopologyResponse> o) {
    o.onNext(TopologyResponse.newBuilder().setClusterSize(1).setPartitionsCount(1)
        .setReplicationFactor(1).setGatewayVersion(VERSION)
        .addBrokers(BrokerInfo.newBuilder().setNodeId(0).setHost(host).setPort(port)
            .setVersion(VERSION).addPartitions(Partition.newBuilder().setPartitionId(1)
                .setRole(Partition.PartitionBrokerRole.LEADER)
                .setHealth(Partition.PartitionBrokerHealth.HEALTHY)))
        .build());
    o.onCompleted();
  }

  @Override
  public void deployResource(DeployResourceRequest request,
      StreamObserver<DeployResourceResponse> o) {
    List<Object[]> parsed = new ArrayList<>();
    try {
      if (request.getResourcesCount() == 0) {
        throw error(Status.INVALID_ARGUMENT, "Expected to deploy at least one resource, but none"
            + " given");
      }
      for (Resource r : request.getResourcesList()) {
        String name = r.getName();
        String lower = name.toLowerCase(Locale.ROOT);
        if (!lower.endsWith(".bpmn") && !lower.endsWith(".xml")) {
          throw error(Status.INVALID_ARGUMENT, "Expected to deploy a BPMN resource (.bpmn or"
              + " .xml), but '" + name + "' is not one: Baton's embedded engine deploys BPMN"
              + " processes only (no DMN decisions or forms)");
        }
        byte[] xml = r.getContent().toByteArray();
        for (ProcessModel m : ProcessModel.parse(name, xml)) {
          parsed.add(new Object[] {name, new String(xml, StandardCharsets.UTF_8), m});
        }
      }
    } catch (ProcessModel.InvalidModelException e) {
      o.onError(error(Status.INVALID_ARGUMENT, "Expected to deploy new resources, but "
          + e.getMessage()));
      return;
    } catch (StatusRuntimeException e) {
      o.onError(e);
      return;
    }
    command(o, () -> {
      long deploymentKey = rt.newKey();
      DeployResourceResponse.Builder b = DeployResourceResponse.newBuilder()
          .setKey(deploymentKey).setTenantId(TENANT);
      for (Object[] p : parsed) {
        ProcessModel m = (ProcessModel) p[2];
        Definition previous = rt.latest(m.processId);
        Definition d;
        if (previous != null && previous.xml.equals(p[1])) {
          d = previous; // the same content again: Zeebe keeps the version
        } else {
          d = new Definition();
          d.key = rt.newKey();
          d.bpmnProcessId = m.processId;
          d.version = previous == null ? 1 : previous.version + 1;
          d.resourceName = (String) p[0];
          d.xml = (String) p[1];
          d.deploymentKey = deploymentKey;
          d.deployedAt = rt.now();
          d.model = m;
          rt.addDefinition(d);
          rt.openStartEvents(d, previous);
        }
        b.addDeployments(Deployment.newBuilder().setProcess(ProcessMetadata.newBuilder()
            .setBpmnProcessId(d.bpmnProcessId).setVersion(d.version)
            .setProcessDefinitionKey(d.key).setResourceName(d.resourceName).setTenantId(TENANT)));
      }
      reply(o, b.build());
    });
  }

  // ====================================================================== process instances

  private Definition findDefinition(CreateProcessInstanceRequest r) {
    Definition d;
    if (r.getProcessDefinitionKey() > 0) {
      d = rt.definitions.get(r.getProcessDefinitionKey());
      if (d == null) {
        throw error(Status.NOT_FOUND, "Expected to find process definition with key '"
            + r.getProcessDefinitionKey() + "', but none found");
      }
    } else if (r.getVersion() > 0) {
      var v = rt.versions.get(r.getBpmnProcessId());
      d = v == null ? null : v.get(r.getVersion());
      if (d == null) {
        throw error(Status.NOT_FOUND, "Expected to find process definition with process ID '"
            + r.getBpmnProcessId() + "' and version '" + r.getVersion() + "', but none found");
      }
    } else {
      d = rt.latest(r.getBpmnProcessId());
      if (d == null) {
        throw error(Status.NOT_FOUND, "Expected to find process definition with process ID '"
            + r.getBpmnProcessId() + "', but none found");
      }
    }
    if (d.model.root().noneStart == null) {
      throw error(Status.INVALID_ARGUMENT, "Expected to create instance of process with none"
          + " start event, but there is no such event in process '" + d.bpmnProcessId + "'");
    }
    if (r.getStartInstructionsCount() > 0 || r.getRuntimeInstructionsCount() > 0) {
      throw error(Status.UNIMPLEMENTED, "CreateProcessInstance with start or runtime"
          + " instructions is not supported by Baton's embedded engine");
    }
    return d;
  }

  @Override
  public void createProcessInstance(CreateProcessInstanceRequest request,
      StreamObserver<CreateProcessInstanceResponse> o) {
    Map<String, Object> vars;
    try {
      vars = Json.variables("variables", request.getVariables());
    } catch (StatusRuntimeException e) {
      o.onError(e);
      return;
    }
    command(o, () -> {
      Definition d = findDefinition(request);
      ElementInstance root = rt.createProcessInstance(d, vars, d.model.root().noneStart, 0);
      reply(o, CreateProcessInstanceResponse.newBuilder().setProcessDefinitionKey(d.key)
          .setBpmnProcessId(d.bpmnProcessId).setVersion(d.version)
          .setProcessInstanceKey(root.key).setTenantId(TENANT).build());
    });
  }

  @Override
  public void createProcessInstanceWithResult(CreateProcessInstanceWithResultRequest request,
      StreamObserver<CreateProcessInstanceWithResultResponse> o) {
    Map<String, Object> vars;
    try {
      vars = Json.variables("variables", request.getRequest().getVariables());
    } catch (StatusRuntimeException e) {
      o.onError(e);
      return;
    }
    command(o, () -> {
      Definition d = findDefinition(request.getRequest());
      long timeout = request.getRequestTimeout() > 0 ? request.getRequestTimeout()
          : defaultLongPollMs;
      rt.createProcessInstance(d, vars, d.model.root().noneStart, 0, root -> waiters.put(
          root.key, new ResultWaiter(request, o, rt.now() + timeout, d)));
    });
  }

  private void completed(long key, Map<String, Object> variables) {
    ResultWaiter w = waiters.remove(key);
    if (w == null) {
      return;
    }
    Map<String, Object> out = variables;
    if (w.request().getFetchVariablesCount() > 0) {
      out = new LinkedHashMap<>();
      for (String name : w.request().getFetchVariablesList()) {
        if (variables.containsKey(name)) {
          out.put(name, variables.get(name));
        }
      }
    }
    Definition d = w.definition();
    CreateProcessInstanceWithResultResponse.Builder b = CreateProcessInstanceWithResultResponse
        .newBuilder().setProcessInstanceKey(key).setVariables(Json.write(out)).setTenantId(TENANT)
        .setBpmnProcessId(d.bpmnProcessId).setVersion(d.version).setProcessDefinitionKey(d.key);
    reply(w.observer(), b.build());
  }

  @Override
  public void cancelProcessInstance(CancelProcessInstanceRequest request,
      StreamObserver<CancelProcessInstanceResponse> o) {
    command(o, () -> {
      long key = request.getProcessInstanceKey();
      ElementInstance root = rt.elements.get(key);
      if (root == null || root.parentKey != 0) {
        throw error(Status.NOT_FOUND, "Command 'CANCEL' rejected with code 'NOT_FOUND': Expected"
            + " to cancel a process instance with key '" + key + "', but no such process was"
            + " found");
      }
      if (root.callerElementInstanceKey != 0) {
        ElementInstance caller = rt.elements.get(root.callerElementInstanceKey);
        throw error(Status.FAILED_PRECONDITION, "Command 'CANCEL' rejected with code"
            + " 'INVALID_STATE': Expected to cancel a process instance with key '" + key + "',"
            + " but it is created by a parent process instance. Cancel the root process instance"
            + " '" + (caller == null ? "?" : caller.processInstanceKey) + "' instead.");
      }
      rt.terminate(root);
      ResultWaiter w = waiters.remove(key);
      if (w != null) {
        rt.afterCommit(() -> w.observer().onError(error(Status.ABORTED, "The process instance"
            + " '" + key + "' was cancelled")));
      }
      reply(o, CancelProcessInstanceResponse.getDefaultInstance());
    });
  }

  @Override
  public void setVariables(SetVariablesRequest request, StreamObserver<SetVariablesResponse> o) {
    Map<String, Object> vars;
    try {
      vars = Json.variables("variables", request.getVariables());
    } catch (StatusRuntimeException e) {
      o.onError(e);
      return;
    }
    command(o, () -> {
      ElementInstance ei = rt.elements.get(request.getElementInstanceKey());
      if (ei == null) {
        throw error(Status.NOT_FOUND, "Command 'UPDATE' rejected with code 'NOT_FOUND': Expected"
            + " to update variables for element with key '" + request.getElementInstanceKey()
            + "', but no such element was found");
      }
      vars.forEach((k, v) -> {
        if (request.getLocal()) {
          rt.setLocal(ei, k, v);
        } else {
          rt.propagate(ei, k, v);
        }
      });
      reply(o, SetVariablesResponse.newBuilder().setKey(rt.newKey()).build());
    });
  }

  // ====================================================================== jobs

  private Job job(long key, String verb) {
    Job j = rt.jobs.get(key);
    if (j == null) {
      throw error(Status.NOT_FOUND, "Command '" + verb.toUpperCase(Locale.ROOT) + "' rejected"
          + " with code 'NOT_FOUND': Expected to " + verb.toLowerCase(Locale.ROOT).replace('_',
              ' ') + " job with key '" + key + "', but no such job was found");
    }
    return j;
  }

  private static void requireState(Job j, String verb, JobState... states) {
    for (JobState s : states) {
      if (s == j.state) {
        return;
      }
    }
    String state = j.state.name();
    throw error(Status.FAILED_PRECONDITION, "Command '" + verb.toUpperCase(Locale.ROOT)
        + "' rejected with code 'INVALID_STATE': Expected to " + verb.toLowerCase(Locale.ROOT)
        + " job with key '" + j.key + "', but it is in state '" + state + "'");
  }

  @Override
  public void completeJob(CompleteJobRequest request, StreamObserver<CompleteJobResponse> o) {
    Map<String, Object> vars;
    try {
      vars = Json.variables("variables", request.getVariables());
    } catch (StatusRuntimeException e) {
      o.onError(e);
      return;
    }
    command(o, () -> {
      Job j = job(request.getJobKey(), "complete");
      requireState(j, "complete", JobState.ACTIVATED, JobState.ACTIVATABLE);
      rt.completeJob(j, vars);
      reply(o, CompleteJobResponse.getDefaultInstance());
    });
  }

  @Override
  public void failJob(FailJobRequest request, StreamObserver<FailJobResponse> o) {
    Map<String, Object> vars;
    try {
      vars = Json.variables("variables", request.getVariables());
    } catch (StatusRuntimeException e) {
      o.onError(e);
      return;
    }
    command(o, () -> {
      Job j = job(request.getJobKey(), "fail");
      requireState(j, "fail", JobState.ACTIVATED);
      ElementInstance ei = rt.elements.get(j.elementInstanceKey);
      vars.forEach((k, v) -> rt.setLocal(ei, k, v));
      rt.failJob(j, request.getRetries(), request.getErrorMessage(), request.getRetryBackOff());
      reply(o, FailJobResponse.getDefaultInstance());
    });
  }

  @Override
  public void throwError(ThrowErrorRequest request, StreamObserver<ThrowErrorResponse> o) {
    Map<String, Object> vars;
    try {
      vars = Json.variables("variables", request.getVariables());
      if (request.getErrorCode().isBlank()) {
        throw error(Status.INVALID_ARGUMENT, "Expected to throw an error with a non-empty"
            + " errorCode, but it was empty");
      }
    } catch (StatusRuntimeException e) {
      o.onError(e);
      return;
    }
    command(o, () -> {
      Job j = job(request.getJobKey(), "throw an error for");
      requireState(j, "throw an error for", JobState.ACTIVATED,
          JobState.ACTIVATABLE);
      ElementInstance ei = rt.elements.get(j.elementInstanceKey);
      // decide first whether anything catches it, so that an uncaught error changes only the job
      if (!catches(ei, request.getErrorCode())) {
        rt.unhandledJobError(j, request.getErrorCode(), request.getErrorMessage());
      } else {
        rt.removeJob(j);
        ei.jobKey = 0;
        rt.throwError(ei, request.getErrorCode(), request.getErrorMessage(), vars);
      }
      reply(o, ThrowErrorResponse.getDefaultInstance());
    });
  }

  private boolean catches(ElementInstance from, String code) {
    ElementInstance cur = from;
    while (cur != null) {
      Node n = rt.node(cur);
      if (cur.mi != State.Role.INNER) {
        ProcessModel model = rt.definitions.get(cur.processDefinitionKey).model;
        for (String b : n.boundaries) {
          Node bn = model.node(b);
          if (bn.trigger == ProcessModel.Trigger.ERROR
              && (bn.errorCode == null || bn.errorCode.equals(code))) {
            return true;
          }
        }
      }
      cur = n.kind == ProcessModel.Kind.PROCESS ? (cur.callerElementInstanceKey == 0 ? null
          : rt.elements.get(cur.callerElementInstanceKey)) : rt.parent(cur);
    }
    return false;
  }

  @Override
  public void updateJobRetries(UpdateJobRetriesRequest request,
      StreamObserver<UpdateJobRetriesResponse> o) {
    if (request.getRetries() < 1) {
      o.onError(error(Status.INVALID_ARGUMENT, "Expected to update job retries with a positive"
          + " amount of retries, but the amount given was '" + request.getRetries() + "'"));
      return;
    }
    command(o, () -> {
      Job j = job(request.getJobKey(), "update retries of");
      j.retries = request.getRetries();
      rt.save(j);
      reply(o, UpdateJobRetriesResponse.getDefaultInstance());
    });
  }

  @Override
  public void updateJobTimeout(UpdateJobTimeoutRequest request,
      StreamObserver<UpdateJobTimeoutResponse> o) {
    command(o, () -> {
      Job j = job(request.getJobKey(), "update the timeout of");
      requireState(j, "update the timeout of", JobState.ACTIVATED);
      rt.activateJob(j, j.worker, request.getTimeout());
      reply(o, UpdateJobTimeoutResponse.getDefaultInstance());
    });
  }

  @Override
  public void activateJobs(ActivateJobsRequest request,
      StreamObserver<ActivateJobsResponse> o) {
    if (request.getType().isBlank() || request.getMaxJobsToActivate() < 1) {
      o.onError(error(Status.INVALID_ARGUMENT, request.getType().isBlank()
          ? "Expected to activate jobs of a non-empty type, but the type was empty"
          : "Expected to activate at least one job, but maxJobsToActivate was "
              + request.getMaxJobsToActivate()));
      return;
    }
    command(o, () -> {
      Set<Long> ready = rt.activatable.get(request.getType());
      if (ready != null && !ready.isEmpty()) {
        reply(o, ActivateJobsResponse.newBuilder().addAllJobs(take(ready,
            request.getMaxJobsToActivate(), request.getWorker(), request.getTimeout(),
            request.getFetchVariableList())).build());
        return;
      }
      if (request.getRequestTimeout() < 0) {
        reply(o, ActivateJobsResponse.getDefaultInstance());
        return;
      }
      long timeout = request.getRequestTimeout() > 0 ? request.getRequestTimeout()
          : defaultLongPollMs;
      polls.computeIfAbsent(request.getType(), t -> new ArrayDeque<>())
          .add(new Poll(request, o, rt.now() + timeout));
    });
  }

  @Override
  public void streamActivatedJobs(StreamActivatedJobsRequest request,
      StreamObserver<ActivatedJob> o) {
    ServerCallStreamObserver<ActivatedJob> so = (ServerCallStreamObserver<ActivatedJob>) o;
    JobStream stream = new JobStream(request, so);
    so.setOnCancelHandler(() -> rt.submit(() -> {
      List<JobStream> list = streams.get(request.getType());
      if (list != null) {
        list.remove(stream);
      }
    }, t -> { }));
    command(o, () -> {
      streams.computeIfAbsent(request.getType(), t -> new ArrayList<>()).add(stream);
      rt.typesToDispatch.add(request.getType());
    });
  }

  private List<ActivatedJob> take(Set<Long> ready, int max, String worker, long timeout,
      List<String> fetch) {
    List<ActivatedJob> out = new ArrayList<>();
    for (Iterator<Long> it = ready.iterator(); it.hasNext() && out.size() < max; ) {
      Job j = rt.jobs.get(it.next());
      it.remove();
      if (j != null) {
        out.add(activate(j, worker, timeout, fetch));
      }
    }
    return out;
  }

  private ActivatedJob activate(Job j, String worker, long timeout, List<String> fetch) {
    rt.activateJob(j, worker, timeout);
    ElementInstance ei = rt.elements.get(j.elementInstanceKey);
    Map<String, Object> vars = rt.visible(ei);
    if (!fetch.isEmpty()) {
      Map<String, Object> f = new LinkedHashMap<>();
      for (String name : fetch) {
        if (vars.containsKey(name)) {
          f.put(name, vars.get(name));
        }
      }
      vars = f;
    }
    return ActivatedJob.newBuilder().setKey(j.key).setType(j.type)
        .setProcessInstanceKey(j.processInstanceKey).setBpmnProcessId(j.bpmnProcessId)
        .setProcessDefinitionVersion(j.version).setProcessDefinitionKey(j.processDefinitionKey)
        .setElementId(j.elementId).setElementInstanceKey(j.elementInstanceKey)
        .setCustomHeaders(Json.write(j.headers)).setWorker(worker).setRetries(j.retries)
        .setDeadline(j.deadline).setVariables(Json.write(vars)).setTenantId(TENANT)
        .setKind(ActivatedJob.JobKind.BPMN_ELEMENT)
        .setListenerEventType(ActivatedJob.ListenerEventType.UNSPECIFIED).build();
  }

  /** Hands activatable jobs of a type to waiting polls, then to streams. */
  private void dispatch(String type) {
    Set<Long> ready = rt.activatable.get(type);
    Deque<Poll> waiting = polls.get(type);
    while (ready != null && !ready.isEmpty() && waiting != null && !waiting.isEmpty()) {
      Poll p = waiting.poll();
      if (p.observer() instanceof ServerCallStreamObserver<?> s && s.isCancelled()) {
        continue;
      }
      ActivateJobsRequest r = p.request();
      reply(p.observer(), ActivateJobsResponse.newBuilder().addAllJobs(take(ready,
          r.getMaxJobsToActivate(), r.getWorker(), r.getTimeout(), r.getFetchVariableList()))
          .build());
    }
    List<JobStream> list = streams.get(type);
    while (ready != null && !ready.isEmpty() && list != null && !list.isEmpty()) {
      int cursor = streamCursor.getOrDefault(type, 0) % list.size();
      streamCursor.put(type, cursor + 1);
      JobStream s = list.get(cursor);
      if (s.observer().isCancelled()) {
        list.remove(cursor);
        continue;
      }
      Long key = ready.iterator().next();
      ready.remove(key);
      Job j = rt.jobs.get(key);
      if (j == null) {
        continue;
      }
      StreamActivatedJobsRequest r = s.request();
      ActivatedJob aj = activate(j, r.getWorker(), r.getTimeout(), r.getFetchVariableList());
      long deadline = j.deadline;
      rt.afterCommit(() -> {
        try {
          s.observer().onNext(aj);
        } catch (RuntimeException e) {
          // the stream is gone: give the job back at once instead of waiting for its timeout
          rt.submit(() -> {
            Job again = rt.jobs.get(aj.getKey());
            if (again != null && again.state == JobState.ACTIVATED && again.deadline == deadline) {
              rt.makeActivatable(again);
            }
          }, t -> { });
        }
      });
    }
  }

  private void expire(long now) {
    for (Deque<Poll> q : polls.values()) {
      for (Iterator<Poll> it = q.iterator(); it.hasNext(); ) {
        Poll p = it.next();
        boolean cancelled = p.observer() instanceof ServerCallStreamObserver<?> s
            && s.isCancelled();
        if (cancelled) {
          it.remove();
        } else if (p.deadline() <= now) {
          it.remove();
          try {
            p.observer().onNext(ActivateJobsResponse.getDefaultInstance());
            p.observer().onCompleted();
          } catch (RuntimeException ignored) {
            // the caller went away
          }
        }
      }
    }
    for (Iterator<Map.Entry<Long, ResultWaiter>> it = waiters.entrySet().iterator();
        it.hasNext(); ) {
      ResultWaiter w = it.next().getValue();
      if (w.deadline() <= now) {
        it.remove();
        failer(w.observer()).accept(error(Status.DEADLINE_EXCEEDED, "Expected to complete the"
            + " process instance within the request timeout, but it did not; the instance goes"
            + " on"));
      }
    }
  }

  // ====================================================================== messages, signals, incidents

  @Override
  public void publishMessage(PublishMessageRequest request,
      StreamObserver<PublishMessageResponse> o) {
    Map<String, Object> vars;
    try {
      vars = Json.variables("variables", request.getVariables());
      if (request.getName().isBlank()) {
        throw error(Status.INVALID_ARGUMENT, "Expected to publish a message with a non-empty"
            + " name, but it was empty");
      }
    } catch (StatusRuntimeException e) {
      o.onError(e);
      return;
    }
    command(o, () -> {
      String id = request.getMessageId();
      if (!id.isEmpty() && rt.messageIds.containsKey(new State.MessageId(new State.MessageKey(
          request.getName(), request.getCorrelationKey()), id))) {
        throw error(Status.ALREADY_EXISTS, "Command 'PUBLISH' rejected with code"
            + " 'ALREADY_EXISTS': Expected to publish a new message with id '" + id + "', but a"
            + " message with that id was already published");
      }
      Message m = new Message();
      m.key = rt.newKey();
      m.name = request.getName();
      m.correlationKey = request.getCorrelationKey();
      m.messageId = id;
      m.variables = vars;
      m.expiresAt = rt.now() + Math.max(0, request.getTimeToLive());
      rt.correlate(m);
      if (request.getTimeToLive() > 0) {
        rt.indexMessage(m);
        rt.save(m);
      }
      reply(o, PublishMessageResponse.newBuilder().setKey(m.key).setTenantId(TENANT).build());
    });
  }

  @Override
  public void broadcastSignal(BroadcastSignalRequest request,
      StreamObserver<BroadcastSignalResponse> o) {
    Map<String, Object> vars;
    try {
      vars = Json.variables("variables", request.getVariables());
      if (request.getSignalName().isBlank()) {
        throw error(Status.INVALID_ARGUMENT, "Expected to broadcast a signal with a non-empty"
            + " name, but it was empty");
      }
    } catch (StatusRuntimeException e) {
      o.onError(e);
      return;
    }
    command(o, () -> {
      rt.broadcastSignal(request.getSignalName(), vars);
      reply(o, BroadcastSignalResponse.newBuilder().setKey(rt.newKey()).setTenantId(TENANT)
          .build());
    });
  }

  @Override
  public void resolveIncident(ResolveIncidentRequest request,
      StreamObserver<ResolveIncidentResponse> o) {
    command(o, () -> {
      Incident i = rt.incidents.get(request.getIncidentKey());
      if (i == null) {
        throw error(Status.NOT_FOUND, "Command 'RESOLVE' rejected with code 'NOT_FOUND':"
            + " Expected to resolve incident with key '" + request.getIncidentKey() + "', but no"
            + " such incident was found");
      }
      if (i.errorType == State.IncidentType.JOB_NO_RETRIES) {
        Job j = rt.jobs.get(i.jobKey);
        if (j != null && j.retries <= 0) {
          throw error(Status.FAILED_PRECONDITION, "Command 'RESOLVE' rejected with code"
              + " 'INVALID_STATE': Expected to resolve incident with key '" + i.key + "', but"
              + " job with key '" + j.key + "' has no retries left; update its retries first"
              + " (UpdateJobRetries)");
        }
      }
      rt.resolve(i);
      reply(o, ResolveIncidentResponse.getDefaultInstance());
    });
  }

  // ====================================================================== not supported

  private static void unsupported(StreamObserver<?> o, String rpc, String hint) {
    o.onError(error(Status.UNIMPLEMENTED, "The RPC '" + rpc + "' is not supported by Baton's"
        + " embedded workflow engine" + hint + "; see docs/workflow.md, or use a Camunda 8"
        + " cluster (cluster mode)"));
  }

  @Override
  public void evaluateDecision(EvaluateDecisionRequest request,
      StreamObserver<EvaluateDecisionResponse> o) {
    unsupported(o, "EvaluateDecision", " (no DMN)");
  }

  @Override
  public void deployProcess(DeployProcessRequest request,
      StreamObserver<DeployProcessResponse> o) {
    unsupported(o, "DeployProcess", " (deprecated: use DeployResource)");
  }

  @Override
  public void modifyProcessInstance(ModifyProcessInstanceRequest request,
      StreamObserver<ModifyProcessInstanceResponse> o) {
    unsupported(o, "ModifyProcessInstance", "");
  }

  @Override
  public void migrateProcessInstance(MigrateProcessInstanceRequest request,
      StreamObserver<MigrateProcessInstanceResponse> o) {
    unsupported(o, "MigrateProcessInstance", "");
  }

  @Override
  public void deleteResource(DeleteResourceRequest request,
      StreamObserver<DeleteResourceResponse> o) {
    unsupported(o, "DeleteResource", "");
  }
}
