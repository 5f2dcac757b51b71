{{/* The chart's name, overridable so two charts can share a release name. */}}
{{- define "paved.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
The objects' name: the release name when it already contains the chart's name (a release called "paved"
gives "paved", not "paved-paved"). 63 characters is the limit for labels and Service names.
*/}}
{{- define "paved.fullname" -}}
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

{{- define "paved.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Selector labels never change after install (a Deployment's selector is immutable). */}}
{{- define "paved.selectorLabels" -}}
app.kubernetes.io/name: {{ include "paved.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "paved.labels" -}}
helm.sh/chart: {{ include "paved.chart" . }}
{{ include "paved.selectorLabels" . }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | quote }}
app.kubernetes.io/component: portal
app.kubernetes.io/part-of: paved
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "paved.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "paved.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* A digest pins the exact image a tag pointed to when it was reviewed, so it wins over the tag. */}}
{{- define "paved.image" -}}
{{- $repository := required "image.repository is empty: set the portal's image, such as ghcr.io/paved-dev/paved" .Values.image.repository }}
{{- with .Values.image.digest }}
{{- if not (hasPrefix "sha256:" .) }}
{{- fail (printf "image.digest %q is not a digest: set it to sha256:<64 hex digits>, or leave it empty and set image.tag" .) }}
{{- end }}
{{- printf "%s@%s" $repository . }}
{{- else }}
{{- printf "%s:%s" $repository (.Values.image.tag | default .Chart.AppVersion) }}
{{- end }}
{{- end }}

{{/* The portal's address without a trailing slash, to append paths to. */}}
{{- define "paved.url" -}}
{{- required "url is empty: set the address people open the portal at, such as https://paved.acme.com" .Values.url | trimSuffix "/" }}
{{- end }}

{{- define "paved.dataClaimName" -}}
{{- default (printf "%s-git" (include "paved.fullname" .)) .Values.git.embedded.persistence.existingClaim }}
{{- end }}

{{/* More than one pod at a time, now or once the autoscaler adds some. */}}
{{- define "paved.multipleReplicas" -}}
{{- if or .Values.autoscaling.enabled (gt (int .Values.replicaCount) 1) }}true{{ end }}
{{- end }}

{{/*
Settings that would give a portal that starts but misbehaves are refused at render time, naming the
value to set: Helm and Argo CD show this message, while the pod would only show a crash loop.
*/}}
{{- define "paved.validate" -}}
{{- if and (not .Values.git.embedded.enabled) (not .Values.git.gitea.url) }}
{{- fail "no Git host: set git.gitea.url (and git.gitea.existingSecret) for the repositories the portal creates, or git.embedded.enabled: true for the portal's own Git server (one replica)" }}
{{- end }}
{{- if and .Values.git.embedded.enabled (include "paved.multipleReplicas" .) }}
{{- fail "git.embedded.enabled with more than one replica (replicaCount > 1 or autoscaling.enabled): the embedded Git server keeps repositories on one volume; connect a Git host (git.gitea) for more replicas, or set replicaCount: 1 and autoscaling.enabled: false" }}
{{- end }}
{{- $_ := required "database.host is empty: set the PostgreSQL host the portal keeps its data in" .Values.database.host }}
{{- $_ = required "database.name is empty: set the PostgreSQL database's name" .Values.database.name }}
{{- $_ = required "database.username is empty: set the PostgreSQL user" .Values.database.username }}
{{- $_ = required "database.existingSecret is empty: set the name of the Secret holding the PostgreSQL password (key database.passwordKey)" .Values.database.existingSecret }}
{{- $_ = required "oidc.issuerUri is empty: set the Keycloak realm's issuer, such as https://keycloak.acme.com/realms/paved" .Values.oidc.issuerUri }}
{{- $_ = required "oidc.existingSecret is empty: set the name of the Secret holding the OIDC client secret (key oidc.clientSecretKey)" .Values.oidc.existingSecret }}
{{- if and .Values.git.gitea.url (not .Values.git.gitea.existingSecret) }}
{{- fail "git.gitea.existingSecret is empty while git.gitea.url is set: set the name of the Secret holding the Gitea token (key git.gitea.tokenKey)" }}
{{- end }}
{{- $names := list }}
{{- range $i, $instance := .Values.argocd.instances }}
{{- $name := get $instance "name" | default "" }}
{{- if not (regexMatch "^[a-z0-9]([a-z0-9-]*[a-z0-9])?$" $name) }}
{{- fail (printf "argocd.instances[%d].name %q is not a name: set lower-case letters, digits and dashes, such as prod" $i $name) }}
{{- end }}
{{- if has $name $names }}
{{- fail (printf "argocd.instances[%d].name %q is used twice: give each Argo CD instance its own name" $i $name) }}
{{- end }}
{{- $names = append $names $name }}
{{- if not (get $instance "url") }}
{{- fail (printf "argocd.instances[%d].url is empty (instance %s): set the Argo CD server's address, such as https://argocd-server.argocd.svc.cluster.local" $i $name) }}
{{- end }}
{{- if not (get $instance "existingSecret") }}
{{- fail (printf "argocd.instances[%d].existingSecret is empty (instance %s): set the name of the Secret holding its API token (key tokenKey)" $i $name) }}
{{- end }}
{{- end }}
{{- end }}

{{/*
The portal's non-secret settings, as one application.yaml. Secrets stay in environment variables from
Secrets; the Argo CD tokens are referenced here as placeholders Spring resolves from them.
*/}}
{{- define "paved.config" -}}
{{- $instances := dict }}
{{- range $i, $instance := .Values.argocd.instances }}
{{- $settings := dict "url" $instance.url "token" (printf "${PAVED_ARGOCD_TOKEN_%d}" $i) "namespace" (get $instance "namespace" | default "argocd") }}
{{- with get $instance "project" }}{{ $_ := set $settings "project" . }}{{ end }}
{{- with get $instance "environments" }}{{ $_ := set $settings "environments" . }}{{ end }}
{{- $_ := set $instances $instance.name $settings }}
{{- end }}
{{- $argocd := dict "destination-namespace" .Values.argocd.destinationNamespace }}
{{- if $instances }}{{ $_ := set $argocd "instances" $instances }}{{ end }}
{{- $catalogGit := dict "cache-dir" "/data/git-cache" "allowed-hosts" (.Values.catalog.allowedHosts | default list) }}
{{- /* an empty list still replaces the image's default location (a folder that only exists in a checkout) */}}
{{- $catalog := dict "locations" (.Values.catalog.locations | default list) "refresh-interval" .Values.catalog.refreshInterval "git" $catalogGit }}
{{- $paved := dict "plugins" (dict "argocd" $argocd) "catalog" $catalog "git" (dict "embedded" (dict "root" "/data/git")) }}
{{- $config := dict "paved" $paved "server" (dict "forward-headers-strategy" "framework") }}
{{- toYaml (mergeOverwrite $config (deepCopy .Values.extraConfig)) }}
{{- end }}
