#!/usr/bin/env bash
# Lints the hand-written OpenAPI document with the pinned Redocly CLI, and installs the pinned Prism mock server the
# contract tests start (both from package.json / package-lock.json).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [[ ! -x node_modules/.bin/redocly || ! -x node_modules/.bin/prism ]]; then
  npm ci --no-audit --no-fund
fi

npx --no-install redocly lint spec/oms.openapi.yaml
