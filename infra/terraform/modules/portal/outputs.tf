output "url" {
  description = "The portal's address."
  value       = var.url
}

output "release_name" {
  description = "The portal's Helm release."
  value       = helm_release.portal.name
}
