#!/usr/bin/env python3
"""Checks on the objects `helm template` renders for one scenario (called by .ci/helm-check.sh).

- Every PiiExtProc container: --grpc-port/--admin-port args agree with the container ports named grpc/admin;
  startup and liveness probes GET /healthz and readiness GET /readyz on the admin port.
- Every container and pod: non-root uid 65532, read-only root filesystem, no privilege escalation, drop ALL,
  seccomp RuntimeDefault; terminationGracePeriodSeconds > preStop sleep + --shutdown-timeout-seconds.
- Envoy ConfigMaps: the ext_proc filter fails closed and its cluster targets the gRPC port or the Unix socket.
- PrometheusRule expressions and dashboard queries use only metric names listed in metrics.txt.
Prints one line per problem; exit status 1 when there is any.
"""
import argparse
import json
import re
import sys

import yaml

METRIC = re.compile(r"\bpiiextproc_[a-z0-9_]+")
HISTOGRAM_SUFFIXES = ("_bucket", "_sum", "_count")
UID = 65532
SOCKET = "/var/run/pii-ext-proc/grpc.sock"

problems = []


class UniqueKeyLoader(yaml.SafeLoader):
    """A SafeLoader that rejects duplicate mapping keys (Kubernetes and YamlDotNet reject them too)."""

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep)


def problem(where, message):
    problems.append(f"{where}: {message}")


def load_metrics(path):
    with open(path, encoding="utf-8") as f:
        return {line.strip() for line in f if line.strip() and not line.startswith("#")}


def check_metric_names(where, text, known):
    used = set(METRIC.findall(text))
    for name in sorted(used):
        base = name
        for suffix in HISTOGRAM_SUFFIXES:
            if name.endswith(suffix) and name[: -len(suffix)] in known:
                base = name[: -len(suffix)]
        if base not in known:
            problem(where, f"metric {name} is not in metrics.txt")
    return used


def arg_value(args, flag):
    for i, arg in enumerate(args):
        if arg == flag and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith(flag + "="):
            return arg.split("=", 1)[1]
    return None


def check_security(where, pod_spec, container):
    pod_sc = pod_spec.get("securityContext") or {}
    sc = container.get("securityContext") or {}
    run_as_non_root = sc.get("runAsNonRoot", pod_sc.get("runAsNonRoot"))
    run_as_user = sc.get("runAsUser", pod_sc.get("runAsUser"))
    seccomp = (sc.get("seccompProfile") or pod_sc.get("seccompProfile") or {}).get("type")
    if run_as_non_root is not True:
        problem(where, "runAsNonRoot is not true")
    if run_as_user != UID:
        problem(where, f"runAsUser is {run_as_user}, expected {UID}")
    if sc.get("readOnlyRootFilesystem") is not True:
        problem(where, "readOnlyRootFilesystem is not true")
    if sc.get("allowPrivilegeEscalation") is not False:
        problem(where, "allowPrivilegeEscalation is not false")
    if sc.get("privileged"):
        problem(where, "privileged")
    if "ALL" not in ((sc.get("capabilities") or {}).get("drop") or []):
        problem(where, "capabilities.drop does not contain ALL")
    if seccomp != "RuntimeDefault":
        problem(where, f"seccompProfile is {seccomp}, expected RuntimeDefault")


def port_number(container, name_or_number):
    if isinstance(name_or_number, int):
        return name_or_number
    for port in container.get("ports") or []:
        if port.get("name") == name_or_number:
            return port.get("containerPort")
    return None


def check_service_container(where, pod_spec, container):
    args = [str(a) for a in container.get("args") or []]
    if not args or args[0] != "serve":
        problem(where, f"args do not start with serve: {args}")
    grpc = int(arg_value(args, "--grpc-port") or 50051)
    admin = int(arg_value(args, "--admin-port") or 9464)
    ports = {p.get("name"): p.get("containerPort") for p in container.get("ports") or []}
    if ports.get("grpc") != grpc:
        problem(where, f"container port grpc={ports.get('grpc')} but --grpc-port {grpc}")
    if ports.get("admin") != admin:
        problem(where, f"container port admin={ports.get('admin')} but --admin-port {admin}")
    if "--policy" in args and arg_value(args, "--policy") != "/etc/pii-ext-proc/policy.yaml":
        problem(where, "--policy is not /etc/pii-ext-proc/policy.yaml")
    expected = {"startupProbe": "/healthz", "livenessProbe": "/healthz", "readinessProbe": "/readyz"}
    for probe_name, path in expected.items():
        probe = container.get(probe_name)
        if not probe:
            problem(where, f"{probe_name} missing")
            continue
        http_get = probe.get("httpGet") or {}
        if http_get.get("path") != path:
            problem(where, f"{probe_name} path {http_get.get('path')}, expected {path}")
        if port_number(container, http_get.get("port")) != admin:
            problem(where, f"{probe_name} is not on the admin port {admin}")
    shutdown = int(arg_value(args, "--shutdown-timeout-seconds") or 25)
    sleep = (((container.get("lifecycle") or {}).get("preStop") or {}).get("sleep") or {}).get("seconds", 0)
    grace = pod_spec.get("terminationGracePeriodSeconds", 30)
    if grace <= sleep + shutdown:
        problem(where, f"terminationGracePeriodSeconds {grace} <= preStop {sleep} + shutdown {shutdown}")
    mounts = {m.get("mountPath") for m in container.get("volumeMounts") or []}
    if "/tmp" not in mounts:
        problem(where, "no writable /tmp volume (read-only root filesystem)")
    return grpc, admin, args


