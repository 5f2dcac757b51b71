output "url" {
  description = "Argo CD's address inside the cluster, https://argocd-server.<namespace>.svc.cluster.local (TLS with Argo CD's own certificate)."
  value       = local.in_cluster_url
}

output "public_url" {
  description = "Argo CD's public address, https://<hostname>; null when no hostname is set."
  value       = local.public_url
}

output "namespace" {
  description = "The namespace Argo CD runs in and keeps its applications in."
  value       = helm_release.argocd.namespace
}

output "project" {
  description = "The name of the AppProject the portal deploys into."
  value       = kubernetes_manifest.project.manifest.metadata.name
}

output "token_secret_name" {
  description = "The Secret (in the portal's namespace) holding the portal's Argo CD API token under the key token."
  value       = kubernetes_secret_v1.token.metadata[0].name
}
