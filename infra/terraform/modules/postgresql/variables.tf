variable "namespace" {
  type        = string
  description = "The portal's namespace: the in-cluster PostgreSQL runs there, and the Secret with the password is written there."
}

variable "password_secret_name" {
  type        = string
  description = "The name of the Secret that holds the database password under the key password (the in-cluster PostgreSQL reads it too)."
  default     = "paved-database"
}

variable "external" {
  type = object({
    host     = string
    port     = optional(number, 5432)
    database = string
    username = string
  })
  description = "A managed PostgreSQL to use instead of installing one; null (the default) installs PostgreSQL in the cluster."
  default     = null

  validation {
    # a conditional rather than ||, which may evaluate both sides while var.external is null
    condition = var.external == null ? true : (
      can(regex("^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$", var.external.host))
      && var.external.port >= 1 && var.external.port <= 65535
      && length(var.external.database) > 0 && length(var.external.username) > 0
    )
    error_message = "external needs a host name or address, a port from 1 to 65535, a database and a username."
  }
}

# An optional secret: null is its only default, so nothing secret ever sits in the configuration.
variable "external_password" {
  type        = string
  description = "The password of the external database's user; required when external is set, unused otherwise."
  sensitive   = true
  default     = null
}

variable "ssl_mode" {
  type        = string
  description = "The JDBC sslmode the portal connects with: disable, prefer, require or verify-full; null means prefer in the cluster and require for an external database."
  default     = null

  validation {
    condition     = contains(["disable", "prefer", "require", "verify-full"], coalesce(var.ssl_mode, "prefer"))
    error_message = "ssl_mode must be one of disable, prefer, require, verify-full."
  }
}

variable "release_name" {
  type        = string
  description = "The Helm release (and Service) name of the in-cluster PostgreSQL."
  default     = "paved-postgresql"
}

variable "chart_version" {
  type        = string
  description = "The version of Bitnami's postgresql chart (oci://registry-1.docker.io/bitnamicharts), pinned."
  default     = "16.7.18"

  validation {
    condition     = can(regex("^[0-9]+\\.[0-9]+\\.[0-9]+$", var.chart_version))
    error_message = "chart_version must be an exact chart version, such as 16.7.18."
  }
}

variable "database" {
  type        = string
  description = "The database the in-cluster PostgreSQL creates for the portal."
  default     = "paved"
}

variable "username" {
  type        = string
  description = "The user the in-cluster PostgreSQL creates for the portal (owner of its database)."
  default     = "paved"
}

variable "storage_size" {
  type        = string
  description = "The size of the in-cluster PostgreSQL's volume."
  default     = "8Gi"
}

variable "storage_class" {
  type        = string
  description = "The storage class of the in-cluster PostgreSQL's volume; null uses the cluster's default."
  default     = null
}

variable "image" {
  type = object({
    registry   = string
    repository = string
    tag        = string
  })
  description = "Another PostgreSQL image for the chart (such as a mirror, or docker.io bitnamilegacy/postgresql); null keeps the chart's."
  default     = null
}
