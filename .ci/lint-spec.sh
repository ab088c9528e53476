#!/usr/bin/env bash
# Lints the hand-written OpenAPI document with the pinned Redocly CLI (see package.json).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [[ ! -x node_modules/.bin/redocly ]]; then
  npm ci --no-audit --no-fund
fi

npx --no-install redocly lint spec/oms.openapi.yaml
