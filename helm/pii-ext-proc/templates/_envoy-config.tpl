{{/*
Envoy bootstrap of the chart's Envoy (topology b and c): the same filter settings as envoy/envoy.yaml
(see envoy/README.md). The ext_proc cluster is the service's DNS name on the gRPC port (b) or the Unix socket (c).
*/}}
{{- define "pii-ext-proc.envoyConfig" -}}
{{- $e := .Values.envoy -}}
admin:
  address:
    socket_address: { address: 127.0.0.1, port_value: {{ $e.adminPort }} }
static_resources:
  listeners:
    - name: ingress
      address:
        socket_address: { address: 0.0.0.0, port_value: {{ $e.listenerPort }} }
      per_connection_buffer_limit_bytes: {{ int $e.bufferLimitBytes }}
      filter_chains:
        - filters:
            - name: envoy.filters.network.http_connection_manager
              typed_config:
                "@type": type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager
                stat_prefix: ingress_http
                stream_idle_timeout: 60s
                drain_timeout: {{ $e.drainSeconds }}s
                route_config:
                  name: ingress_routes
                  virtual_hosts:
                    - name: app
                      domains: ["*"]
                      routes:
                        {{- range $e.routes }}
                        - name: {{ .name | quote }}
                          match: { prefix: {{ .prefix | quote }} }
                          route: { cluster: upstream }
                          typed_per_filter_config:
                            envoy.filters.http.ext_proc:
                              "@type": type.googleapis.com/envoy.extensions.filters.http.ext_proc.v3.ExtProcPerRoute
                              {{- if eq .mode "disabled" }}
                              disabled: true
                              {{- else }}
                              overrides:
                                processing_mode:
                                  request_header_mode: SEND
                                  response_header_mode: SEND
                                  {{- if eq .mode "fullDuplexStreamed" }}
                                  request_body_mode: FULL_DUPLEX_STREAMED
                                  response_body_mode: FULL_DUPLEX_STREAMED
                                  request_trailer_mode: SEND
                                  response_trailer_mode: SEND
                                  {{- else }}
                                  request_body_mode: BUFFERED
                                  response_body_mode: BUFFERED
                                  {{- end }}
                                grpc_initial_metadata:
                                  - { key: x-pii-policy, value: {{ default $e.defaultPolicy .policy | quote }} }
                              {{- end }}
                        {{- end }}
                        - name: default
                          match: { prefix: / }
                          route: { cluster: upstream }
                http_filters:
                  - name: envoy.filters.http.ext_proc
                    typed_config:
                      "@type": type.googleapis.com/envoy.extensions.filters.http.ext_proc.v3.ExternalProcessor
                      grpc_service:
                        envoy_grpc:
                          cluster_name: pii_ext_proc
                          max_receive_message_length: {{ mul 2 (int $e.bufferLimitBytes) }}
                        initial_metadata:
                          - { key: x-pii-policy, value: {{ $e.defaultPolicy | quote }} }
                      failure_mode_allow: false
                      status_on_error: { code: {{ $e.statusOnError }} }
                      processing_mode:
                        request_header_mode: SEND
                        response_header_mode: SEND
                        request_body_mode: BUFFERED
                        response_body_mode: BUFFERED
                      message_timeout: {{ $e.messageTimeout }}
                      max_message_timeout: {{ $e.maxMessageTimeout }}
                      allow_mode_override: true
                      allowed_override_modes:
                        - { response_header_mode: SEND, request_body_mode: NONE, response_body_mode: BUFFERED }
                        - { response_header_mode: SEND, request_body_mode: BUFFERED, response_body_mode: NONE }
                        - { response_header_mode: SEND, request_body_mode: NONE, response_body_mode: NONE }
                      request_attributes: [xds.route_name, request.path, request.method, request.id]
                  - name: envoy.filters.http.router
                    typed_config:
                      "@type": type.googleapis.com/envoy.extensions.filters.http.router.v3.Router
  clusters:
    - name: pii_ext_proc
      {{- if .Values.sidecar.enabled }}
      type: STATIC
      {{- else }}
      type: STRICT_DNS
      lb_policy: LEAST_REQUEST
      {{- end }}
      connect_timeout: 1s
      typed_extension_protocol_options:
        envoy.extensions.upstreams.http.v3.HttpProtocolOptions:
          "@type": type.googleapis.com/envoy.extensions.upstreams.http.v3.HttpProtocolOptions
          explicit_http_config:
            http2_protocol_options:
              max_concurrent_streams: 1000
              initial_stream_window_size: {{ mul 2 (int $e.bufferLimitBytes) }}
              initial_connection_window_size: {{ mul 8 (int $e.bufferLimitBytes) }}
              connection_keepalive: { interval: 30s, timeout: 5s }
      circuit_breakers:
        thresholds:
          - { priority: DEFAULT, max_connections: 1024, max_pending_requests: 4096, max_requests: 16384 }
      health_checks:
        - timeout: 1s
          interval: 5s
          unhealthy_threshold: 2
          healthy_threshold: 1
          grpc_health_check: { service_name: envoy.service.ext_proc.v3.ExternalProcessor }
      load_assignment:
        cluster_name: pii_ext_proc
        endpoints:
          - lb_endpoints:
              - endpoint:
                  address:
                    {{- if .Values.sidecar.enabled }}
                    pipe: { path: {{ include "pii-ext-proc.socketPath" . }} }
                    {{- else }}
                    socket_address:
                      address: {{ printf "%s.%s.svc.cluster.local" (include "pii-ext-proc.fullname" .) .Release.Namespace }}
                      port_value: {{ .Values.grpcPort }}
                    {{- end }}
    - name: upstream
      type: STRICT_DNS
      connect_timeout: 2s
      load_assignment:
        cluster_name: upstream
        endpoints:
          - lb_endpoints:
              - endpoint:
                  address:
                    socket_address: { address: {{ $e.upstream.address }}, port_value: {{ $e.upstream.port }} }
{{- end }}
