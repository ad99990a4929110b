#!/bin/sh
# Drover's demo worker. Its behaviour comes from the job's parameters (environment variables):
#   DURATION   seconds the job runs            (default 5)
#   MEMORY_MB  memory it holds while it runs   (default 16)
#   FAIL_RATE  chance, 0 to 1, that it fails   (default 0)
set -u
version=1   # the demo's second commit makes this 2
bug_rate=0  # the demo's third commit sets this to 0.8: a bug its self-test does not catch (below)
duration="${DURATION:-5}"
memory_mb="${MEMORY_MB:-16}"
fail_rate="${FAIL_RATE:-0}"

echo "demo worker v${version}: job ${DROVER_JOB_ID:-local} attempt ${DROVER_ATTEMPT:-1} on tier ${DROVER_TIER:-none}" \
     "(revision ${DROVER_REVISION:-none}): ${duration}s, ${memory_mb} MiB, fail rate ${fail_rate}"

chance() { # chance P: true with probability P (seeded from /dev/urandom: jobs started together differ)
  awk -v p="$1" -v seed="$(od -An -N4 -tu4 /dev/urandom)" 'BEGIN { srand(seed); exit !(rand() < p) }'
}

# Hold MEMORY_MB of memory for DURATION seconds.
awk -v mb="$memory_mb" -v s="$duration" 'BEGIN {
  held = "x"
  while (length(held) < mb * 1048576) held = held held
  held = substr(held, 1, mb * 1048576)
  system("sleep " s)
  printf "held %d MiB for %ss\n", length(held) / 1048576, s
}'

# The bug: jobs that hold more than 4 MiB crash with probability bug_rate (the self-test holds 1 MiB).
if [ "$memory_mb" -gt 4 ] && chance "$bug_rate"; then
  echo "crashed: buffer size miscalculated for ${memory_mb} MiB" >&2
  exit 3
fi

# Fail with probability FAIL_RATE.
if chance "$fail_rate"; then
  echo "failing, as FAIL_RATE asked" >&2
  exit 1
fi
echo "done"
