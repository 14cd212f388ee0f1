#!/usr/bin/env bash
# Regenerates test/fixtures/helm-template/golden.json by rendering every case in cases.json with
# the real Go text/template + sprig + Helm engine (test-only oracle; needs Go and the module proxy).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="$root/test/fixtures/helm-template"
bin="$(mktemp -d)/helm-template-oracle"
trap 'rm -rf "$(dirname "$bin")"' EXIT
(cd "$dir/oracle" && go build -o "$bin" .)
"$bin" < "$dir/cases.json" > "$dir/golden.json.tmp"
mv "$dir/golden.json.tmp" "$dir/golden.json"
count="$(node -e "console.log(JSON.parse(require('fs').readFileSync(process.argv[1], 'utf8')).length)" "$dir/golden.json")"
echo "wrote $dir/golden.json ($count cases)"
