# An installation of Paved and what it needs on one cluster: PostgreSQL (in the cluster unless a managed one is
# given), a Keycloak realm and client (Keycloak itself runs elsewhere), Argo CD with the portal's project and
# token, and the portal, wired to the Secrets the other modules write. See providers.tf for the first apply.

locals {
  portal_url         = "https://paved.${var.domain}"
  argocd_hostname    = "argocd.${var.domain}"
  keycloak_url       = coalesce(var.keycloak_url, "https://keycloak.${var.domain}")
  argocd_server_addr = coalesce(var.argocd_server_addr, "${local.argocd_hostname}:443")

  ingress_annotations = var.cert_manager_cluster_issuer == null ? {} : {
    "cert-manager.io/cluster-issuer" = var.cert_manager_cluster_issuer
  }
}

resource "kubernetes_namespace_v1" "portal" {
  metadata {
    name = var.portal_namespace
    labels = {
      "app.kubernetes.io/part-of" = "paved"
    }
  }
}

module "postgresql" {
  source = "../../modules/postgresql"

  namespace         = kubernetes_namespace_v1.portal.metadata[0].name
  external          = var.database_external
  external_password = var.database_external_password
  ssl_mode          = var.database_ssl_mode
}

module "keycloak" {
  source = "../../modules/keycloak"

  keycloak_url = local.keycloak_url
  realm        = var.keycloak_realm
  portal_url   = local.portal_url
  namespace    = kubernetes_namespace_v1.portal.metadata[0].name
}

module "argocd" {
  source = "../../modules/argocd"

  hostname              = local.argocd_hostname
  ingress_class_name    = var.ingress_class_name
  ingress_annotations   = local.ingress_annotations
  source_repos          = var.argocd_source_repos
  destination_namespace = var.argocd_destination_namespace
  portal_namespace      = kubernetes_namespace_v1.portal.metadata[0].name
}

resource "kubernetes_secret_v1" "gitea" {
  count = var.gitea_url == null ? 0 : 1

  metadata {
    name      = "paved-gitea"
    namespace = kubernetes_namespace_v1.portal.metadata[0].name
  }

  type = "Opaque"
  data = {
    token = var.gitea_token
  }

  lifecycle {
    precondition {
      condition     = var.gitea_token != null
      error_message = "gitea_url needs gitea_token (export TF_VAR_gitea_token)."
    }
  }
}

module "portal" {
  source = "../../modules/portal"

  namespace = kubernetes_namespace_v1.portal.metadata[0].name
  url       = local.portal_url
  # without a Git host the portal keeps repositories itself, on one volume: one replica then
  replicas     = var.gitea_url == null ? 1 : var.portal_replicas
  embedded_git = var.gitea_url == null
  image_tag    = var.portal_image_tag

  database = {
    host            = module.postgresql.host
    port            = module.postgresql.port
    name            = module.postgresql.database
    username        = module.postgresql.username
    existing_secret = module.postgresql.password_secret_name
    ssl_mode        = module.postgresql.ssl_mode
  }

  oidc = {
    issuer_uri      = module.keycloak.issuer_uri
    client_id       = module.keycloak.client_id
    existing_secret = module.keycloak.client_secret_name
  }

  gitea = var.gitea_url == null ? null : {
    url             = var.gitea_url
    existing_secret = kubernetes_secret_v1.gitea[0].metadata[0].name
    token_key       = "token"
  }
  gitops_repo_url = var.gitops_repo_url

  argocd_instances = [{
    name = "prod"
    # the public address: its certificate is the ingress's, which the portal trusts (argocd-server's own
    # in-cluster certificate is self-signed)
    url             = module.argocd.public_url
    existing_secret = module.argocd.token_secret_name
    project         = module.argocd.project
    namespace       = module.argocd.namespace
  }]

  ingress_class_name  = var.ingress_class_name
  ingress_annotations = local.ingress_annotations
}
