#!/bin/sh
# The demo's self-test, run inside the built image: a quick job must succeed, a sure failure must fail.
set -u
out="$(DURATION=0 MEMORY_MB=1 FAIL_RATE=0 sh /app/work.sh)" || { echo "FAIL: a quick job failed: $out"; exit 1; }
case "$out" in *"held 1 MiB"*done*) ;; *) echo "FAIL: unexpected output: $out"; exit 1 ;; esac
if DURATION=0 MEMORY_MB=1 FAIL_RATE=1 sh /app/work.sh >/dev/null 2>&1; then
  echo "FAIL: FAIL_RATE=1 did not fail"; exit 1
fi
echo "self-test ok"
