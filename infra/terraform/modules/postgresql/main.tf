# The portal's database: PostgreSQL from Bitnami's chart in the portal's namespace, with a generated password,
# or (var.external set) a managed PostgreSQL whose password is given. Either way the password ends up in one
# Secret the portal reads, so the portal's configuration is the same in both cases.

locals {
  in_cluster = var.external == null
  ssl_mode   = coalesce(var.ssl_mode, local.in_cluster ? "prefer" : "require")
}

resource "random_password" "database" {
  count = local.in_cluster ? 1 : 0

  length  = 32
  special = false
}

resource "kubernetes_secret_v1" "password" {
  metadata {
    name      = var.password_secret_name
    namespace = var.namespace
    labels = {
      "app.kubernetes.io/part-of"    = "paved"
      "app.kubernetes.io/managed-by" = "terraform"
    }
  }

  type = "Opaque"
  data = {
    password = local.in_cluster ? random_password.database[0].result : var.external_password
  }

  lifecycle {
    precondition {
      condition     = local.in_cluster || var.external_password != null
      error_message = "external_password must be set when external is (export TF_VAR_... rather than writing it down)."
    }
  }
}

resource "helm_release" "postgresql" {
  count = local.in_cluster ? 1 : 0

  name       = var.release_name
  repository = "oci://registry-1.docker.io/bitnamicharts"
  chart      = "postgresql"
  version    = var.chart_version
  namespace  = var.namespace
  wait       = true
  timeout    = 600

  values = concat(
    [yamlencode({
      fullnameOverride = var.release_name
      auth = {
        # only the portal's user: the password comes from the Secret above, never from the values
        enablePostgresUser = false
        username           = var.username
        database           = var.database
        existingSecret     = kubernetes_secret_v1.password.metadata[0].name
        secretKeys = {
          userPasswordKey = "password"
        }
      }
      primary = {
        resourcesPreset = "small"
        persistence = {
          size = var.storage_size
          # "" is the cluster's default class to the chart (coalesce would refuse an all-empty list)
          storageClass = var.storage_class == null ? "" : var.storage_class
        }
      }
    })],
    # a second document, which Helm merges in: Bitnami's charts refuse images other than their own unless told to
    var.image == null ? [] : [yamlencode({
      image  = var.image
      global = { security = { allowInsecureImages = true } }
    })],
  )
}
