variable "keycloak_url" {
  type        = string
  description = "Keycloak's public address, such as https://keycloak.example.com (the issuer is <keycloak_url>/realms/<realm>)."

  validation {
    condition     = can(regex("^https?://[^/?#]+(/[^?#]*[^/?#])?$", var.keycloak_url))
    error_message = "keycloak_url must be an http(s) address without a trailing slash, query or fragment."
  }
}

variable "realm" {
  type        = string
  description = "The name of the realm the portal's users sign in to."
  default     = "paved"

  validation {
    condition     = can(regex("^[A-Za-z0-9_-]+$", var.realm))
    error_message = "realm must be letters, digits, dashes and underscores."
  }
}

variable "realm_display_name" {
  type        = string
  description = "The realm's name on Keycloak's sign-in page."
  default     = "Paved"
}

variable "portal_url" {
  type        = string
  description = "The portal's public address, such as https://paved.example.com: sign-in and sign-out redirects and web origins."

  validation {
    condition     = can(regex("^https?://[^/?#]+$", var.portal_url))
    error_message = "portal_url must be the scheme and host (and port) only, such as https://paved.example.com."
  }
}

variable "client_id" {
  type        = string
  description = "The portal's OpenID Connect client (also the audience its tokens carry)."
  default     = "paved"
}

variable "roles" {
  type        = map(string)
  description = "The portal's realm roles, name to description; the portal knows developer, platform-engineer and admin."
  default = {
    "developer"         = "Browses the catalog; scaffolds and operates what their groups own"
    "platform-engineer" = "Manages golden paths and catalog locations; operates everything"
    "admin"             = "Everything a platform engineer does, and the portal's settings"
  }
}

variable "groups" {
  type        = map(list(string))
  description = "Groups to create, name to the realm roles its members get (each listed in roles); groups are the teams that own services."
  default = {
    "platform"      = ["platform-engineer"]
    "team-payments" = ["developer"]
    "team-search"   = ["developer"]
  }

  validation {
    condition     = alltrue([for name in keys(var.groups) : can(regex("^[a-z0-9]([a-z0-9-]*[a-z0-9])?$", name))])
    error_message = "group names must be lower-case letters, digits and dashes, such as team-payments."
  }
}

variable "namespace" {
  type        = string
  description = "The portal's namespace, where the Secret with the client secret is written."
}

variable "client_secret_name" {
  type        = string
  description = "The name of the Secret (in namespace) that holds the client's secret under the key client-secret."
  default     = "paved-oidc"
}
