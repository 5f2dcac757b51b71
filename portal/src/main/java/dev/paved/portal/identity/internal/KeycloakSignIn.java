package dev.paved.portal.identity.internal;

import dev.paved.portal.access.PortalUser;
import dev.paved.portal.identity.SignInProperties;
import java.util.List;
import java.util.Map;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Keycloak for people (OpenID Connect sign-in) and for scripts (the REST API's bearer tokens). Endpoints
 * follow Keycloak's layout under the realm's issuer, so the portal starts, and says Keycloak is unreachable
 * on the sign-in page, even while Keycloak is down, rather than failing to start on a discovery call.
 */
final class KeycloakSignIn {
  static final String REGISTRATION = "keycloak";
  private final SignInProperties.Oidc oidc;
  private final UserProfiles profiles;

  KeycloakSignIn(SignInProperties.Oidc oidc, UserProfiles profiles) {
    this.oidc = oidc;
    this.profiles = profiles;
  }

  private String issuer() {
    String issuer = oidc.issuerUri().strip();
    return issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
  }

  ClientRegistrationRepository registrations() {
    String endpoints = issuer() + "/protocol/openid-connect";
    ClientRegistration keycloak = ClientRegistration.withRegistrationId(REGISTRATION)
        .clientName("Keycloak")
        .clientId(oidc.clientId())
        .clientSecret(oidc.clientSecret())
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
        .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
        .scope("openid", "profile", "email")
        .issuerUri(issuer())
        .authorizationUri(endpoints + "/auth")
        .tokenUri(endpoints + "/token")
        .jwkSetUri(endpoints + "/certs")
        .userInfoUri(endpoints + "/userinfo")
        .userNameAttributeName("preferred_username")
        .providerConfigurationMetadata(Map.of("end_session_endpoint", endpoints + "/logout"))
        .build();
    return new InMemoryClientRegistrationRepository(keycloak);
  }

  /** Signs people in with the roles and groups of their ID token (remembered for their tokens at sign-in). */
  OAuth2UserService<OidcUserRequest, OidcUser> users() {
    OidcUserService delegate = new OidcUserService();
    return request -> {
      OidcUser loaded = delegate.loadUser(request);
      return new PavedOidcUser(TokenClaims.user(loaded.getClaims(), oidc), loaded.getIdToken(), loaded.getUserInfo());
    };
  }

  /** Accepts the realm's access tokens meant for the portal (issuer, signature, expiry and audience checked). */
  JwtDecoder bearerTokens() {
    NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(issuer() + "/protocol/openid-connect/certs").build();
    decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer()),
        new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains(oidc.audience()))));
    return decoder;
  }

  Converter<Jwt, AbstractAuthenticationToken> bearerUsers() {
    return jwt -> {
      PortalUser user = TokenClaims.user(jwt.getClaims(), oidc);
      profiles.signedIn(user, "keycloak");
      return new PortalAuthentication(user, "keycloak-token");
    };
  }
}
