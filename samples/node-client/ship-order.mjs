// A Node.js program with Camunda's REST-only client, @camunda8/orchestration-cluster-api 8.8
// (the SDK line for Camunda 8.8), against Baton's embedded workflow engine. Nothing in it is
// Baton's: it runs the same against a local Camunda 8 Run.
//
// The client reads its configuration from CAMUNDA_* environment variables; with none it talks
// to http://localhost:8080/v2 without authentication, where `./baton serve` listens.
//
//   deploy ship-order.bpmn -> create an instance -> activate its job -> complete the job
//   -> find the user task -> assign it -> complete it (a second completion is refused)
//   -> read the instance: COMPLETED
//
// Each step prints one line; the last line is a JSON summary. Exit code 0 when the instance
// completed, 1 otherwise (the reason on stderr).
import { fileURLToPath } from 'node:url';
import createCamundaClient from '@camunda8/orchestration-cluster-api';

const camunda = createCamundaClient();
const bpmn = fileURLToPath(new URL('./ship-order.bpmn', import.meta.url));
const orderId = process.env.ORDER_ID ?? 'A-17';

async function main() {
  const topology = await camunda.getTopology();
  console.log(`topology: ${topology.brokers.length} broker(s), gateway ${topology.gatewayVersion}`);

  // 1. deploy
  const deployment = await camunda.deployResourcesFromFiles([bpmn]);
  const definition = deployment.processes.find((p) => p.processDefinitionId === 'ship-order');
  if (!definition) {
    throw new Error(`the deployment holds no process 'ship-order': ${JSON.stringify(deployment)}`);
  }
  console.log(`deployed: ship-order version ${definition.processDefinitionVersion}`
    + ` (key ${definition.processDefinitionKey})`);

  // 2. create an instance
  const created = await camunda.createProcessInstance({
    processDefinitionId: 'ship-order',
    variables: { orderId, quantity: 3 },
  });
  const processInstanceKey = created.processInstanceKey;
  console.log(`created: process instance ${processInstanceKey}`);

  // 3. activate its job (long polling: the request waits up to requestTimeout for a job)
  const { jobs } = await camunda.activateJobs({
    type: 'reserve-stock',
    worker: 'node-sample',
    maxJobsToActivate: 1,
    timeout: 60_000,
    requestTimeout: 10_000,
  });
  const job = jobs.find((j) => j.processInstanceKey === processInstanceKey);
  if (!job) {
    throw new Error(`no reserve-stock job of instance ${processInstanceKey} was activated`);
  }
  console.log(`activated: job ${job.jobKey} (${job.elementId}) for order ${job.variables.orderId}`);

  // 4. complete the job with the worker's result
  const reservation = `${job.customHeaders.warehouse}-${job.variables.orderId}-${job.variables.quantity}`;
  await camunda.completeJob({ jobKey: job.jobKey, variables: { reservation } });
  console.log(`completed: job ${job.jobKey} with reservation ${reservation}`);

  // 5. the user task the job led to: find it, assign it, complete it
  const { items: tasks } = await camunda.searchUserTasks({
    filter: { processInstanceKey, state: 'CREATED' },
  }, { consistency: { waitUpToMs: 5_000, predicate: (r) => r.items.length > 0 } });
  if (tasks.length !== 1) {
    throw new Error(`expected one open user task of ${processInstanceKey}: ${JSON.stringify(tasks)}`);
  }
  const task = tasks[0];
  if (!task.candidateGroups.includes('logistics')) {
    throw new Error(`the user task lost its candidate group: ${JSON.stringify(task)}`);
  }
  await camunda.assignUserTask({ userTaskKey: task.userTaskKey, assignee: 'node-user',
    allowOverride: false });
  const assigned = await camunda.getUserTask({ userTaskKey: task.userTaskKey },
    { consistency: { waitUpToMs: 0 } });
  console.log(`assigned: user task ${assigned.userTaskKey} (${assigned.elementId}) to ${assigned.assignee}`);
  await camunda.completeUserTask({ userTaskKey: task.userTaskKey, variables: { approved: true } });
  console.log(`completed: user task ${task.userTaskKey}`);
  let refused;
  try {
    await camunda.completeUserTask({ userTaskKey: task.userTaskKey, variables: {} });
  } catch (e) {
    refused = e?.status;
  }
  if (refused !== 404) {
    throw new Error(`a second completion of user task ${task.userTaskKey} answered ${refused ?? 'success'}, not 404`);
  }
  console.log(`refused: a second completion of user task ${task.userTaskKey} (${refused})`);

  // 6. the instance reached its end (Camunda's search API is eventually consistent: wait up to
  //    5 s for the state the caller expects)
  const instance = await camunda.getProcessInstance({ processInstanceKey }, {
    consistency: { waitUpToMs: 5_000, predicate: (pi) => pi.state === 'COMPLETED' },
  });
  console.log(`instance: ${instance.processInstanceKey} ${instance.state}`);
  console.log(JSON.stringify({ processInstanceKey, jobKey: job.jobKey, reservation,
    userTaskKey: task.userTaskKey, assignee: assigned.assignee, state: instance.state }));
  if (instance.state !== 'COMPLETED') {
    throw new Error(`process instance ${processInstanceKey} is ${instance.state}, not COMPLETED`);
  }
}

main().then(() => process.exit(0), (e) => {
  // the client's errors carry the server's problem detail (status, title, detail)
  const { status, title, detail, issues } = e ?? {};
  console.error(`failed: ${e?.stack ?? e}`);
  console.error(JSON.stringify({ status, title, detail, issues }));
  process.exit(1);
});
