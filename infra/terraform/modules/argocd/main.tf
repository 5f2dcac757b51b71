# Argo CD from its Helm chart, the AppProject the portal deploys into, and an API token for the portal's own
# local account, written into a Secret in the portal's namespace.
#
# The argocd provider talks to the Argo CD API, so argocd_account_token needs the server this module installs:
# on a new cluster apply helm_release.argocd first (-target), then the rest. kubernetes_manifest also needs
# Argo CD's CRDs at plan time, which that first apply installs as well.

locals {
  in_cluster_url = "https://argocd-server.${var.namespace}.svc.cluster.local"
  public_url     = var.hostname == null ? null : "https://${var.hostname}"

  # A role for the portal's account, limited to the project: what the README says the portal needs (applications
  # get/create/update/delete/sync/action, logs get) and reading the project itself.
  portal_role = "role:${var.account}-portal"
  policy_csv = join("\n", concat(
    [for action in ["get", "create", "update", "delete", "sync", "action/*"] :
    "p, ${local.portal_role}, applications, ${action}, ${var.project}/*, allow"],
    [
      "p, ${local.portal_role}, logs, get, ${var.project}/*, allow",
      "p, ${local.portal_role}, projects, get, ${var.project}, allow",
      "g, ${var.account}, ${local.portal_role}",
    ],
  ))

  # argocd-server serves TLS itself (a self-signed certificate unless argocd-server-tls is provided), so an
  # NGINX ingress talks HTTPS to it.
  nginx_annotations = var.ingress_class_name == "nginx" ? {
    "nginx.ingress.kubernetes.io/backend-protocol"   = "HTTPS"
    "nginx.ingress.kubernetes.io/force-ssl-redirect" = "true"
  } : {}

  values = {
    global = {
      domain = coalesce(var.hostname, "argocd-server.${var.namespace}.svc.cluster.local")
    }
    configs = {
      cm = {
        # apiKey only: the account gets tokens, and cannot sign in to the UI
        ("accounts.${var.account}") = "apiKey"
      }
      rbac = {
        "policy.default" = ""
        "policy.csv"     = local.policy_csv
      }
    }
    server = {
      ingress = {
        enabled          = var.hostname != null
        ingressClassName = var.ingress_class_name
        annotations      = merge(local.nginx_annotations, var.ingress_annotations)
        tls              = true
      }
    }
  }
}

resource "helm_release" "argocd" {
  name             = "argocd"
  repository       = "https://argoproj.github.io/argo-helm"
  chart            = "argo-cd"
  version          = var.chart_version
  namespace        = var.namespace
  create_namespace = true
  wait             = true
  timeout          = 600

  values = concat([yamlencode(local.values)], var.extra_values)
}

resource "kubernetes_manifest" "project" {
  manifest = {
    apiVersion = "argoproj.io/v1alpha1"
    kind       = "AppProject"
    metadata = {
      name      = var.project
      namespace = var.namespace
    }
    spec = {
      description = "Applications the Paved portal creates and operates"
      sourceRepos = var.source_repos
      destinations = [{
        server    = var.destination_server
        namespace = var.destination_namespace
      }]
      clusterResourceWhitelist = var.cluster_resource_whitelist
    }
  }

  depends_on = [helm_release.argocd]
}

resource "argocd_account_token" "portal" {
  account      = var.account
  expires_in   = var.expires_in
  renew_before = var.renew_before

  # the account exists once the chart's argocd-cm lists it
  depends_on = [helm_release.argocd]
}

resource "kubernetes_secret_v1" "token" {
  metadata {
    name      = var.token_secret_name
    namespace = var.portal_namespace
    labels = {
      "app.kubernetes.io/part-of"    = "paved"
      "app.kubernetes.io/managed-by" = "terraform"
    }
  }

  type = "Opaque"
  data = {
    token = argocd_account_token.portal.jwt
  }
}
