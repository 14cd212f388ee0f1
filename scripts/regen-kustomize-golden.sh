#!/usr/bin/env bash
# Regenerates test/fixtures/kustomize/<case>/expected.yaml with the real kustomize.
# Needs Go (first run builds kustomize from the module proxy into a temporary GOPATH).
# Cases whose build is expected to fail keep no expected.yaml: name them *-error.
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION="${KUSTOMIZE_VERSION:-v5.5.0}"
KUSTOMIZE="${KUSTOMIZE:-}"
if [ -z "$KUSTOMIZE" ]; then
  GOPATH_DIR="${KUSTOMIZE_GOPATH:-${TMPDIR:-/tmp}/cubecape-kustomize-gopath}"
  KUSTOMIZE="$GOPATH_DIR/bin/kustomize"
  if [ ! -x "$KUSTOMIZE" ]; then
    GOPATH="$GOPATH_DIR" GOFLAGS=-mod=mod go install "sigs.k8s.io/kustomize/kustomize/v5@$VERSION"
  fi
fi
"$KUSTOMIZE" version
for dir in test/fixtures/kustomize/*/; do
  name="$(basename "$dir")"
  case "$name" in *-error) continue ;; esac
  "$KUSTOMIZE" build "$dir" > "$dir/expected.yaml"
  echo "regenerated $name"
done
