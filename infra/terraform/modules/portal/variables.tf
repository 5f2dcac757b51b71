variable "namespace" {
  type        = string
  description = "The namespace the portal is installed in (it must exist, with the Secrets the values name)."
}

variable "release_name" {
  type        = string
  description = "The Helm release name."
  default     = "paved"
}

variable "chart_path" {
  type        = string
  description = "The portal's chart; null uses the one in this repository, infra/helm/paved."
  default     = null
}

variable "replicas" {
  type        = number
  description = "How many portal pods run (more than one needs an external Git host: gitea)."
  default     = 2

  validation {
    condition     = var.replicas >= 1 && floor(var.replicas) == var.replicas
    error_message = "replicas must be a whole number of at least 1."
  }
}

variable "image_repository" {
  type        = string
  description = "The portal's container image, without tag."
  default     = "ghcr.io/paved-dev/paved"
}

variable "image_tag" {
  type        = string
  description = "The portal's image tag, a release such as 0.1.0."

  validation {
    condition     = can(regex("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$", var.image_tag)) && var.image_tag != "latest"
    error_message = "image_tag must be a release tag (not latest)."
  }
}

variable "image_digest" {
  type        = string
  description = "The image's digest (sha256:...), which takes precedence over the tag; empty for none."
  default     = ""

  validation {
    condition     = var.image_digest == "" || can(regex("^sha256:[a-f0-9]{64}$", var.image_digest))
    error_message = "image_digest must be empty or sha256: followed by 64 hexadecimal digits."
  }
}

variable "url" {
  type        = string
  description = "The address people open, such as https://paved.example.com: its host is the ingress host."

  validation {
    condition     = can(regex("^https?://([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*(:[0-9]{1,5})?$", var.url))
    error_message = "url must be http(s):// and a lower-case host name (and port), without a path or trailing slash."
  }
}

variable "allow_http" {
  type        = bool
  description = "Allow http:// addresses for url and the OIDC issuer (a local trial only: sign-in over plain HTTP exposes sessions)."
  default     = false
}

variable "database" {
  type = object({
    host            = string
    port            = number
    name            = string
    username        = string
    existing_secret = string
    password_key    = optional(string, "password")
    ssl_mode        = optional(string, "prefer")
  })
  description = "The PostgreSQL the portal uses; the password comes from the Secret existing_secret (key password_key)."

  validation {
    condition = (
      can(regex("^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$", var.database.host))
      && var.database.port >= 1 && var.database.port <= 65535
      && contains(["disable", "prefer", "require", "verify-full"], var.database.ssl_mode)
    )
    error_message = "database needs a host name, a port from 1 to 65535 and an ssl_mode of disable, prefer, require or verify-full."
  }
}

variable "oidc" {
  type = object({
    issuer_uri        = string
    client_id         = string
    existing_secret   = string
    client_secret_key = optional(string, "client-secret")
  })
  description = "The OpenID Connect issuer (a Keycloak realm) and the portal's confidential client; the client secret comes from the Secret existing_secret."

  validation {
    condition     = can(regex("^https?://[^/?#]+(/[^?#]*[^/?#])?$", var.oidc.issuer_uri))
    error_message = "oidc.issuer_uri must be an http(s) address without a trailing slash, such as https://keycloak.example.com/realms/paved."
  }
}

variable "gitea" {
  type = object({
    url             = string
    existing_secret = string
    token_key       = optional(string, "token")
  })
  description = "A Gitea the portal creates service repositories on, its token in the Secret existing_secret; null for none."
  default     = null
}

variable "gitops_repo_url" {
  type        = string
  description = "The GitOps repository as the portal names it, host?owner=o&repo=r (such as gitea?owner=platform&repo=gitops); empty for none."
  default     = ""
}

variable "embedded_git" {
  type        = bool
  description = "Run the portal's own Git server (a single replica only: its repositories live on one volume)."
  default     = false
}

variable "argocd_instances" {
  type = list(object({
    name            = string
    url             = string
    existing_secret = string
    token_key       = optional(string, "token")
    project         = optional(string, "")
    namespace       = optional(string, "argocd")
    environments    = optional(list(string), [])
  }))
  description = "The Argo CD instances the portal deploys with, each token from the Secret existing_secret; environments empty for all."
  default     = []

  validation {
    condition     = alltrue([for instance in var.argocd_instances : can(regex("^[a-z0-9]([a-z0-9-]{0,30}[a-z0-9])?$", instance.name)) && can(regex("^https?://", instance.url))])
    error_message = "each Argo CD instance needs a name of lower-case letters, digits and dashes, and an http(s) url."
  }
}

variable "ingress_enabled" {
  type        = bool
  description = "Make an ingress for the url's host."
  default     = true
}

variable "ingress_class_name" {
  type        = string
  description = "The ingress class."
  default     = "nginx"
}

variable "ingress_annotations" {
  type        = map(string)
  description = "Further annotations of the ingress, such as cert-manager.io/cluster-issuer."
  default     = {}
}

variable "ingress_tls_enabled" {
  type        = bool
  description = "Serve the ingress over TLS with the certificate in ingress_tls_secret_name."
  default     = true
}

variable "ingress_tls_secret_name" {
  type        = string
  description = "The TLS Secret of the ingress (made by cert-manager, say)."
  default     = "paved-tls"
}

variable "service_monitor_enabled" {
  type        = bool
  description = "Make a Prometheus Operator ServiceMonitor for the portal's metrics."
  default     = false
}

variable "autoscaling_enabled" {
  type        = bool
  description = "Scale the portal on CPU with a HorizontalPodAutoscaler (not with embedded_git)."
  default     = false
}

variable "catalog_locations" {
  type = list(object({
    type   = string
    target = string
  }))
  description = "Catalog locations read at start and kept, such as { type = \"git\", target = \"https://git.example.com/org/catalog.git\" }."
  default     = []
}

variable "extra_values" {
  type        = list(string)
  description = "Further YAML documents of Helm values for the portal's chart, applied after the module's own."
  default     = []
}
