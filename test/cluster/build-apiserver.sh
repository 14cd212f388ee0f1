#!/usr/bin/env bash
# Builds the test-only kube-apiserver and etcd binaries from the Go module proxy and caches them.
# Usage: test/cluster/build-apiserver.sh  → prints the directory holding kube-apiserver and etcd.
# The cache directory is stable (CUBECAPE_APISERVER_CACHE, default ~/.cache/cubecape/apiserver-<ver>)
# so a second run returns at once. Never a runtime dependency of cubecape.
set -euo pipefail
K8S_VERSION="${CUBECAPE_K8S_VERSION:-v1.36.3}"
STAGING_VERSION="v0.${K8S_VERSION#v1.}"
CACHE="${CUBECAPE_APISERVER_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/cubecape/apiserver-$K8S_VERSION}"
BIN="$CACHE/bin"
if [ -x "$BIN/kube-apiserver" ] && [ -x "$BIN/etcd" ]; then
  echo "$BIN"
  exit 0
fi
command -v go >/dev/null 2>&1 || { echo "build-apiserver: 'go' is not on PATH" >&2; exit 2; }
PROXY="${GOPROXY:-https://proxy.golang.org}"
PROXY="${PROXY%%,*}"
SRC="$CACHE/src"
mkdir -p "$SRC" "$BIN"
cd "$SRC"
# k8s.io/kubernetes replaces its staging modules with ./staging/src/...; outside its own tree those
# paths do not exist, so point each one at its published module at the matching v0.x tag.
curl -fsS -m 60 "$PROXY/k8s.io/kubernetes/@v/$K8S_VERSION.mod" -o kubernetes.mod
{
  echo "module cubecape.test/apiserver"
  echo
  echo "go 1.26.0"
  echo
  grep -oE '^\s*k8s\.io/[a-z0-9-]+ => \./staging/src/k8s\.io/[a-z0-9-]+' kubernetes.mod |
    awk -v v="$STAGING_VERSION" '{ printf "replace %s => %s %s\n", $1, $1, v }'
} >go.mod
rm -f kubernetes.mod
export GOFLAGS="-mod=mod -buildvcs=false"
go get "k8s.io/kubernetes@$K8S_VERSION" >&2
# Pin both tools: without a version `go get` would move k8s.io/kubernetes past the replaced staging
# modules. etcd is taken at the version k8s.io/kubernetes itself requires.
etcd_version="$(go list -m -f '{{.Version}}' go.etcd.io/etcd/server/v3)"
go get -tool "k8s.io/kubernetes/cmd/kube-apiserver@$K8S_VERSION" "go.etcd.io/etcd/server/v3@$etcd_version" >&2
minor="${K8S_VERSION#v1.}"
minor="${minor%%.*}"
ldflags="-s -w -X k8s.io/component-base/version.gitVersion=$K8S_VERSION"
ldflags="$ldflags -X k8s.io/component-base/version.gitMajor=1 -X k8s.io/component-base/version.gitMinor=$minor"
CGO_ENABLED=0 go build -trimpath -ldflags "$ldflags" -o "$BIN/kube-apiserver.tmp" k8s.io/kubernetes/cmd/kube-apiserver >&2
CGO_ENABLED=0 go build -trimpath -ldflags "-s -w" -o "$BIN/etcd.tmp" go.etcd.io/etcd/server/v3 >&2
mv "$BIN/kube-apiserver.tmp" "$BIN/kube-apiserver"
mv "$BIN/etcd.tmp" "$BIN/etcd"
echo "$BIN"
