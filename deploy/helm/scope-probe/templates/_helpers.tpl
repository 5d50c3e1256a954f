{{- define "scope-probe.prefix" -}}
{{ required "namePrefix is required (the prefix of every object's name, e.g. scope)" .Values.namePrefix | trunc 40 | trimSuffix "-" }}
{{- end }}

{{- define "scope-probe.image" -}}
{{ required "image.repository is required" .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}
{{- end }}

{{/* Labels every object carries. */}}
{{- define "scope-probe.commonLabels" -}}
app.kubernetes.io/name: scope
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/part-of: scope
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* What selects one component's pods; argument: dict "root" $ "component" NAME. */}}
{{- define "scope-probe.selectorLabels" -}}
app.kubernetes.io/name: scope
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{- define "scope-probe.labels" -}}
{{ include "scope-probe.commonLabels" .root }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{/* The probe's command line: ops endpoints on loopback, reporting to the service. */}}
{{- define "scope-probe.args" -}}
[probe, --probe.http.listen, "127.0.0.1:{{ int .Values.opsPort }}", {{ required "serviceUrl is required (the address of Scope as a Service, e.g. https://scope.example.com)" .Values.serviceUrl | quote }}]
{{- end }}

{{- define "scope-probe.tokenEnv" -}}
- name: SCOPE_PROBE_TOKEN
  valueFrom: {secretKeyRef: {name: {{ required "tokenSecret.name is required (the secret holding the probe token)" .Values.tokenSecret.name }}, key: {{ required "tokenSecret.key is required" .Values.tokenSecret.key }}}}
{{- end }}
