package dev.baton.engine.workflow.internal.grpc;

import dev.baton.engine.workflow.internal.Commands;
import dev.baton.engine.workflow.internal.Json;
import dev.baton.engine.workflow.internal.JobActivation;
import dev.baton.engine.workflow.internal.Modification;
import dev.baton.engine.workflow.internal.Outcome;
import dev.baton.engine.workflow.internal.Refusal;
import dev.baton.engine.workflow.internal.WorkflowEngineCore;
import io.camunda.zeebe.gateway.protocol.GatewayGrpc;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.*;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The Zeebe gateway RPCs, translated to engine {@link Commands}: requests become commands,
 * results become responses, {@link Refusal}s become {@code io.grpc.Status}. What is gRPC's own
 * stays here: long-polling job activation, job streams and requests waiting for an instance's
 * result. Responses go out after the command's batch is committed.
 */
public final class GatewayService extends GatewayGrpc.GatewayImplBase {
  static final String TENANT = "<default>";
  static final String VERSION = "8.8.14";

  private final WorkflowEngineCore engine;
  private final Commands commands;
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
      Commands.CreatedInstance instance) {}

  /** Serves the engine; becomes its listener (job dispatch, instance results, time-outs). */
  public GatewayService(WorkflowEngineCore engine, String host, long defaultLongPollMs) {
    this.engine = engine;
    this.commands = engine.commands();
    this.host = host;
    this.defaultLongPollMs = defaultLongPollMs;
    engine.listener(new WorkflowEngineCore.Listener() {
      @Override
      public void jobsAvailable(String type) {
        dispatch(type);
      }

      @Override
      public void processCompleted(long key, Map<String, Object> variables) {
        completed(key, variables);
      }

      @Override
      public void tick(long now) {
        expire(now);
      }
    });
  }

  /** The port the server listens on, for the topology. */
  public void port(int port) {
    this.port = port;
  }

  // ====================================================================== translation helpers

  static StatusRuntimeException status(Refusal r) {
    return Status.fromCode(Status.Code.valueOf(r.kind().name())).withDescription(r.message())
        .asRuntimeException();
  }

  private static void fail(StreamObserver<?> o, Refusal r) {
    try {
      o.onError(status(r));
    } catch (RuntimeException ignored) {
      // the caller went away
    }
  }

  private <T> void reply(StreamObserver<T> o, T response) {
    engine.afterCommit(() -> {
      o.onNext(response);
      o.onCompleted();
    });
  }

  /** Runs a command on the engine thread and answers with its result after the commit. */
  private <R, T> void command(StreamObserver<T> o, Supplier<Outcome<R>> command,
      Function<R, T> response) {
    engine.submit(() -> {
      Outcome<R> out = command.get();
      if (out instanceof Outcome.Refused<R> r) {
        return r.refusal();
      }
      reply(o, response.apply(((Outcome.Accepted<R>) out).value()));
      return null;
    }, r -> fail(o, r));
  }

  /** The request's variables document, or null after answering with its refusal. */
  private static Map<String, Object> variables(StreamObserver<?> o, String document) {
    Outcome<Map<String, Object>> vars = Commands.parseVariables("variables", document);
    if (vars instanceof Outcome.Refused<Map<String, Object>> r) {
      fail(o, r.refusal());
      return null;
    }
    return ((Outcome.Accepted<Map<String, Object>>) vars).value();
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
    List<Commands.Resource> resources = new ArrayList<>();
    for (Resource r : request.getResourcesList()) {
      resources.add(new Commands.Resource(r.getName(), r.getContent().toByteArray()));
    }
    Outcome<Commands.ParsedResources> parsed = Commands.parse(resources);
    if (parsed instanceof Outcome.Refused<Commands.ParsedResources> r) {
      fail(o, r.refusal());
      return;
    }
    Commands.ParsedResources ready = ((Outcome.Accepted<Commands.ParsedResources>) parsed).value();
    command(o, () -> commands.deploy(ready), deployment -> {
      DeployResourceResponse.Builder b = DeployResourceResponse.newBuilder()
          .setKey(deployment.key()).setTenantId(TENANT);
      for (Commands.DeployedProcess p : deployment.processes()) {
        b.addDeployments(Deployment.newBuilder().setProcess(ProcessMetadata.newBuilder()
            .setBpmnProcessId(p.bpmnProcessId()).setVersion(p.version())
            .setProcessDefinitionKey(p.processDefinitionKey())
            .setResourceName(p.resourceName()).setTenantId(TENANT)));
      }
      for (Commands.DeployedDecisionRequirements g : deployment.decisionRequirements()) {
        b.addDeployments(Deployment.newBuilder().setDecisionRequirements(
            DecisionRequirementsMetadata.newBuilder()
                .setDmnDecisionRequirementsId(g.decisionRequirementsId())
                .setDmnDecisionRequirementsName(g.name()).setVersion(g.version())
                .setDecisionRequirementsKey(g.decisionRequirementsKey())
                .setResourceName(g.resourceName()).setTenantId(TENANT)));
      }
      for (Commands.DeployedDecision d : deployment.decisions()) {
        b.addDeployments(Deployment.newBuilder().setDecision(DecisionMetadata.newBuilder()
            .setDmnDecisionId(d.decisionId()).setDmnDecisionName(d.decisionName())
            .setVersion(d.version()).setDecisionKey(d.decisionKey())
            .setDmnDecisionRequirementsId(d.decisionRequirementsId())
            .setDecisionRequirementsKey(d.decisionRequirementsKey()).setTenantId(TENANT)));
      }
      return b.build();
    });
  }

  // ====================================================================== process instances

  private static Commands.ProcessRef ref(CreateProcessInstanceRequest r) {
    return new Commands.ProcessRef(r.getProcessDefinitionKey(), r.getBpmnProcessId(),
        r.getVersion());
  }

  private static List<String> startElements(CreateProcessInstanceRequest r) {
    List<String> out = new ArrayList<>();
    r.getStartInstructionsList().forEach(i -> out.add(i.getElementId()));
    return out;
  }

  private static boolean runtimeInstructions(CreateProcessInstanceRequest r) {
    return r.getRuntimeInstructionsCount() > 0;
  }

  @Override
  public void createProcessInstance(CreateProcessInstanceRequest request,
      StreamObserver<CreateProcessInstanceResponse> o) {
    Map<String, Object> vars = variables(o, request.getVariables());
    if (vars == null) {
      return;
    }
    command(o, () -> commands.createInstance(ref(request), vars, startElements(request),
        runtimeInstructions(request), i -> { }),
        i -> CreateProcessInstanceResponse.newBuilder()
            .setProcessDefinitionKey(i.processDefinitionKey()).setBpmnProcessId(i.bpmnProcessId())
            .setVersion(i.version()).setProcessInstanceKey(i.processInstanceKey())
            .setTenantId(TENANT).build());
  }

  @Override
  public void createProcessInstanceWithResult(CreateProcessInstanceWithResultRequest request,
      StreamObserver<CreateProcessInstanceWithResultResponse> o) {
    Map<String, Object> vars = variables(o, request.getRequest().getVariables());
    if (vars == null) {
      return;
    }
    engine.submit(() -> {
      long timeout = request.getRequestTimeout() > 0 ? request.getRequestTimeout()
          : defaultLongPollMs;
      Outcome<Commands.CreatedInstance> out = commands.createInstance(ref(request.getRequest()),
          vars, startElements(request.getRequest()), runtimeInstructions(request.getRequest()),
          i -> waiters.put(i.processInstanceKey(),
              new ResultWaiter(request, o, engine.now() + timeout, i)));
      return out instanceof Outcome.Refused<Commands.CreatedInstance> r ? r.refusal() : null;
    }, r -> fail(o, r));
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
    Commands.CreatedInstance i = w.instance();
    reply(w.observer(), CreateProcessInstanceWithResultResponse.newBuilder()
        .setProcessInstanceKey(key).setVariables(Json.write(out)).setTenantId(TENANT)
        .setBpmnProcessId(i.bpmnProcessId()).setVersion(i.version())
        .setProcessDefinitionKey(i.processDefinitionKey()).build());
  }

  @Override
  public void cancelProcessInstance(CancelProcessInstanceRequest request,
      StreamObserver<CancelProcessInstanceResponse> o) {
    command(o, () -> commands.cancelInstance(request.getProcessInstanceKey()), key -> {
      ResultWaiter w = waiters.remove(key);
      if (w != null) {
        engine.afterCommit(() -> fail(w.observer(), new Refusal(Refusal.Kind.ABORTED,
            "The process instance '" + key + "' was cancelled")));
      }
      return CancelProcessInstanceResponse.getDefaultInstance();
    });
  }

  @Override
  public void setVariables(SetVariablesRequest request, StreamObserver<SetVariablesResponse> o) {
    Map<String, Object> vars = variables(o, request.getVariables());
    if (vars == null) {
      return;
    }
    command(o, () -> commands.setVariables(request.getElementInstanceKey(), vars,
        request.getLocal()), key -> SetVariablesResponse.newBuilder().setKey(key).build());
  }

  @Override
  public void modifyProcessInstance(ModifyProcessInstanceRequest request,
      StreamObserver<ModifyProcessInstanceResponse> o) {
    List<Modification.Activate> activate = new ArrayList<>();
    for (ModifyProcessInstanceRequest.ActivateInstruction a
        : request.getActivateInstructionsList()) {
      List<Modification.Variables> vars = new ArrayList<>();
      for (ModifyProcessInstanceRequest.VariableInstruction v : a.getVariableInstructionsList()) {
        Map<String, Object> values = variables(o, v.getVariables());
        if (values == null) {
          return;
        }
        vars.add(new Modification.Variables(v.getScopeId(), values));
      }
      activate.add(new Modification.Activate(a.getElementId(), a.getAncestorElementInstanceKey(),
          vars));
    }
    List<Long> terminate = new ArrayList<>();
    request.getTerminateInstructionsList().forEach(t -> terminate.add(t.getElementInstanceKey()));
    Modification m = new Modification(request.getProcessInstanceKey(), activate, terminate);
    command(o, () -> commands.modifyInstance(m),
        k -> ModifyProcessInstanceResponse.getDefaultInstance());
  }

  @Override
  public void deleteResource(DeleteResourceRequest request,
      StreamObserver<DeleteResourceResponse> o) {
    command(o, () -> commands.deleteResource(request.getResourceKey()),
        k -> DeleteResourceResponse.getDefaultInstance());
  }

  // ====================================================================== jobs

  @Override
  public void completeJob(CompleteJobRequest request, StreamObserver<CompleteJobResponse> o) {
    Map<String, Object> vars = variables(o, request.getVariables());
    if (vars == null) {
      return;
    }
    Outcome<dev.baton.engine.workflow.internal.JobResult> result = JobResults.read(request);
    if (result instanceof Outcome.Refused<?> bad) {
      fail(o, bad.refusal());
      return;
    }
    var r = ((Outcome.Accepted<dev.baton.engine.workflow.internal.JobResult>) result).value();
    command(o, () -> commands.completeJob(request.getJobKey(), vars, r),
        k -> CompleteJobResponse.getDefaultInstance());
  }

  @Override
  public void failJob(FailJobRequest request, StreamObserver<FailJobResponse> o) {
    Map<String, Object> vars = variables(o, request.getVariables());
    if (vars == null) {
      return;
    }
    command(o, () -> commands.failJob(request.getJobKey(), request.getRetries(),
        request.getErrorMessage(), request.getRetryBackOff(), vars),
        k -> FailJobResponse.getDefaultInstance());
  }

  @Override
  public void throwError(ThrowErrorRequest request, StreamObserver<ThrowErrorResponse> o) {
    Map<String, Object> vars = variables(o, request.getVariables());
    if (vars == null) {
      return;
    }
    command(o, () -> commands.throwError(request.getJobKey(), request.getErrorCode(),
        request.getErrorMessage(), vars), k -> ThrowErrorResponse.getDefaultInstance());
  }

  @Override
  public void updateJobRetries(UpdateJobRetriesRequest request,
      StreamObserver<UpdateJobRetriesResponse> o) {
    command(o, () -> commands.updateJobRetries(request.getJobKey(), request.getRetries()),
        k -> UpdateJobRetriesResponse.getDefaultInstance());
  }

  @Override
  public void updateJobTimeout(UpdateJobTimeoutRequest request,
      StreamObserver<UpdateJobTimeoutResponse> o) {
    command(o, () -> commands.updateJobTimeout(request.getJobKey(), request.getTimeout()),
        k -> UpdateJobTimeoutResponse.getDefaultInstance());
  }

  @Override
  public void activateJobs(ActivateJobsRequest request,
      StreamObserver<ActivateJobsResponse> o) {
    engine.submit(() -> {
      Outcome<List<JobActivation>> out = activate(request);
      if (out instanceof Outcome.Refused<List<JobActivation>> r) {
        return r.refusal();
      }
      List<JobActivation> jobs = ((Outcome.Accepted<List<JobActivation>>) out).value();
      if (!jobs.isEmpty() || request.getRequestTimeout() < 0) {
        reply(o, response(jobs));
      } else {
        long timeout = request.getRequestTimeout() > 0 ? request.getRequestTimeout()
            : defaultLongPollMs;
        polls.computeIfAbsent(request.getType(), t -> new ArrayDeque<>())
            .add(new Poll(request, o, engine.now() + timeout));
      }
      return null;
    }, r -> fail(o, r));
  }

  private Outcome<List<JobActivation>> activate(ActivateJobsRequest r) {
    return commands.activateJobs(r.getType(), r.getMaxJobsToActivate(), r.getWorker(),
        r.getTimeout(), r.getFetchVariableList());
  }

  private static ActivateJobsResponse response(List<JobActivation> jobs) {
    ActivateJobsResponse.Builder b = ActivateJobsResponse.newBuilder();
    for (JobActivation j : jobs) {
      b.addJobs(activatedJob(j));
    }
    return b.build();
  }

  private static ActivatedJob activatedJob(JobActivation j) {
    ActivatedJob.Builder b = ActivatedJob.newBuilder();
    JobActivation.UserTaskProperties t = j.userTask();
    if (t != null) {
      UserTaskProperties.Builder u = UserTaskProperties.newBuilder()
          .setUserTaskKey(t.userTaskKey()).setAction(t.action())
          .addAllCandidateGroups(t.candidateGroups()).addAllCandidateUsers(t.candidateUsers())
          .addAllChangedAttributes(t.changedAttributes()).setPriority(t.priority());
      if (t.assignee() != null) {
        u.setAssignee(t.assignee());
      }
      if (t.dueDate() != null) {
        u.setDueDate(t.dueDate());
      }
      if (t.followUpDate() != null) {
        u.setFollowUpDate(t.followUpDate());
      }
      b.setUserTask(u);
    }
    return b.setKey(j.key()).setType(j.type())
        .setProcessInstanceKey(j.processInstanceKey()).setBpmnProcessId(j.bpmnProcessId())
        .setProcessDefinitionVersion(j.processDefinitionVersion())
        .setProcessDefinitionKey(j.processDefinitionKey()).setElementId(j.elementId())
        .setElementInstanceKey(j.elementInstanceKey())
        .setCustomHeaders(Json.write(j.customHeaders())).setWorker(j.worker())
        .setRetries(j.retries()).setDeadline(j.deadline()).setVariables(Json.write(j.variables()))
        .setTenantId(TENANT).setKind(ActivatedJob.JobKind.valueOf(j.kind()))
        .setListenerEventType(ActivatedJob.ListenerEventType.valueOf(j.listenerEventType()))
        .build();
  }

  @Override
  public void streamActivatedJobs(StreamActivatedJobsRequest request,
      StreamObserver<ActivatedJob> o) {
    ServerCallStreamObserver<ActivatedJob> so = (ServerCallStreamObserver<ActivatedJob>) o;
    JobStream stream = new JobStream(request, so);
    so.setOnCancelHandler(() -> engine.submit(() -> {
      List<JobStream> list = streams.get(request.getType());
      if (list != null) {
        list.remove(stream);
      }
      return null;
    }, r -> { }));
    engine.submit(() -> {
      streams.computeIfAbsent(request.getType(), t -> new ArrayList<>()).add(stream);
      engine.dispatchLater(request.getType());
      return null;
    }, r -> fail(o, r));
  }

  /** Hands activatable jobs of a type to waiting polls, then to streams. */
  private void dispatch(String type) {
    Deque<Poll> waiting = polls.get(type);
    while (commands.hasActivatableJobs(type) && waiting != null && !waiting.isEmpty()) {
      Poll p = waiting.poll();
      if (p.observer() instanceof ServerCallStreamObserver<?> s && s.isCancelled()) {
        continue;
      }
      Outcome<List<JobActivation>> out = activate(p.request());
      if (out instanceof Outcome.Accepted<List<JobActivation>> a) {
        reply(p.observer(), response(a.value()));
      }
    }
    List<JobStream> list = streams.get(type);
    while (commands.hasActivatableJobs(type) && list != null && !list.isEmpty()) {
      int cursor = streamCursor.getOrDefault(type, 0) % list.size();
      streamCursor.put(type, cursor + 1);
      JobStream s = list.get(cursor);
      if (s.observer().isCancelled()) {
        list.remove(cursor);
        continue;
      }
      StreamActivatedJobsRequest r = s.request();
      Outcome<List<JobActivation>> out = commands.activateJobs(type, 1, r.getWorker(),
          r.getTimeout(), r.getFetchVariableList());
      if (!(out instanceof Outcome.Accepted<List<JobActivation>> a) || a.value().isEmpty()) {
        continue;
      }
      JobActivation job = a.value().get(0);
      ActivatedJob aj = activatedJob(job);
      engine.afterCommit(() -> {
        try {
          s.observer().onNext(aj);
        } catch (RuntimeException e) {
          // the stream is gone: give the job back at once instead of waiting for its timeout
          engine.submit(() -> {
            commands.giveBackJob(job.key(), job.deadline());
            return null;
          }, x -> { });
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
        fail(w.observer(), new Refusal(Refusal.Kind.DEADLINE_EXCEEDED, "Expected to complete the"
            + " process instance within the request timeout, but it did not; the instance goes"
            + " on"));
      }
    }
  }

  // ====================================================================== messages, signals, incidents

  @Override
  public void publishMessage(PublishMessageRequest request,
      StreamObserver<PublishMessageResponse> o) {
    Map<String, Object> vars = variables(o, request.getVariables());
    if (vars == null) {
      return;
    }
    command(o, () -> commands.publishMessage(request.getName(), request.getCorrelationKey(),
        request.getMessageId(), request.getTimeToLive(), vars),
        key -> PublishMessageResponse.newBuilder().setKey(key).setTenantId(TENANT).build());
  }

  @Override
  public void broadcastSignal(BroadcastSignalRequest request,
      StreamObserver<BroadcastSignalResponse> o) {
    Map<String, Object> vars = variables(o, request.getVariables());
    if (vars == null) {
      return;
    }
    command(o, () -> commands.broadcastSignal(request.getSignalName(), vars),
        key -> BroadcastSignalResponse.newBuilder().setKey(key).setTenantId(TENANT).build());
  }

  @Override
  public void resolveIncident(ResolveIncidentRequest request,
      StreamObserver<ResolveIncidentResponse> o) {
    command(o, () -> commands.resolveIncident(request.getIncidentKey()),
        k -> ResolveIncidentResponse.getDefaultInstance());
  }

  // ====================================================================== not supported

  private static void unsupported(StreamObserver<?> o, String rpc, String hint) {
    fail(o, new Refusal(Refusal.Kind.UNIMPLEMENTED, "The RPC '" + rpc + "' is not supported by"
        + " Baton's embedded workflow engine" + hint + "; see docs/workflow.md, or use a Camunda"
        + " 8 cluster (cluster mode)"));
  }

  @Override
  public void evaluateDecision(EvaluateDecisionRequest request,
      StreamObserver<EvaluateDecisionResponse> o) {
    Map<String, Object> vars = variables(o, request.getVariables());
    if (vars == null) {
      return;
    }
    command(o, () -> commands.evaluateDecision(new Commands.DecisionRef(
        request.getDecisionKey(), request.getDecisionId()), vars), GatewayService::evaluated);
  }

  private static EvaluateDecisionResponse evaluated(Commands.DecisionEvaluation e) {
    EvaluateDecisionResponse.Builder b = EvaluateDecisionResponse.newBuilder()
        .setDecisionKey(e.decisionKey()).setDecisionId(e.decisionId())
        .setDecisionName(e.decisionName()).setDecisionVersion(e.version())
        .setDecisionRequirementsId(e.decisionRequirementsId())
        .setDecisionRequirementsKey(e.decisionRequirementsKey())
        .setDecisionInstanceKey(e.evaluationKey()).setDecisionEvaluationKey(e.evaluationKey())
        .setDecisionOutput(e.outputJson() == null ? "null" : e.outputJson())
        .setTenantId(TENANT);
    if (e.failureMessage() != null) {
      b.setFailedDecisionId(e.failedDecisionId()).setFailureMessage(e.failureMessage());
    }
    int i = 0;
    for (Commands.EvaluatedDecision d : e.evaluated()) {
      EvaluatedDecision.Builder ed = EvaluatedDecision.newBuilder()
          .setDecisionKey(d.decisionKey()).setDecisionId(d.decisionId())
          .setDecisionName(d.decisionName()).setDecisionVersion(d.version())
          .setDecisionType(d.decisionType()).setDecisionOutput(d.outputJson())
          .setTenantId(TENANT)
          .setDecisionEvaluationInstanceKey(e.evaluationKey() + "-" + (++i));
      for (Commands.MatchedRule r : d.matchedRules()) {
        ed.addMatchedRules(MatchedDecisionRule.newBuilder().setRuleId(r.ruleId())
            .setRuleIndex(r.ruleIndex()));
      }
      b.addEvaluatedDecisions(ed);
    }
    return b.build();
  }

  @Override
  public void deployProcess(DeployProcessRequest request,
      StreamObserver<DeployProcessResponse> o) {
    unsupported(o, "DeployProcess", " (deprecated: use DeployResource)");
  }



  @Override
  public void migrateProcessInstance(MigrateProcessInstanceRequest request,
      StreamObserver<MigrateProcessInstanceResponse> o) {
    unsupported(o, "MigrateProcessInstance", "");
  }


}
