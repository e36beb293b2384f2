import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';

// How many CPUs this process may keep busy: the fewest of the CPUs it may run on (Node 20's
// availableParallelism honours the affinity mask, e.g. taskset or a cpuset) and its cgroup's
// CPU quota (a Kubernetes CPU limit, docker --cpus, systemd CPUQuota). A pod limited to 2
// CPUs on a 64-core node that starts 64 workers is throttled, not faster.

export interface CgroupPaths {
  /** Where the cgroup file systems are mounted. */
  root: string;
  /** The file that names this process's cgroups. */
  self: string;
}

const SYSTEM: CgroupPaths = { root: '/sys/fs/cgroup', self: '/proc/self/cgroup' };

function read(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** The folders from `dir` up to `top`, inclusive: a parent's quota bounds its children too. */
function upTo(top: string, dir: string): string[] {
  const out: string[] = [];
  for (let d = dir; d.startsWith(top); d = dirname(d)) {
    out.push(d);
    if (d === top || dirname(d) === d) break;
  }
  if (!out.includes(top)) out.push(top);
  return out;
}

/** cgroup v2: cpu.max holds "max 100000" (no limit) or "<quota> <period>" in microseconds. */
function v2Limit(dir: string): number | undefined {
  const [quota, period] = (read(join(dir, 'cpu.max')) ?? '').split(/\s+/);
  const q = Number(quota);
  const p = Number(period);
  return quota !== 'max' && q > 0 && p > 0 ? q / p : undefined;
}

/** cgroup v1: cpu.cfs_quota_us (-1: no limit) over cpu.cfs_period_us. */
function v1Limit(dir: string): number | undefined {
  const q = Number(read(join(dir, 'cpu.cfs_quota_us')));
  const p = Number(read(join(dir, 'cpu.cfs_period_us')));
  return q > 0 && p > 0 ? q / p : undefined;
}

/** The CPU quota of this process's cgroup (and its ancestors), in CPUs; undefined when none. */
export function cgroupCpuLimit(paths: CgroupPaths = SYSTEM): number | undefined {
  const lines = (read(paths.self) ?? '').split('\n');
  const limits: number[] = [];
  const collect = (dirs: string[], limit: (d: string) => number | undefined) => {
    for (const d of dirs) {
      const l = limit(d);
      if (l !== undefined) limits.push(l);
    }
  };
  for (const line of lines) {
    const [, controllers, path] = /^\d+:([^:]*):(.*)$/.exec(line) ?? [];
    if (path === undefined || controllers === undefined) continue;
    if (controllers === '') {
      // In a container the process's own cgroup is usually mounted as the root itself.
      const own = join(paths.root, path);
      collect(existsSync(own) ? upTo(paths.root, own) : [paths.root], v2Limit);
    } else if (controllers.split(',').includes('cpu')) {
      for (const mount of [join(paths.root, controllers), join(paths.root, 'cpu')]) {
        if (!existsSync(mount)) continue;
        const own = join(mount, path);
        collect(existsSync(own) ? upTo(mount, own) : [mount], v1Limit);
        break;
      }
    }
  }
  return limits.length ? Math.min(...limits) : undefined;
}

/**
 * Worker threads a batch should start by default: whole CPUs of the quota (at least one),
 * never more than the CPUs the process may run on.
 */
export function usableCpus(paths: CgroupPaths = SYSTEM, affinity: number = availableParallelism()): number {
  const quota = cgroupCpuLimit(paths);
  return Math.max(1, Math.min(affinity, quota === undefined ? affinity : Math.floor(quota)));
}
