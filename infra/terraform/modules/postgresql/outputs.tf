output "host" {
  description = "The database's host: the in-cluster Service's name, or the external host."
  value       = local.in_cluster ? "${helm_release.postgresql[0].name}.${var.namespace}.svc.cluster.local" : var.external.host
}

output "port" {
  description = "The database's port."
  value       = local.in_cluster ? 5432 : var.external.port
}

output "database" {
  description = "The portal's database."
  value       = local.in_cluster ? var.database : var.external.database
}

output "username" {
  description = "The user the portal signs in as."
  value       = local.in_cluster ? var.username : var.external.username
}

output "password_secret_name" {
  description = "The Secret (in the portal's namespace) holding the user's password under the key password."
  value       = kubernetes_secret_v1.password.metadata[0].name
}

output "ssl_mode" {
  description = "The JDBC sslmode the portal connects with."
  value       = local.ssl_mode
}
