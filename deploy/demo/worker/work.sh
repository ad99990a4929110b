#!/bin/sh
# Drover's demo worker. Its behaviour comes from the job's parameters (environment variables):
#   DURATION   seconds the job runs            (default 5)
#   MEMORY_MB  memory it holds while it runs   (default 16)
#   FAIL_RATE  chance, 0 to 1, that it fails   (default 0)
set -u
duration="${DURATION:-5}"
memory_mb="${MEMORY_MB:-16}"
fail_rate="${FAIL_RATE:-0}"

echo "demo job ${DROVER_JOB_ID:-local} attempt ${DROVER_ATTEMPT:-1} on tier ${DROVER_TIER:-none}" \
     "(revision ${DROVER_REVISION:-none}): ${duration}s, ${memory_mb} MiB, fail rate ${fail_rate}"

# Hold MEMORY_MB of memory for DURATION seconds.
awk -v mb="$memory_mb" -v s="$duration" 'BEGIN {
  held = "x"
  while (length(held) < mb * 1048576) held = held held
  held = substr(held, 1, mb * 1048576)
  system("sleep " s)
  printf "held %d MiB for %ss\n", length(held) / 1048576, s
}'

# Fail with probability FAIL_RATE.
if awk -v f="$fail_rate" 'BEGIN { srand(); exit !(rand() < f) }'; then
  echo "failing, as FAIL_RATE asked" >&2
  exit 1
fi
echo "done"
