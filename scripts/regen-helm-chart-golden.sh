#!/usr/bin/env bash
# Regenerates test/fixtures/helm-charts-golden/golden/ by rendering every chart × values combination
# in combinations.json with Helm's own install action in client-only dry-run mode (what `helm
# template` does). Test-only oracle: needs Go and the module proxy. Charts come from ../shared/corpus.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="$root/test/fixtures/helm-charts-golden"
charts="${1:-$root/../shared/corpus/charts}"
bin="$(mktemp -d)/helm-chart-oracle"
trap 'rm -rf "$(dirname "$bin")"' EXIT
(cd "$dir/oracle" && go build -o "$bin" .)
mkdir -p "$dir/golden"
rm -f "$dir"/golden/*
"$bin" "$charts" "$dir" < "$dir/combinations.json"
# Rendered CRDs make the outputs large: store them compressed (-n: no timestamp, stable bytes).
gzip -n -9 -f "$dir"/golden/*.yaml
echo "wrote $(ls "$dir/golden" | wc -l) golden files to $dir/golden"
