package dev.paved.portal.testing;

import static org.assertj.core.api.Assertions.assertThat;

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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signs users in on a {@link KeycloakServer}'s real login page the way a browser does (authorization code with
 * PKCE, cookies kept), for tests that need the tokens the portal gets.
 */
public final class KeycloakLogin {
  /** The portal's redirect address; nothing listens there, the code is read from the redirect. */
  static final String REDIRECT = "http://127.0.0.1:9/login/oauth2/code/keycloak";
  static final String SECRET = "change-me-paved-client-secret";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private KeycloakLogin() {}

  /** A user's tokens, as the portal would get them at sign-in. */
  public record Tokens(String idToken, String accessToken) {
    public JsonNode id() {
      return claims(idToken);
    }

    public JsonNode access() {
      return claims(accessToken);
    }
  }

  /** Submits the login form with a password and returns Keycloak's answer (a wrong one stays on the page). */
  public static HttpResponse<String> tryPassword(KeycloakServer keycloak, String user, String password) throws Exception {
    HttpClient browser = browser();
    String login = loginPage(keycloak, browser, challenge("verifier-" + System.nanoTime()));
    return post(browser, formAction(login), Map.of("username", user, "password", password));
  }

  /** Signs in on the login page (authorization code with PKCE) and exchanges the code for the tokens. */
  public static Tokens signIn(KeycloakServer keycloak, String user, String password) throws Exception {
    HttpClient browser = browser();
    String verifier = "verifier-" + Long.toHexString(System.nanoTime()) + "-0123456789abcdefghijklmnopqrstuvwxyz";
    String login = loginPage(keycloak, browser, challenge(verifier));
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
    return new Tokens(body.path("id_token").asString(), body.path("access_token").asString());
  }

  static String loginPage(KeycloakServer keycloak, HttpClient browser, String challenge) throws Exception {
    String url = keycloak.issuer() + "/protocol/openid-connect/auth?client_id=paved&response_type=code&scope=openid"
        + "&redirect_uri=" + encode(REDIRECT) + "&state=s1&code_challenge=" + challenge + "&code_challenge_method=S256";
    HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    return page.body();
  }

  static String formAction(String html) {
    Matcher m = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"").matcher(html);
    if (!m.find()) {
      m = Pattern.compile("action=\"([^\"]*login-actions/authenticate[^\"]*)\"").matcher(html);
      assertThat(m.find()).as("Keycloak's login form").isTrue();
    }
    return m.group(1).replace("&amp;", "&");
  }

  static HttpClient browser() {
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

  static HttpResponse<String> post(HttpClient client, String url, Map<String, String> form) throws Exception {
    String body = form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
    return client.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  static Map<String, String> query(String url) {
    Map<String, String> params = new LinkedHashMap<>();
    for (String pair : URI.create(url).getRawQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      params.put(kv[0], kv.length > 1 ? java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
    }
    return params;
  }

  /** The claims of a token. */
  public static JsonNode claims(String jwt) {
    return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
  }

  /** The strings of a JSON array. */
  public static java.util.List<String> strings(JsonNode array) {
    java.util.List<String> values = new java.util.ArrayList<>();
    array.forEach(v -> values.add(v.asString()));
    return values;
  }

  static String challenge(String verifier) throws Exception {
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
