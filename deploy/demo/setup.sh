#!/usr/bin/env bash
# Prepares the demo for ./drover up: the base image (from /bin/busybox, no registry needed) and a
# git repository holding the demo worker under <state dir>/demo. Idempotent.
# Usage: deploy/demo/setup.sh STATE_DIR   (prints the repository's path)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
state="${1:?usage: setup.sh STATE_DIR}"
origin="$state/demo/origin.git"

if ! docker image inspect drover-demo/base:1 >/dev/null 2>&1; then
  [ -x /bin/busybox ] || { echo "setup: /bin/busybox is missing (apt-get install busybox-static)" >&2; exit 1; }
  ctx="$(mktemp -d)"; trap 'rm -rf "$ctx"' EXIT
  cp "$here/base/Dockerfile" /bin/busybox "$ctx/"
  docker build -q --network none -t drover-demo/base:1 "$ctx" >/dev/null
fi

if [ ! -d "$origin" ]; then
  work="$state/demo/work"
  rm -rf "$work"; mkdir -p "$work"
  git init -q --bare -b main "$origin"
  cp -r "$here/Dockerfile" "$here/drover.yaml" "$here/worker" "$work/"
  git -C "$work" init -q -b main
  git -C "$work" add .
  git -C "$work" -c user.name="Drover demo" -c user.email=demo@drover.invalid commit -q -m "Demo worker: first version"
  git -C "$work" push -q "$origin" main
fi
echo "$origin"
