// A REST-only Camunda client from npm driving a process with a service task and a user task:
// deploy -> create -> activate and complete the job -> find, assign and complete the user task.
// Configured from the environment only (CAMUNDA_REST_ADDRESS), as the SDK recommends. Prints one
// line per step; exits non-zero on the first failure.
import createCamundaClient from '@camunda8/orchestration-cluster-api';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const camunda = createCamundaClient();
const now = { consistency: { waitUpToMs: 0 } };

async function main() {
  const topology = await camunda.getTopology();
  console.log(`TOPOLOGY ${topology.brokers.length}`);

  const deployment = await camunda.deployResourcesFromFiles([join(here, 'review.bpmn')]);
  console.log(`DEPLOYED ${deployment.processes[0].processDefinitionId}`);

  const created = await camunda.createProcessInstance({
    processDefinitionId: 'sdk-review',
    variables: { amount: 1200 },
  });
  console.log(`CREATED ${created.processInstanceKey}`);

  let jobs = [];
  for (let i = 0; i < 20 && jobs.length === 0; i++) {
    ({ jobs } = await camunda.activateJobs({
      type: 'price', maxJobsToActivate: 1, timeout: 60000, worker: 'node-sdk', requestTimeout: 1000,
    }));
  }
  if (jobs.length === 0) throw new Error('no job of type price');
  const job = jobs[0];
  await camunda.completeJob({ jobKey: job.jobKey, variables: { total: job.variables.amount * 0.95 } });
  console.log(`JOB ${job.jobKey}`);

  let tasks = [];
  for (let i = 0; i < 50 && tasks.length === 0; i++) {
    ({ items: tasks } = await camunda.searchUserTasks({
      filter: { processInstanceKey: created.processInstanceKey, state: 'CREATED' },
    }, now));
    if (tasks.length === 0) await new Promise((r) => setTimeout(r, 100));
  }
  if (tasks.length !== 1) throw new Error(`expected one user task, found ${tasks.length}`);
  const task = tasks[0];
  if (!task.candidateGroups.includes('finance')) throw new Error('candidate groups lost');
  await camunda.assignUserTask({ userTaskKey: task.userTaskKey, assignee: 'node-user', allowOverride: false });
  const assigned = await camunda.getUserTask({ userTaskKey: task.userTaskKey }, now);
  console.log(`ASSIGNED ${assigned.userTaskKey} ${assigned.assignee}`);

  await camunda.completeUserTask({ userTaskKey: task.userTaskKey, variables: { approved: true } });
  console.log(`COMPLETED ${task.userTaskKey}`);

  try {
    await camunda.completeUserTask({ userTaskKey: task.userTaskKey, variables: {} }, { retry: false });
    throw new Error('a second completion was accepted');
  } catch (e) {
    if (e.status !== 404) throw e;
    console.log(`REFUSED ${e.status}`);
  }
}

main().then(() => process.exit(0), (e) => {
  console.error('FAILED', e);
  process.exit(1);
});
