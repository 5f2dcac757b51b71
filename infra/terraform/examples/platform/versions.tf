terraform {
  required_version = ">= 1.6.0"

  required_providers {
    argocd = {
      source  = "argoproj-labs/argocd"
      version = "~> 7.12"
    }
    helm = {
      source  = "hashicorp/helm"
      version = "~> 3.1"
    }
    keycloak = {
      source  = "keycloak/keycloak"
      version = "~> 5.5"
    }
    kubernetes = {
      source  = "hashicorp/kubernetes"
      version = "~> 3.0"
    }
    random = {
      source  = "hashicorp/random"
      version = "~> 3.7"
    }
  }
}
