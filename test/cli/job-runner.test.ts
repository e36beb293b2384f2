import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cgroupCpuLimit, usableCpus } from '../../src/cli/cpus.js';
import { parseShard } from '../../src/cli/job-index.js';
import { InputError } from '../../src/input-error.js';

// Shards and workers on job runners (issue 17 item 6): the task index from the runner's
// environment, each runner's base, and the CPUs a cgroup quota leaves the process.

const oneLine = (f: () => unknown, pattern: RegExp) => {
  let err: unknown;
  try {
    f();
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(InputError);
  expect((err as Error).message).toMatch(pattern);
  expect((err as Error).message).not.toContain('\n');
};

describe('--shard auto/n reads the task index of the job runner', () => {
  it('makes each runner index 1-based: Kubernetes and AWS Batch count from 0, Slurm from --array', () => {
    expect(parseShard('auto/10', { JOB_COMPLETION_INDEX: '0' })).toEqual({ index: 1, count: 10 });
    expect(parseShard('auto/10', { JOB_COMPLETION_INDEX: '9' })).toEqual({ index: 10, count: 10 });
    expect(parseShard('auto/10', { AWS_BATCH_JOB_ARRAY_INDEX: '3' })).toEqual({ index: 4, count: 10 });
    expect(parseShard('auto/10', { SLURM_ARRAY_TASK_ID: '10' })).toEqual({ index: 10, count: 10 });
    expect(parseShard('auto/10', { SLURM_ARRAY_TASK_ID: '0' }, 0)).toEqual({ index: 1, count: 10 });
    expect(parseShard('3/10', {})).toEqual({ index: 3, count: 10 });
    expect(parseShard('3/10', { JOB_COMPLETION_INDEX: '2' })).toEqual({ index: 3, count: 10 });
  });

  it('refuses out-of-range indices, conflicts and a missing index with one line', () => {
    oneLine(() => parseShard('auto/10', { JOB_COMPLETION_INDEX: '10' }), /JOB_COMPLETION_INDEX=10: out of range for 10 shards, which take 0 to 9/);
    oneLine(() => parseShard('auto/10', { SLURM_ARRAY_TASK_ID: '0' }), /SLURM_ARRAY_TASK_ID=0: out of range .*--slurm-array-base 0/);
    oneLine(() => parseShard('auto/10', { SLURM_ARRAY_TASK_ID: '11' }), /SLURM_ARRAY_TASK_ID=11: out of range/);
    oneLine(() => parseShard('auto/10', { SLURM_ARRAY_TASK_ID: '5', SLURM_ARRAY_TASK_MIN: '0' }), /SLURM_ARRAY_TASK_MIN=0: .*--slurm-array-base 0/);
    oneLine(() => parseShard('auto/10', { SLURM_ARRAY_TASK_ID: '5', SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_COUNT: '12' }), /SLURM_ARRAY_TASK_COUNT=12/);
    oneLine(() => parseShard('auto/10', { AWS_BATCH_JOB_ARRAY_INDEX: '-1' }), /AWS_BATCH_JOB_ARRAY_INDEX=-1: a task index is a whole number/);
    oneLine(() => parseShard('auto/10', { JOB_COMPLETION_INDEX: '1', AWS_BATCH_JOB_ARRAY_INDEX: '2' }), /JOB_COMPLETION_INDEX=1 and AWS_BATCH_JOB_ARRAY_INDEX=2 name different shards/);
    oneLine(() => parseShard('2/10', { JOB_COMPLETION_INDEX: '4' }), /--shard 2\/10 disagrees with JOB_COMPLETION_INDEX=4 \(shard 5\/10\)/);
    oneLine(() => parseShard('auto/10', {}), /no job runner index in the environment/);
    oneLine(() => parseShard('auto/0', { JOB_COMPLETION_INDEX: '0' }), /--shard auto\/0: write it as i\/n/);
  });
});

describe('default workers: the CPUs the process may use', () => {
  function fakeCgroup(files: Record<string, string>, self: string) {
    const root = mkdtempSync(join(tmpdir(), 'lev-cgroup-'));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    writeFileSync(join(root, 'self'), self);
    return { root, self: join(root, 'self') };
  }

  it('reads a cgroup v2 quota, the smallest along the path, and none when it is max', () => {
    const v2 = fakeCgroup({ 'cpu.max': 'max 100000\n', 'kubepods/pod1/cpu.max': '250000 100000\n', 'kubepods/pod1/c1/cpu.max': 'max 100000\n' }, '0::/kubepods/pod1/c1\n');
    expect(cgroupCpuLimit(v2)).toBe(2.5);
    expect(usableCpus(v2, 64)).toBe(2);
    expect(usableCpus(v2, 1)).toBe(1);
    const unlimited = fakeCgroup({ 'cpu.max': 'max 100000\n' }, '0::/\n');
    expect(cgroupCpuLimit(unlimited)).toBeUndefined();
    expect(usableCpus(unlimited, 8)).toBe(8);
    const small = fakeCgroup({ 'cpu.max': '50000 100000\n' }, '0::/\n');
    expect(usableCpus(small, 8)).toBe(1);
  });

  it('reads a cgroup v1 quota (cfs_quota_us / cfs_period_us; -1 is no limit)', () => {
    const v1 = fakeCgroup({ 'cpu,cpuacct/docker/abc/cpu.cfs_quota_us': '300000\n', 'cpu,cpuacct/docker/abc/cpu.cfs_period_us': '100000\n' }, '4:memory:/docker/abc\n3:cpu,cpuacct:/docker/abc\n');
    expect(usableCpus(v1, 16)).toBe(3);
    const none = fakeCgroup({ 'cpu/cpu.cfs_quota_us': '-1\n', 'cpu/cpu.cfs_period_us': '100000\n' }, '2:cpu:/\n');
    expect(usableCpus(none, 16)).toBe(16);
  });

  it('on this machine, never more than the affinity allows', () => {
    expect(usableCpus()).toBeGreaterThanOrEqual(1);
    expect(usableCpus()).toBeLessThanOrEqual(availableParallelism());
  });
});
