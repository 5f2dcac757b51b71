variable "domain" {
  type        = string
  description = "The DNS domain the platform is served under: the portal at paved.<domain>, Argo CD at argocd.<domain>."

  validation {
    condition     = can(regex("^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$", var.domain))
    error_message = "domain must be a DNS name in lower case, such as example.com."
  }
}

variable "kubeconfig_path" {
  type        = string
  description = "The kubeconfig file with the cluster to install into."
  default     = "~/.kube/config"
}

variable "kube_context" {
  type        = string
  description = "The kubeconfig context of the cluster; null uses the current context."
  default     = null
}

variable "portal_namespace" {
  type        = string
  description = "The namespace the portal, its database and its Secrets go into."
  default     = "paved"
}

variable "portal_image_tag" {
  type        = string
  description = "The portal release to run, such as 0.1.0."
  default     = "0.1.0"
}

variable "portal_replicas" {
  type        = number
  description = "How many portal pods run; more than one needs gitea_url."
  default     = 2
}

variable "ingress_class_name" {
  type        = string
  description = "The ingress class of the portal's and Argo CD's ingresses."
  default     = "nginx"
}

variable "cert_manager_cluster_issuer" {
  type        = string
  description = "A cert-manager ClusterIssuer that issues the ingresses' certificates; null when the TLS Secrets are provided otherwise."
  default     = null
}

variable "keycloak_url" {
  type        = string
  description = "Keycloak's public address; null means https://keycloak.<domain>."
  default     = null
}

variable "keycloak_admin_username" {
  type        = string
  description = "An administrator of Keycloak's master realm."
  default     = "admin"
}

variable "keycloak_admin_password" {
  type        = string
  description = "That administrator's password: export TF_VAR_keycloak_admin_password."
  sensitive   = true
}

variable "keycloak_realm" {
  type        = string
  description = "The realm the portal's users sign in to."
  default     = "paved"
}

variable "database_external" {
  type = object({
    host     = string
    port     = optional(number, 5432)
    database = string
    username = string
  })
  description = "A managed PostgreSQL for the portal; null installs PostgreSQL in the portal's namespace."
  default     = null
}

variable "database_external_password" {
  type        = string
  description = "The managed PostgreSQL user's password, when database_external is set: export TF_VAR_database_external_password."
  sensitive   = true
  default     = null
}

variable "database_ssl_mode" {
  type        = string
  description = "The JDBC sslmode (disable, prefer, require, verify-full); null means prefer in the cluster and require for a managed database."
  default     = null
}

variable "argocd_source_repos" {
  type        = list(string)
  description = "The Git repositories Argo CD may deploy from for the portal, such as [\"https://git.example.com/platform/*\"]."
}

variable "argocd_destination_namespace" {
  type        = string
  description = "The namespaces (an Argo CD pattern) the portal's applications may deploy to."
  default     = "*"
}

variable "argocd_server_addr" {
  type        = string
  description = "Where Terraform reaches Argo CD's API, host:port; null means argocd.<domain>:443."
  default     = null
}

variable "argocd_admin_username" {
  type        = string
  description = "The Argo CD account Terraform signs in with to create the portal's token."
  default     = "admin"
}

# null until Argo CD exists (see providers.tf): the first, targeted apply does not need it.
variable "argocd_admin_password" {
  type        = string
  description = "That account's password (the initial one is in the Secret argocd-initial-admin-secret): export TF_VAR_argocd_admin_password."
  sensitive   = true
  default     = null
}

variable "argocd_insecure" {
  type        = bool
  description = "Skip verifying Argo CD's TLS certificate (only through a port-forward to its self-signed certificate)."
  default     = false
}

variable "gitea_url" {
  type        = string
  description = "A Gitea the portal creates service repositories on, such as https://git.example.com; null for none."
  default     = null
}

variable "gitea_token" {
  type        = string
  description = "A Gitea API token for the portal, when gitea_url is set: export TF_VAR_gitea_token."
  sensitive   = true
  default     = null
}

variable "gitops_repo_url" {
  type        = string
  description = "The GitOps repository as the portal names it, such as gitea?owner=platform&repo=gitops; empty for none."
  default     = ""
}
