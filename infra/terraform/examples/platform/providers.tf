# Every provider is configured from variables; credentials come from TF_VAR_... environment variables, never from
# files in the repository.

provider "kubernetes" {
  config_path    = var.kubeconfig_path
  config_context = var.kube_context
}

provider "helm" {
  kubernetes = {
    config_path    = var.kubeconfig_path
    config_context = var.kube_context
  }
}

# An administrator of the master realm (admin-cli is Keycloak's client for administration with a password).
provider "keycloak" {
  url       = local.keycloak_url
  realm     = "master"
  client_id = "admin-cli"
  username  = var.keycloak_admin_username
  password  = var.keycloak_admin_password
}

# The Argo CD this configuration installs. It exists only after the first apply, so a new cluster takes two:
#   terraform apply -target=module.argocd.helm_release.argocd
#   export TF_VAR_argocd_admin_password="$(kubectl -n argocd get secret argocd-initial-admin-secret \
#     -o jsonpath='{.data.password}' | base64 -d)"
#   terraform apply
# (The first also installs the AppProject CRD that kubernetes_manifest needs at plan time.) Until argocd.<domain>
# resolves, kubectl -n argocd port-forward svc/argocd-server 8443:443 with argocd_server_addr = "localhost:8443"
# and argocd_insecure = true reaches it.
provider "argocd" {
  server_addr = local.argocd_server_addr
  username    = var.argocd_admin_username
  password    = var.argocd_admin_password
  insecure    = var.argocd_insecure
  grpc_web    = true
}
