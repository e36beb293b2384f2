import type { Shard } from '../engine/batch/batch.js';
import { InputError } from '../input-error.js';

// Shards on a job runner: each task of an array job learns its number from the environment,
// so one command line serves every task (`--shard auto/N`). The runners count differently:
// Kubernetes Indexed Jobs and AWS Batch array jobs from 0, Slurm from whatever --array
// names (we take 1, as in --array=1-N; --slurm-array-base 0 for --array=0-(N-1)).

export const MAX_SHARDS = 100_000;

interface Source {
  name: string;
  /** The value of the variable that means shard 1. */
  base: (env: NodeJS.ProcessEnv, slurmBase: number) => number;
}

const SOURCES: Source[] = [
  { name: 'JOB_COMPLETION_INDEX', base: () => 0 },
  { name: 'SLURM_ARRAY_TASK_ID', base: (_env, slurmBase) => slurmBase },
  { name: 'AWS_BATCH_JOB_ARRAY_INDEX', base: () => 0 },
];

export function parseSlurmBase(value: string | undefined): number {
  if (value === undefined) return 1;
  if (value.trim() !== '0' && value.trim() !== '1') throw new InputError(`--slurm-array-base ${value}: use 1 for --array=1-N or 0 for --array=0-(N-1).`);
  return Number(value.trim());
}

/** The shard of this task of an array job: the one runner variable that is set, made 1-based. */
function fromEnvironment(count: number, env: NodeJS.ProcessEnv, slurmBase: number): { shard: Shard; source: string } | undefined {
  const found: { shard: Shard; source: string }[] = [];
  for (const s of SOURCES) {
    const raw = env[s.name];
    if (raw === undefined || raw.trim() === '') continue;
    const base = s.base(env, slurmBase);
    const place = `${s.name}=${raw}`;
    if (!/^\d+$/.test(raw.trim())) throw new InputError(`${place}: a task index is a whole number. Fix: let the job runner set it, or unset it.`);
    const index = Number(raw.trim()) - base + 1;
    if (index < 1 || index > count) {
      const slurmFix = s.name === 'SLURM_ARRAY_TASK_ID' ? ` (--array=${slurmBase}-${count - 1 + slurmBase}, or --slurm-array-base ${1 - slurmBase} if the array starts at ${1 - slurmBase})` : '';
      throw new InputError(`${place}: out of range for ${count} shards, which take ${base} to ${count - 1 + base}. Fix: run exactly ${count} tasks${slurmFix}, or change --shard auto/${count}.`);
    }
    if (s.name === 'SLURM_ARRAY_TASK_ID') {
      // Slurm says where the array starts: a base that disagrees would shift every shard by one.
      const min = env.SLURM_ARRAY_TASK_MIN;
      if (min !== undefined && /^\d+$/.test(min.trim()) && Number(min) !== slurmBase) {
        throw new InputError(`SLURM_ARRAY_TASK_MIN=${min}: the array starts at ${min}, but shards are read as ${slurmBase}-based. Fix: --slurm-array-base ${min === '0' ? 0 : 1}, or --array=${slurmBase}-${count - 1 + slurmBase}.`);
      }
      const tasks = env.SLURM_ARRAY_TASK_COUNT;
      if (tasks !== undefined && /^\d+$/.test(tasks.trim()) && Number(tasks) !== count) {
        throw new InputError(`SLURM_ARRAY_TASK_COUNT=${tasks}: the array has ${tasks} tasks, but --shard auto/${count} cuts the run into ${count}. Fix: make them equal.`);
      }
    }
    found.push({ shard: { index, count }, source: place });
  }
  const [first, second] = found;
  if (first && second && first.shard.index !== second.shard.index) {
    throw new InputError(`${first.source} and ${second.source} name different shards. Fix: unset the one that is not this job runner's.`);
  }
  return first;
}

/**
 * `--shard i/n`, or `--shard auto/n` to take i from the job runner's environment. An explicit
 * i that disagrees with the runner's index is refused: two tasks would play the same shard.
 */
export function parseShard(value: string | undefined, env: NodeJS.ProcessEnv = process.env, slurmBase = 1): Shard | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d+|auto)\/(\d+)$/.exec(value.trim());
  const count = m ? Number(m[2]) : NaN;
  const index = m && m[1] !== 'auto' ? Number(m[1]) : NaN;
  if (!m || count < 1 || count > MAX_SHARDS || (m[1] !== 'auto' && (index < 1 || index > count))) {
    throw new InputError(`--shard ${value}: write it as i/n with 1 <= i <= n, for example --shard 2/3, or auto/n to read i from the job runner (JOB_COMPLETION_INDEX, SLURM_ARRAY_TASK_ID, AWS_BATCH_JOB_ARRAY_INDEX).`);
  }
  const fromEnv = fromEnvironment(count, env, slurmBase);
  if (m[1] === 'auto') {
    if (!fromEnv) throw new InputError(`--shard ${value}: no job runner index in the environment (JOB_COMPLETION_INDEX, SLURM_ARRAY_TASK_ID or AWS_BATCH_JOB_ARRAY_INDEX). Fix: run it as an array job, or give the index, e.g. --shard 1/${count}.`);
    return fromEnv.shard;
  }
  if (fromEnv && fromEnv.shard.index !== index) {
    throw new InputError(`--shard ${value} disagrees with ${fromEnv.source} (shard ${fromEnv.shard.index}/${count}). Fix: use --shard auto/${count}, or unset the variable.`);
  }
  return { index, count };
}
