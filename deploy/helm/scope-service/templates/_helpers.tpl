{{/* The components, in the order they are rendered. The set is fixed: the gateway routes to every backend. */}}
{{- define "scope-service.components" -}}
{{ list "gateway" "users" "collection" "query" "control" "pipe" | toJson }}
{{- end }}

{{/* <namePrefix>: the prefix of every object's name. */}}
{{- define "scope-service.prefix" -}}
{{ required "namePrefix is required (the prefix of every object's name, e.g. scope)" .Values.namePrefix | trunc 40 | trimSuffix "-" }}
{{- end }}

{{/* A component's object name; argument: dict "root" $ "component" NAME. */}}
{{- define "scope-service.componentName" -}}
{{ include "scope-service.prefix" .root }}-{{ .component }}
{{- end }}

{{/* The shared objects' name (ServiceAccount, ConfigMap). */}}
{{- define "scope-service.sharedName" -}}
{{ include "scope-service.prefix" . }}-service
{{- end }}

{{- define "scope-service.image" -}}
{{ required "image.repository is required" .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}
{{- end }}

{{/* Labels every object carries. */}}
{{- define "scope-service.commonLabels" -}}
app.kubernetes.io/name: scope-service
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/part-of: scope
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* What selects one component's pods (never changes between versions: selectors are immutable). */}}
{{- define "scope-service.selectorLabels" -}}
app.kubernetes.io/name: scope-service
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{- define "scope-service.labels" -}}
{{ include "scope-service.commonLabels" .root }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{/* One component's values, every one required; argument: dict "root" $ "component" NAME. */}}
{{- define "scope-service.values" -}}
{{- $c := .component }}
{{- $v := index .root.Values.components $c | default dict }}
{{- $out := dict }}
{{- range $key := list "port" "replicas" "maxReplicas" "cpu" "memory" "memoryLimit" }}
{{- $_ := set $out $key (required (printf "components.%s.%s is required" $c $key) (index $v $key)) }}
{{- end }}
{{- if gt (int $out.replicas) (int $out.maxReplicas) }}
{{- fail (printf "components.%s.replicas (%v) is more than components.%s.maxReplicas (%v)" $c $out.replicas $c $out.maxReplicas) }}
{{- end }}
{{- $_ := set $out "env" ($v.env | default list) }}
{{- toJson $out }}
{{- end }}

{{/* The environment a component needs beyond what all share; argument: dict "root" $ "component" NAME "port" PORT. */}}
{{- define "scope-service.componentEnv" -}}
{{- $root := .root }}
{{- if eq .component "gateway" }}
{{- range $backend := list "users" "collection" "query" "control" "pipe" }}
{{- $bv := include "scope-service.values" (dict "root" $root "component" $backend) | fromJson }}
- name: SCOPE_{{ upper $backend }}_URL
  value: "http://{{ include "scope-service.componentName" (dict "root" $root "component" $backend) }}:{{ int $bv.port }}"
{{- end }}
{{- else if eq .component "users" }}
- name: SCOPE_PUBLIC_URL
  value: {{ required "publicUrl is required (the address users reach the gateway at)" $root.Values.publicUrl | quote }}
- name: SCOPE_SMTP_HOST
  value: {{ required "smtp.host is required (sign-up sends login links by e-mail)" $root.Values.smtp.host | quote }}
- name: SCOPE_SMTP_PORT
  value: {{ required "smtp.port is required" $root.Values.smtp.port | int | quote }}
{{- with $root.Values.smtp.from }}
- name: SCOPE_SMTP_FROM
  value: {{ . | quote }}
{{- end }}
- name: SCOPE_SMTP_STARTTLS
  value: {{ $root.Values.smtp.starttls | default false | quote }}
{{- with $root.Values.smtp.secretName }}
- name: SCOPE_SMTP_USER
  valueFrom: {secretKeyRef: {name: {{ . }}, key: username}}
- name: SCOPE_SMTP_PASSWORD
  valueFrom: {secretKeyRef: {name: {{ . }}, key: password}}
{{- end }}
{{- else if or (eq .component "control") (eq .component "pipe") }}
# Other replicas reach this one directly (not through the Service) to hand over controls and pipes.
- name: POD_IP
  valueFrom: {fieldRef: {fieldPath: status.podIP}}
- name: SCOPE_ADVERTISE_URL
  value: "http://$(POD_IP):{{ .port }}"
{{- end }}
{{- end }}