def check_envoy_config(where, text, grpc_port):
    config = yaml.load(text, Loader=UniqueKeyLoader)
    found_filter = False
    for listener in config["static_resources"]["listeners"]:
        for chain in listener["filter_chains"]:
            for network_filter in chain["filters"]:
                manager = network_filter["typed_config"]
                names = [f["name"] for f in manager.get("http_filters", [])]
                if "envoy.filters.http.ext_proc" not in names:
                    continue
                found_filter = True
                if names.index("envoy.filters.http.ext_proc") > names.index("envoy.filters.http.router"):
                    problem(where, "ext_proc after the router")
                ext_proc = manager["http_filters"][names.index("envoy.filters.http.ext_proc")]["typed_config"]
                if ext_proc.get("failure_mode_allow") is not False:
                    problem(where, "failure_mode_allow is not false")
                cluster_name = ext_proc["grpc_service"]["envoy_grpc"]["cluster_name"]
                clusters = {c["name"]: c for c in config["static_resources"]["clusters"]}
                cluster = clusters.get(cluster_name)
                if cluster is None:
                    problem(where, f"ext_proc cluster {cluster_name} missing")
                    continue
                for endpoints in cluster["load_assignment"]["endpoints"]:
                    for lb in endpoints["lb_endpoints"]:
                        address = lb["endpoint"]["address"]
                        if "pipe" in address:
                            if address["pipe"]["path"] != SOCKET:
                                problem(where, f"ext_proc socket {address['pipe']['path']} != {SOCKET}")
                        elif address["socket_address"]["port_value"] != grpc_port:
                            problem(where, f"ext_proc cluster port {address['socket_address']['port_value']} != --grpc-port {grpc_port}")
    if not found_filter:
        problem(where, "no ext_proc filter in the Envoy config")


def check_dashboard(where, text, known):
    try:
        dashboard = json.loads(text)
    except json.JSONDecodeError as error:
        problem(where, f"dashboard is not valid JSON: {error}")
        return
    queries = [t.get("expr", "") for panel in dashboard.get("panels", []) for t in panel.get("targets", [])]
    if not queries:
        problem(where, "dashboard has no queries")
    check_metric_names(where, "\n".join(queries) + json.dumps(dashboard.get("templating", {})), known)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--scenario", required=True)
    parser.add_argument("--metrics", required=True)
    parser.add_argument("--dashboard")
    parser.add_argument("rendered", nargs="?")
    options = parser.parse_args()
    known = load_metrics(options.metrics)
    scenario = options.scenario

    if options.dashboard:
        with open(options.dashboard, encoding="utf-8") as f:
            check_dashboard(f"{scenario}: {options.dashboard}", f.read(), known)
    if options.rendered:
        with open(options.rendered, encoding="utf-8") as f:
            documents = [d for d in yaml.load_all(f, Loader=UniqueKeyLoader) if d]
        kinds = {}
        grpc_port = 50051
        service_containers = 0
        for doc in documents:
            kind, name = doc.get("kind"), doc.get("metadata", {}).get("name")
            kinds.setdefault(kind, []).append(doc)
            where = f"{scenario}: {kind}/{name}"
            pod_spec = None
            if kind == "Deployment":
                pod_spec = doc["spec"]["template"]["spec"]
            elif kind == "Pod":
                pod_spec = doc["spec"]
            if pod_spec is not None:
                for container in pod_spec.get("containers", []):
                    cwhere = f"{where} container {container['name']}"
                    check_security(cwhere, pod_spec, container)
                    if container["name"] == "pii-ext-proc":
                        service_containers += 1
                        grpc_port, _, _ = check_service_container(cwhere, pod_spec, container)
            if kind == "PrometheusRule":
                exprs = [r["expr"] for g in doc["spec"]["groups"] for r in g["rules"]]
                used = check_metric_names(where, "\n".join(exprs), known)
                if not used:
                    problem(where, "no piiextproc_ metric in the alert rules")
                for group in doc["spec"]["groups"]:
                    for rule in group["rules"]:
                        if not rule.get("annotations", {}).get("runbook_url"):
                            problem(where, f"alert {rule.get('alert')} has no runbook_url")
            if kind == "ConfigMap":
                for key, value in (doc.get("data") or {}).items():
                    if key.endswith(".json"):
                        check_dashboard(f"{where} {key}", value, known)
        for doc in kinds.get("ConfigMap", []):
            if "envoy.yaml" in (doc.get("data") or {}):
                check_envoy_config(f"{scenario}: ConfigMap/{doc['metadata']['name']}", doc["data"]["envoy.yaml"], grpc_port)
        for doc in kinds.get("Service", []):
            for port in doc["spec"]["ports"]:
                if port.get("name") == "grpc" and (port.get("port") != grpc_port or port.get("appProtocol") != "kubernetes.io/h2c"):
                    problem(f"{scenario}: Service/{doc['metadata']['name']}", "grpc port must be --grpc-port with appProtocol kubernetes.io/h2c")
        if service_containers == 0:
            problem(scenario, "no pii-ext-proc container rendered")

    for line in problems:
        print(f"  {line}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
