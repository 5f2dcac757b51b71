package dev.paved.portal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.portal.testing.KeycloakServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The project's Keycloak realm ({@code infra/keycloak/paved-realm.json}) on a real Keycloak: people sign in
 * on Keycloak's own login page through the authorization-code flow with PKCE, as the portal will send them,
 * and the tokens carry what the portal maps to its roles and to catalog Groups.
 */
class KeycloakRealmIT {
  private static final String REDIRECT = "http://127.0.0.1:9/login/oauth2/code/keycloak";
  private static final String SECRET = "change-me-paved-client-secret";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  static KeycloakServer keycloak;

  @BeforeAll
  static void start() {
    keycloak = KeycloakServer.start();
  }

  @AfterAll
  static void stop() {
    if (keycloak != null) {
      keycloak.close();
    }
  }

  @Test
  void aDeveloperOfTeamPaymentsSignsInWithTheirRoleAndGroup() throws Exception {
    Map<String, JsonNode> tokens = signIn("dana", "dana-password");

    JsonNode id = tokens.get("id");
    assertThat(id.path("iss").asString()).isEqualTo(keycloak.issuer());
    assertThat(id.path("preferred_username").asString()).isEqualTo("dana");
    assertThat(id.path("email").asString()).isEqualTo("dana@acme.example");
    assertThat(id.path("name").asString()).isEqualTo("Dana Payments");
    assertThat(strings(id.path("groups"))).containsExactly("team-payments");
    assertThat(strings(id.path("roles"))).contains("developer").doesNotContain("platform-engineer", "admin");
    JsonNode access = tokens.get("access");
    assertThat(strings(access.path("aud").isArray() ? access.path("aud") : JSON.createArrayNode().add(access.path("aud"))))
        .as("the REST API checks its audience").contains("paved");
    assertThat(strings(access.path("roles"))).contains("developer");
  }

  @Test
  void aPlatformEngineerAndAnAdminGetTheirRoles() throws Exception {
    assertThat(strings(signIn("pat", "pat-password").get("id").path("roles"))).contains("platform-engineer")
        .doesNotContain("admin");
    JsonNode ada = signIn("ada", "ada-password").get("id");
    assertThat(strings(ada.path("roles"))).contains("admin", "platform-engineer");
    assertThat(strings(ada.path("groups"))).containsExactly("platform");
  }

  @Test
  void aWrongPasswordStaysOnTheLoginPageWithItsMessage() throws Exception {
    HttpClient browser = browser();
    String login = loginPage(browser, challenge("verifier-" + System.nanoTime()));
    HttpResponse<String> refused = post(browser, formAction(login), Map.of("username", "dana", "password", "wrong"));

    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body()).contains("Invalid username or password");
  }

  /** Signs in on the login page and exchanges the code: the ID token's and the access token's claims. */
  private Map<String, JsonNode> signIn(String user, String password) throws Exception {
    HttpClient browser = browser();
    String verifier = "verifier-" + Long.toHexString(System.nanoTime()) + "-0123456789abcdefghijklmnopqrstuvwxyz";
    String login = loginPage(browser, challenge(verifier));
    HttpResponse<String> answer = post(browser, formAction(login), Map.of("username", user, "password", password));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
    String location = answer.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith(REDIRECT + "?");
    String code = query(location).get("code");
    Map<String, String> exchange = new LinkedHashMap<>();
    exchange.put("grant_type", "authorization_code");
    exchange.put("code", code);
    exchange.put("redirect_uri", REDIRECT);
    exchange.put("client_id", "paved");
    exchange.put("client_secret", SECRET);
    exchange.put("code_verifier", verifier);
    HttpResponse<String> tokens = post(HttpClient.newHttpClient(), keycloak.issuer() + "/protocol/openid-connect/token",
        exchange);
    assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
    JsonNode body = JSON.readTree(tokens.body());
    return Map.of("id", claims(body.path("id_token").asString()), "access", claims(body.path("access_token").asString()));
  }

  private String loginPage(HttpClient browser, String challenge) throws Exception {
    String url = keycloak.issuer() + "/protocol/openid-connect/auth?client_id=paved&response_type=code&scope=openid"
        + "&redirect_uri=" + encode(REDIRECT) + "&state=s1&code_challenge=" + challenge + "&code_challenge_method=S256";
    HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    return page.body();
  }

  private static String formAction(String html) {
    Matcher m = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"").matcher(html);
    if (!m.find()) {
      m = Pattern.compile("action=\"([^\"]*login-actions/authenticate[^\"]*)\"").matcher(html);
      assertThat(m.find()).as("Keycloak's login form").isTrue();
    }
    return m.group(1).replace("&amp;", "&");
  }

  private static HttpClient browser() {
    return HttpClient.newBuilder().cookieHandler(new BrowserCookies()).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /**
   * Cookies as a browser keeps them for http://127.0.0.1, which it counts as a secure context: Keycloak marks
   * its login cookies Secure, and the JDK's CookieManager would not send those over plain HTTP.
   */
  private static final class BrowserCookies extends java.net.CookieHandler {
    private final Map<String, String> cookies = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public Map<String, java.util.List<String>> get(URI uri, Map<String, java.util.List<String>> headers) {
      return cookies.isEmpty() ? Map.of() : Map.of("Cookie", java.util.List.of(cookies.entrySet().stream()
          .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "))));
    }

    @Override
    public void put(URI uri, Map<String, java.util.List<String>> headers) {
      headers.forEach((name, values) -> {
        if ("Set-Cookie".equalsIgnoreCase(name)) {
          for (String value : values) {
            String pair = value.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq > 0) {
              cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
          }
        }
      });
    }
  }

  private static HttpResponse<String> post(HttpClient client, String url, Map<String, String> form) throws Exception {
    String body = form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
    return client.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static Map<String, String> query(String url) {
    Map<String, String> params = new LinkedHashMap<>();
    for (String pair : URI.create(url).getRawQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      params.put(kv[0], kv.length > 1 ? java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
    }
    return params;
  }

  private static JsonNode claims(String jwt) {
    return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
  }

  private static java.util.List<String> strings(JsonNode array) {
    java.util.List<String> values = new java.util.ArrayList<>();
    array.forEach(v -> values.add(v.asString()));
    return values;
  }

  private static String challenge(String verifier) throws Exception {
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
