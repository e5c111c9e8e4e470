{{/*
Chart name, shortened to the 63 characters Kubernetes allows in names and label values.
*/}}
{{- define "coder-users.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Full name of the release's resources: the release name, followed by the chart name unless the
release name already contains it.
*/}}
{{- define "coder-users.fullname" -}}
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

{{/*
Selector labels. FROZEN: a Deployment's selector cannot change after it is created, so changing
these labels would make every `helm upgrade` of an existing release fail. Add labels to
"coder-users.labels" instead.
*/}}
{{- define "coder-users.selectorLabels" -}}
app.kubernetes.io/name: {{ include "coder-users.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/*
Labels of every resource of the chart.
*/}}
{{- define "coder-users.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "coder-users.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/component: api
app.kubernetes.io/part-of: coder
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/*
Name of the ServiceAccount the pods run as.
*/}}
{{- define "coder-users.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "coder-users.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
Name of the Secret holding the database settings: the user's, or the one the chart creates.
*/}}
{{- define "coder-users.databaseSecretName" -}}
{{- if .Values.database.existingSecret }}
{{- .Values.database.existingSecret }}
{{- else }}
{{- printf "%s-database" (include "coder-users.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}

{{/*
Name of the Secret holding the encryption keys of user secrets: the user's, the one the chart creates, or
empty when there is none.
*/}}
{{- define "coder-users.userSecretsKeySecretName" -}}
{{- if .Values.userSecrets.existingSecret }}
{{- .Values.userSecrets.existingSecret }}
{{- else if .Values.userSecrets.encryptionKeys }}
{{- printf "%s-user-secrets-key" (include "coder-users.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}

{{/*
Image reference; the tag defaults to the chart's appVersion.
*/}}
{{- define "coder-users.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}

{{/*
Stops the rendering, with a message saying what to set, when required values are missing or contradict
each other. Included by the Deployment: a fail stops the whole rendering, so no partial release is
ever applied.
*/}}
{{- define "coder-users.validate" -}}
{{- if not .Values.image.repository }}
{{- fail "image.repository is required: build the image with Dockerfile.native, push it to a registry your cluster can pull from, and set image.repository (and image.tag)." }}
{{- end }}
{{- $db := .Values.database }}
{{- if and $db.existingSecret (or $db.url $db.username $db.password) }}
{{- fail "database.existingSecret is set together with database.url, username or password: use either your own Secret (database.existingSecret) or the chart-created one (database.url, username, password), not both." }}
{{- end }}
{{- if not $db.existingSecret }}
{{- if not $db.url }}
{{- fail "coder-users needs a PostgreSQL database: set database.url, database.username and database.password (the chart stores them in a Secret), or database.existingSecret to the name of your own Secret holding the keys of database.secretKeys (jdbc-url, username, password)." }}
{{- end }}
{{- if not (hasPrefix "jdbc:postgresql:" $db.url) }}
{{- fail (printf "database.url must be a PostgreSQL JDBC URL such as jdbc:postgresql://postgres.example.com:5432/coder_users, got %q." $db.url) }}
{{- end }}
{{- if or (not $db.username) (not $db.password) }}
{{- fail "database.username and database.password are required with database.url. Pass the password at install time (--set database.password=...), or keep it out of Helm with database.existingSecret." }}
{{- end }}
{{- end }}
{{- if and .Values.userSecrets.existingSecret .Values.userSecrets.encryptionKeys }}
{{- fail "userSecrets.existingSecret is set together with userSecrets.encryptionKeys: use either your own Secret (userSecrets.existingSecret) or the chart-created one (userSecrets.encryptionKeys), not both." }}
{{- end }}
{{- if .Values.autoscaling.enabled }}
{{- if gt (int .Values.autoscaling.minReplicas) (int .Values.autoscaling.maxReplicas) }}
{{- fail (printf "autoscaling.minReplicas (%d) is greater than autoscaling.maxReplicas (%d)." (int .Values.autoscaling.minReplicas) (int .Values.autoscaling.maxReplicas)) }}
{{- end }}
{{- end }}
{{- if and .Values.tracing.enabled (not .Values.tracing.endpoint) }}
{{- fail "tracing.enabled needs tracing.endpoint: the OTLP endpoint of your collector, e.g. http://otel-collector.monitoring:4317 (tracing.protocol grpc) or http://otel-collector.monitoring:4318 (http/protobuf)." }}
{{- end }}
{{- if .Values.podDisruptionBudget.enabled }}
{{- $replicas := ternary .Values.autoscaling.minReplicas .Values.replicaCount .Values.autoscaling.enabled }}
{{- if lt (int $replicas) 2 }}
{{- fail "podDisruptionBudget.enabled needs at least two replicas: with one, the budget would block every node drain. Raise replicaCount (or autoscaling.minReplicas) to 2 or more, or disable the budget." }}
{{- end }}
{{- end }}
{{- end }}

{{/*
PromQL label matchers of this release's series: metrics.prometheusRule.selector, or what the ServiceMonitor's
scrapes carry.
*/}}
{{- define "coder-users.metricsSelector" -}}
{{- default (printf "namespace=%q,job=%q" .Release.Namespace (include "coder-users.fullname" .)) .Values.metrics.prometheusRule.selector }}
{{- end }}
