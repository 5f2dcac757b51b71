output "portal_url" {
  description = "Where people open the portal."
  value       = module.portal.url
}

output "argocd_url" {
  description = "Argo CD's public address (the portal itself talks to it inside the cluster)."
  value       = coalesce(module.argocd.public_url, module.argocd.url)
}

output "keycloak_issuer_uri" {
  description = "The realm's OpenID Connect issuer the portal signs people in with."
  value       = module.keycloak.issuer_uri
}
