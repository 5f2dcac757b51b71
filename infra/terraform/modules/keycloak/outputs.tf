output "issuer_uri" {
  description = "The realm's OpenID Connect issuer, <keycloak_url>/realms/<realm>."
  value       = "${var.keycloak_url}/realms/${keycloak_realm.paved.realm}"
}

output "client_id" {
  description = "The portal's OpenID Connect client id."
  value       = keycloak_openid_client.portal.client_id
}

output "client_secret_name" {
  description = "The Secret (in the portal's namespace) holding the client's secret under the key client-secret."
  value       = kubernetes_secret_v1.client.metadata[0].name
}
