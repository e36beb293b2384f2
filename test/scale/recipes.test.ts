import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { packageRoot } from '../../src/package-root.js';
import { BIN } from '../cli/helpers.js';

// The job-runner recipes in docs/scale (issue 17 item 6). Each is checked against the shape
// its runner requires. The schemas are hand-written and minimal: the required fields and
// the ones the recipe relies on, from the Kubernetes batch/v1 Job, the sbatch options and
// AWS Batch's SubmitJob request; not the runners' full published schemas. Each recipe's
// shard count must equal its runner's task count, and its index variable must be the one
// that runner sets.

const docs = join(packageRoot(), 'docs', 'scale');
const read = (name: string) => readFileSync(join(docs, name), 'utf8');

/** The n of `--shard auto/n` in a recipe's command. */
function shardCount(command: string): number {
  const m = /--shard auto\/(\d+)\b/.exec(command);
  expect(m, `no --shard auto/n in: ${command}`).not.toBeNull();
  return Number(m![1]);
}

const container = z.object({
  name: z.string().min(1),
  image: z.string().min(1),
  command: z.array(z.string()).min(1),
  resources: z.object({ limits: z.object({ cpu: z.union([z.string(), z.number()]) }) }),
});
const k8sIndexedJob = z.object({
  apiVersion: z.literal('batch/v1'),
  kind: z.literal('Job'),
  metadata: z.object({ name: z.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/) }),
  spec: z.object({
    completionMode: z.literal('Indexed'),
    completions: z.number().int().positive(),
    parallelism: z.number().int().positive().optional(),
    template: z.object({ spec: z.object({ restartPolicy: z.enum(['Never', 'OnFailure']), containers: z.array(container).min(1) }) }),
  }),
});

const awsSubmitJob = z.object({
  jobName: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/),
  jobQueue: z.string().min(1),
  jobDefinition: z.string().min(1),
  arrayProperties: z.object({ size: z.number().int().min(2).max(10_000) }),
  retryStrategy: z.object({ attempts: z.number().int().min(1).max(10) }).optional(),
  timeout: z.object({ attemptDurationSeconds: z.number().int().min(60) }).optional(),
  containerOverrides: z.object({
    command: z.array(z.string()).min(1),
    resourceRequirements: z.array(z.object({ type: z.enum(['VCPU', 'MEMORY', 'GPU']), value: z.string() })).optional(),
  }),
});

describe('job runner recipes', () => {
  it('the Kubernetes Indexed Job runs one shard per completion index', () => {
    const job = k8sIndexedJob.parse(parse(read('kubernetes-job.yaml')));
    const command = job.spec.template.spec.containers[0]!.command.join(' ');
    expect(shardCount(command)).toBe(job.spec.completions);
    expect(command).toContain('${JOB_COMPLETION_INDEX}');
  });

  it('the sbatch script is valid bash, and its array is as many tasks as shards, 1-based', () => {
    const text = read('slurm-batch.sh');
    expect(spawnSync('bash', ['-n', join(docs, 'slurm-batch.sh')]).status).toBe(0);
    const options = new Map(
      text
        .split('\n')
        .filter((l) => l.startsWith('#SBATCH '))
        .map((l) => l.slice('#SBATCH '.length).trim().split('=') as [string, string]),
    );
    const sbatch = z.object({ '--array': z.string().regex(/^\d+-\d+(%\d+)?$/), '--cpus-per-task': z.string().regex(/^\d+$/), '--job-name': z.string().min(1) });
    const o = sbatch.parse(Object.fromEntries(options));
    const [, first, last] = /^(\d+)-(\d+)/.exec(o['--array'])!;
    const commands = text.split('\n').filter((l) => !l.startsWith('#')).join('\n');
    const base = /--slurm-array-base (\d)/.exec(commands)?.[1] ?? '1';
    expect(Number(first)).toBe(Number(base));
    expect(shardCount(text.replace(/\\\n/g, ' '))).toBe(Number(last) - Number(first) + 1);
    expect(text).toContain('${SLURM_ARRAY_TASK_ID}');
  });

  it('the AWS Batch array job runs one shard per array index', () => {
    const job = awsSubmitJob.parse(JSON.parse(read('aws-batch-job.json')));
    const command = job.containerOverrides.command.join(' ');
    expect(shardCount(command)).toBe(job.arrayProperties.size);
    expect(command).toContain('${AWS_BATCH_JOB_ARRAY_INDEX}');
  });
});

// Issue 17 asks for 100 shards: `npm run test:scale` runs them (each shard is a process, ~0.5 s
// of CPU, ~50 s in all). `npm test` runs 12, every index past 9 included, through the same path.
const SHARDS = Number(process.env.LEVERAGE_SCALE_SHARDS ?? 12);

describe(`${SHARDS} shards run side by side, as a job runner would`, () => {
  it('through xargs -P, each taking its index from the environment, merge to exactly one run', () => {
    const d = mkdtempSync(join(tmpdir(), 'lev-xargs-'));
    const run = ['batch', 'one-shot', '--runs', '100000', '--seed', '7', '--workers', '1'];
    const whole = spawnSync(process.execPath, [BIN, ...run, '--out', join(d, 'whole.json')], { encoding: 'utf8' });
    expect(whole.status, whole.stderr).toBe(0);
    // Kubernetes' 0-based index, as each pod of an Indexed Job gets it.
    const task = `JOB_COMPLETION_INDEX={} "${process.execPath}" "${BIN}" ${run.join(' ')} --shard auto/${SHARDS} --out "${d}/part-{}.json"`;
    const shards = spawnSync('sh', ['-c', `seq 0 ${SHARDS - 1} | xargs -P 2 -I{} sh -c '${task}'`], { encoding: 'utf8' });
    expect(shards.status, shards.stderr).toBe(0);
    expect(readdirSync(d).filter((f) => f.startsWith('part-'))).toHaveLength(SHARDS);
    const parts = readdirSync(d).filter((f) => f.startsWith('part-')).map((f) => join(d, f));
    const merged = spawnSync(process.execPath, [BIN, 'merge', ...parts, '--expect', String(SHARDS), '--out', join(d, 'merged.json')], { encoding: 'utf8' });
    expect(merged.status, merged.stderr).toBe(0);
    expect(readFileSync(join(d, 'merged.json'), 'utf8')).toBe(readFileSync(join(d, 'whole.json'), 'utf8'));
  }, 300_000);
});
