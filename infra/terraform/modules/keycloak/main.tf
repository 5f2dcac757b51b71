# The portal's realm in Keycloak: roles, groups with their roles, and the portal's confidential client with the
# claims the portal reads (roles, groups, and itself as audience). Keycloak generates the client secret, which is
# written into a Secret in the portal's namespace. The same realm as infra/keycloak/paved-realm.json, without
# users and with the production redirect addresses.

resource "keycloak_realm" "paved" {
  realm        = var.realm
  enabled      = true
  display_name = var.realm_display_name

  ssl_required             = "external"
  registration_allowed     = false
  login_with_email_allowed = true
  duplicate_emails_allowed = false
  reset_password_allowed   = false

  access_token_lifespan    = "5m"
  sso_session_idle_timeout = "30m"
  sso_session_max_lifespan = "10h"

  # on, with Keycloak's default thresholds (bruteForceProtected in the realm file)
  security_defenses {
    brute_force_detection {
      permanent_lockout  = false
      max_login_failures = 30
    }
  }
}

resource "keycloak_role" "realm" {
  for_each = var.roles

  realm_id    = keycloak_realm.paved.id
  name        = each.key
  description = each.value
}

resource "keycloak_group" "team" {
  for_each = var.groups

  realm_id = keycloak_realm.paved.id
  name     = each.key
}

resource "keycloak_group_roles" "team" {
  for_each = var.groups

  realm_id = keycloak_realm.paved.id
  group_id = keycloak_group.team[each.key].id
  # a role missing from var.roles fails here, naming the key
  role_ids = [for role in each.value : keycloak_role.realm[role].id]
}

resource "keycloak_openid_client" "portal" {
  realm_id    = keycloak_realm.paved.id
  client_id   = var.client_id
  name        = "Paved"
  description = "The Paved developer portal: sign-in for people (authorization code) and the REST API's bearer tokens"
  enabled     = true

  access_type                  = "CONFIDENTIAL"
  standard_flow_enabled        = true
  implicit_flow_enabled        = false
  direct_access_grants_enabled = false
  service_accounts_enabled     = false
  pkce_code_challenge_method   = "S256"

  valid_redirect_uris             = ["${var.portal_url}/login/oauth2/code/keycloak"]
  valid_post_logout_redirect_uris = ["${var.portal_url}/*"]
  web_origins                     = [var.portal_url]
}

# realm roles as a flat list: "roles": ["developer"]
resource "keycloak_openid_user_realm_role_protocol_mapper" "roles" {
  realm_id  = keycloak_realm.paved.id
  client_id = keycloak_openid_client.portal.id
  name      = "realm roles"

  claim_name          = "roles"
  claim_value_type    = "String"
  multivalued         = true
  add_to_id_token     = true
  add_to_access_token = true
  add_to_userinfo     = true
}

# group names without their path: "groups": ["team-payments"]
resource "keycloak_openid_group_membership_protocol_mapper" "groups" {
  realm_id  = keycloak_realm.paved.id
  client_id = keycloak_openid_client.portal.id
  name      = "groups"

  claim_name          = "groups"
  full_path           = false
  add_to_id_token     = true
  add_to_access_token = true
  add_to_userinfo     = true
}

# the portal accepts bearer tokens only when they name it as audience
resource "keycloak_openid_audience_protocol_mapper" "audience" {
  realm_id  = keycloak_realm.paved.id
  client_id = keycloak_openid_client.portal.id
  name      = "audience ${var.client_id}"

  included_client_audience = keycloak_openid_client.portal.client_id
  add_to_id_token          = false
  add_to_access_token      = true
}

resource "kubernetes_secret_v1" "client" {
  metadata {
    name      = var.client_secret_name
    namespace = var.namespace
    labels = {
      "app.kubernetes.io/part-of"    = "paved"
      "app.kubernetes.io/managed-by" = "terraform"
    }
  }

  type = "Opaque"
  data = {
    "client-secret" = keycloak_openid_client.portal.client_secret
  }
}
