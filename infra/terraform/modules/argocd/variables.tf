variable "namespace" {
  type        = string
  description = "The namespace Argo CD is installed in (created when missing)."
  default     = "argocd"

  validation {
    condition     = can(regex("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$", var.namespace))
    error_message = "namespace must be a Kubernetes namespace name: lower-case letters, digits and dashes."
  }
}

variable "chart_version" {
  type        = string
  description = "The version of the argo-cd chart from https://argoproj.github.io/argo-helm, pinned: an upgrade is a reviewed change."
  default     = "9.1.4"

  validation {
    condition     = can(regex("^[0-9]+\\.[0-9]+\\.[0-9]+$", var.chart_version))
    error_message = "chart_version must be an exact chart version, such as 9.1.4."
  }
}

variable "hostname" {
  type        = string
  description = "The public hostname of Argo CD's web UI and API, such as argocd.example.com; null keeps Argo CD in the cluster (no ingress)."
  default     = null

  validation {
    condition     = var.hostname == null || can(regex("^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$", var.hostname))
    error_message = "hostname must be a DNS name in lower case, such as argocd.example.com."
  }
}

variable "ingress_class_name" {
  type        = string
  description = "The ingress class of the ingress made when hostname is set."
  default     = "nginx"
}

variable "ingress_annotations" {
  type        = map(string)
  description = "Further annotations of Argo CD's ingress, such as cert-manager.io/cluster-issuer."
  default     = {}
}

variable "extra_values" {
  type        = list(string)
  description = "Further YAML documents of Helm values for the argo-cd chart, applied after the module's own."
  default     = []
}

variable "project" {
  type        = string
  description = "The name of the AppProject the portal deploys applications into."
  default     = "paved"

  validation {
    condition     = can(regex("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$", var.project))
    error_message = "project must be lower-case letters, digits and dashes."
  }
}

variable "source_repos" {
  type        = list(string)
  description = "The Git repositories the project's applications may come from (Argo CD patterns, such as https://git.example.com/platform/*)."

  validation {
    condition     = length(var.source_repos) > 0 && !contains(var.source_repos, "*")
    error_message = "source_repos must list the allowed repositories; an empty list allows nothing and \"*\" allows any."
  }
}

variable "destination_server" {
  type        = string
  description = "The cluster the project's applications deploy to; the default is the cluster Argo CD runs in."
  default     = "https://kubernetes.default.svc"
}

variable "destination_namespace" {
  type        = string
  description = "The namespaces (an Argo CD pattern) the project's applications may deploy to, such as * or team-*."
  default     = "*"
}

variable "cluster_resource_whitelist" {
  type = list(object({
    group = string
    kind  = string
  }))
  description = "The cluster-scoped kinds the project's applications may create; namespaces, so applications can create their own."
  default     = [{ group = "", kind = "Namespace" }]
}

variable "account" {
  type        = string
  description = "The local Argo CD account the portal signs in as (apiKey capability only, no login)."
  default     = "paved"

  validation {
    condition     = can(regex("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$", var.account))
    error_message = "account must be lower-case letters, digits and dashes."
  }
}

variable "expires_in" {
  type        = string
  description = "How long the portal's API token is valid, as a Go duration in hours, minutes or seconds (such as 2160h for 90 days)."
  default     = "2160h"

  validation {
    condition     = can(regex("^[0-9]+[hms]$", var.expires_in))
    error_message = "expires_in must be a duration such as 2160h."
  }
}

variable "renew_before" {
  type        = string
  description = "A plan run within this time of the token's expiry replaces it (and the Secret); run Terraform at least this often."
  default     = "720h"

  validation {
    condition     = can(regex("^[0-9]+[hms]$", var.renew_before))
    error_message = "renew_before must be a duration such as 720h."
  }
}

variable "portal_namespace" {
  type        = string
  description = "The portal's namespace, where the Secret with the token is written."
}

variable "token_secret_name" {
  type        = string
  description = "The name of the Secret (in portal_namespace) that holds the portal's Argo CD token under the key token."
  default     = "paved-argocd"
}
