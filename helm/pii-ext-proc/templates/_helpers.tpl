{{/* Chart name, truncated to 63 characters. */}}
{{- define "pii-ext-proc.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Full name: <release>-<chart>, or the release name when it already contains the chart name. */}}
{{- define "pii-ext-proc.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* Name of the Envoy ingress resources. */}}
{{- define "pii-ext-proc.envoyName" -}}
{{- printf "%s-envoy" (include "pii-ext-proc.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "pii-ext-proc.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels of every resource (never used in selectors: helm.sh/chart changes on upgrade). */}}
{{- define "pii-ext-proc.labels" -}}
helm.sh/chart: {{ include "pii-ext-proc.chart" . }}
app.kubernetes.io/name: {{ include "pii-ext-proc.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/* Selector labels of the service pods. */}}
{{- define "pii-ext-proc.selectorLabels" -}}
app.kubernetes.io/name: {{ include "pii-ext-proc.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: ext-proc
{{- end }}

{{/* Selector labels of the Envoy pods. */}}
{{- define "pii-ext-proc.envoySelectorLabels" -}}
app.kubernetes.io/name: {{ include "pii-ext-proc.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: envoy
{{- end }}

{{- define "pii-ext-proc.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "pii-ext-proc.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "pii-ext-proc.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}

{{/* True when Envoy is deployed by the chart (topology b, or c which implies it). */}}
{{- define "pii-ext-proc.envoyEnabled" -}}
{{- if or .Values.envoy.enabled .Values.sidecar.enabled }}true{{ end }}
{{- end }}

{{/* Name of the policy ConfigMap, empty when the built-in policy is used. */}}
{{- define "pii-ext-proc.policyConfigMap" -}}
{{- if .Values.policy.existingConfigMap }}
{{- .Values.policy.existingConfigMap }}
{{- else if .Values.policy.inline }}
{{- printf "%s-policy" (include "pii-ext-proc.fullname" .) }}
{{- end }}
{{- end }}

{{/* Unix socket directory and path of topology c. */}}
{{- define "pii-ext-proc.socketDir" -}}/var/run/pii-ext-proc{{- end }}
{{- define "pii-ext-proc.socketPath" -}}/var/run/pii-ext-proc/grpc.sock{{- end }}

{{/* Fail early on settings that would cut streams on shutdown. */}}
{{- define "pii-ext-proc.validate" -}}
{{- $needed := add .Values.preStopSleepSeconds .Values.shutdownTimeoutSeconds }}
{{- if le (int .Values.terminationGracePeriodSeconds) (int $needed) }}
{{- fail (printf "terminationGracePeriodSeconds (%v) must exceed preStopSleepSeconds + shutdownTimeoutSeconds (%v)" .Values.terminationGracePeriodSeconds $needed) }}
{{- end }}
{{- if le (int .Values.terminationGracePeriodSeconds) (int .Values.envoy.drainSeconds) }}
{{- fail "terminationGracePeriodSeconds must exceed envoy.drainSeconds" }}
{{- end }}
{{- end }}

{{/*
The PiiExtProc container, shared by the standalone Deployment (a, b) and the Envoy pod (c).
Context: the root context. In topology c it listens on the Unix socket instead of a TCP gRPC port.
*/}}
{{- define "pii-ext-proc.container" -}}
- name: pii-ext-proc
  image: {{ include "pii-ext-proc.image" . | quote }}
  imagePullPolicy: {{ .Values.image.pullPolicy }}
  args:
    - serve
    - --grpc-port
    - {{ .Values.grpcPort | quote }}
    - --admin-port
    - {{ .Values.adminPort | quote }}
    - --shutdown-timeout-seconds
    - {{ .Values.shutdownTimeoutSeconds | quote }}
    - --log-format
    - {{ .Values.logFormat | quote }}
    {{- if include "pii-ext-proc.policyConfigMap" . }}
    - --policy
    - /etc/pii-ext-proc/policy.yaml
    {{- end }}
    {{- if .Values.sidecar.enabled }}
    - --grpc-unix-socket
    - {{ include "pii-ext-proc.socketPath" . }}
    {{- end }}
    {{- range .Values.extraArgs }}
    - {{ . | quote }}
    {{- end }}
  ports:
    - name: grpc
      containerPort: {{ .Values.grpcPort }}
      protocol: TCP
    - name: admin
      containerPort: {{ .Values.adminPort }}
      protocol: TCP
  env:
    # ConfigMap updates swap a symlink that inotify misses: poll the policy file.
    - name: DOTNET_USE_POLLING_FILE_WATCHER
      value: "true"
    - name: DOTNET_EnableDiagnostics
      value: "0"
    {{- if .Values.hashKey.existingSecret }}
    - name: PIIEXTPROC_HASH_KEY
      valueFrom:
        secretKeyRef:
          name: {{ .Values.hashKey.existingSecret }}
          key: {{ .Values.hashKey.key }}
    {{- end }}
    {{- with .Values.extraEnv }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
  startupProbe:
    httpGet:
      path: /healthz
      port: admin
    periodSeconds: {{ .Values.probes.startup.periodSeconds }}
    failureThreshold: {{ .Values.probes.startup.failureThreshold }}
  livenessProbe:
    httpGet:
      path: /healthz
      port: admin
    periodSeconds: {{ .Values.probes.liveness.periodSeconds }}
    timeoutSeconds: {{ .Values.probes.liveness.timeoutSeconds }}
    failureThreshold: {{ .Values.probes.liveness.failureThreshold }}
  readinessProbe:
    httpGet:
      path: /readyz
      port: admin
    periodSeconds: {{ .Values.probes.readiness.periodSeconds }}
    timeoutSeconds: {{ .Values.probes.readiness.timeoutSeconds }}
    failureThreshold: {{ .Values.probes.readiness.failureThreshold }}
  {{- if gt (int .Values.preStopSleepSeconds) 0 }}
  lifecycle:
    preStop:
      sleep:
        seconds: {{ .Values.preStopSleepSeconds }}
  {{- end }}
  securityContext:
    {{- toYaml .Values.securityContext | nindent 4 }}
  {{- with .Values.resources }}
  resources:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  volumeMounts:
    - name: tmp
      mountPath: /tmp
    {{- if include "pii-ext-proc.policyConfigMap" . }}
    - name: policy
      mountPath: /etc/pii-ext-proc
      readOnly: true
    {{- end }}
    {{- if .Values.sidecar.enabled }}
    - name: socket
      mountPath: {{ include "pii-ext-proc.socketDir" . }}
    {{- end }}
{{- end }}

{{/* Volumes the service container needs. */}}
{{- define "pii-ext-proc.volumes" -}}
- name: tmp
  emptyDir:
    sizeLimit: 64Mi
{{- if include "pii-ext-proc.policyConfigMap" . }}
- name: policy
  configMap:
    name: {{ include "pii-ext-proc.policyConfigMap" . }}
    items:
      - key: {{ .Values.policy.key }}
        path: policy.yaml
{{- end }}
{{- end }}
