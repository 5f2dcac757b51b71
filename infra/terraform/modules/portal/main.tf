# The portal from its chart in this repository. The values follow the chart's contract (infra/helm/paved/values.yaml);
# every credential stays in a Secret the values only name.

locals {
  # a variable's default cannot refer to path.module
  chart_path = coalesce(var.chart_path, "${path.module}/../../../helm/paved")
  host       = regex("^https?://([^:/]+)", var.url)[0]

  values = {
    replicaCount = var.replicas
    image = {
      repository = var.image_repository
      tag        = var.image_tag
      digest     = var.image_digest
    }
    url = var.url
    database = {
      host           = var.database.host
      port           = var.database.port
      name           = var.database.name
      username       = var.database.username
      existingSecret = var.database.existing_secret
      passwordKey    = var.database.password_key
      sslMode        = var.database.ssl_mode
    }
    oidc = {
      issuerUri       = var.oidc.issuer_uri
      clientId        = var.oidc.client_id
      audience        = var.oidc.client_id
      existingSecret  = var.oidc.existing_secret
      clientSecretKey = var.oidc.client_secret_key
    }
    git = {
      embedded = {
        enabled = var.embedded_git
      }
      gitea = var.gitea == null ? {
        url            = ""
        existingSecret = ""
        tokenKey       = "token"
        } : {
        url            = var.gitea.url
        existingSecret = var.gitea.existing_secret
        tokenKey       = var.gitea.token_key
      }
      gitopsRepoUrl = var.gitops_repo_url
    }
    argocd = {
      instances = [for instance in var.argocd_instances : {
        name           = instance.name
        url            = instance.url
        existingSecret = instance.existing_secret
        tokenKey       = instance.token_key
        project        = instance.project
        namespace      = instance.namespace
        environments   = instance.environments
      }]
    }
    ingress = {
      enabled     = var.ingress_enabled
      className   = var.ingress_class_name
      host        = local.host
      annotations = var.ingress_annotations
      tls = {
        enabled    = var.ingress_tls_enabled
        secretName = var.ingress_tls_secret_name
      }
    }
    metrics = {
      serviceMonitor = {
        enabled = var.service_monitor_enabled
      }
    }
    autoscaling = {
      enabled = var.autoscaling_enabled
    }
    catalog = {
      locations = var.catalog_locations
    }
  }
}

resource "helm_release" "portal" {
  name      = var.release_name
  chart     = local.chart_path
  namespace = var.namespace
  wait      = true
  timeout   = 600

  values = concat([yamlencode(local.values)], var.extra_values)

  lifecycle {
    # checks across variables (a variable's own validation sees only itself before Terraform 1.9)
    precondition {
      condition     = var.allow_http || (startswith(var.url, "https://") && startswith(var.oidc.issuer_uri, "https://"))
      error_message = "url and oidc.issuer_uri must be https:// addresses; set allow_http only for a local trial."
    }
    precondition {
      condition     = !var.embedded_git || (var.replicas == 1 && !var.autoscaling_enabled)
      error_message = "embedded_git keeps repositories on one volume: run one replica without autoscaling, or use gitea."
    }
  }
}
