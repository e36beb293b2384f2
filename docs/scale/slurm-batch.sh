#!/bin/bash
# A batch of 10^8 games of the 2022 scenario as a Slurm job array: 100 tasks, each one
# shard of 10^6 games, at most 20 at a time. Slurm numbers the tasks as --array says;
# leverage takes SLURM_ARRAY_TASK_ID as 1-based (--array=1-N). For --array=0-99 add
# --slurm-array-base 0. Keep the array's size and the n of `--shard auto/n` equal.
# Submit from a checkout after `npm ci`:
#   mkdir -p results logs && jobid=$(sbatch --parsable docs/scale/slurm-batch.sh)
#   sbatch --dependency=afterok:$jobid --wrap 'npx leverage merge results/part-*.json --expect 100 --out results/merged.json'
#SBATCH --job-name=leverage-batch-2022
#SBATCH --array=1-100%20
#SBATCH --cpus-per-task=2
#SBATCH --mem=1G
#SBATCH --time=00:30:00
#SBATCH --output=logs/leverage-%A_%a.out
set -euo pipefail
# Workers default to the CPUs Slurm gives the task (its affinity or cgroup), not the node's.
npx leverage batch 2022 --runs 100000000 --seed 1 \
  --shard auto/100 --out "results/part-${SLURM_ARRAY_TASK_ID}.json"
