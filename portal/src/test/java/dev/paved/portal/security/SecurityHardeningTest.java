package dev.paved.portal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.paved.portal.audit.AuditQuery;
import dev.paved.portal.audit.AuditTrail;
import dev.paved.portal.identity.AccessTokens;
import dev.paved.portal.testing.PortalTest;
import dev.paved.portal.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The REST API's and the sign-in's defences, request by request as a browser or a script sends them: nobody
 * signed in gets 401 saying what to send; changes made with the browser's session need the CSRF token; HSTS on
 * HTTPS; a new session id at sign-in; a refused sign-in is audited. (The pages' headers are checked on a running
 * portal in {@code CatalogJourneyIT}.)
 */
class SecurityHardeningTest extends PortalTest {
  @Autowired WebApplicationContext context;
  @Autowired AccessTokens tokens;
  @Autowired AuditTrail audit;
  /** Requests exactly as sent: no test user or CSRF token added. */
  MockMvc raw;

  @BeforeEach
  void rawRequests() {
    raw = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    // Spring Security's test support hands the thread's user to every request: these come from nobody
    TestUsers.signOut();
    org.springframework.security.test.context.TestSecurityContextHolder.clearContext();
  }

  @Test
  void nobodySignedInGets401FromTheApiWithWhatToSend() throws Exception {
    raw.perform(get("/api/catalog/entities")).andExpect(status().isUnauthorized())
        .andExpect(header().string("WWW-Authenticate", "Bearer"))
        .andExpect(jsonPath("$.detail", containsString("personal access token")));
    raw.perform(get("/api/catalog/entities").header("Authorization", "Bearer pvd_" + "x".repeat(40)))
        .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.detail", containsString("unknown or revoked")));
    raw.perform(get("/actuator/health")).andExpect(status().isOk());
    raw.perform(get("/api/openapi")).andExpect(status().isOk())
        .andExpect(header().string("X-Content-Type-Options", "nosniff"))
        .andExpect(header().doesNotExist("Strict-Transport-Security"));
    raw.perform(get("/api/openapi").secure(true))
        .andExpect(header().string("Strict-Transport-Security", containsString("max-age=")));
  }

  @Test
  void aChangeMadeWithTheSessionNeedsTheCsrfTokenAndABearerTokenDoesNot() throws Exception {
    String body = "{\"type\": \"git\", \"target\": \"not a repository\"}";
    raw.perform(post("/api/catalog/locations").with(authentication(TestUsers.authentication(TestUsers.PAT)))
            .contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isForbidden()).andExpect(jsonPath("$.detail", containsString("CSRF token")));
    raw.perform(post("/api/catalog/locations").with(authentication(TestUsers.authentication(TestUsers.PAT)))
            .with(csrf().asHeader()).contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isBadRequest()); // past the CSRF check: the target itself is refused
    raw.perform(post("/login").with(csrf()).param("username", "pat").param("password", "pat-password"))
        .andExpect(status().isFound());
    String token = tokens.create("user:default/pat", "csrf-test").token();
    raw.perform(post("/api/catalog/locations").header("Authorization", "Bearer " + token)
            .contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isBadRequest());
  }

  @Test
  void signingInGivesANewSessionIdAndARefusedSignInIsAudited() throws Exception {
    MockHttpSession session = new MockHttpSession();
    String before = session.getId();
    var signedIn = raw.perform(post("/login").session(session).with(csrf()).param("username", "dana")
        .param("password", "dana-password")).andExpect(status().isFound()).andReturn();
    assertThat(signedIn.getRequest().getSession().getId()).as("session fixation").isNotEqualTo(before);

    raw.perform(post("/login").with(csrf()).param("username", "dana").param("password", "guess"))
        .andExpect(status().isFound()).andExpect(redirectedUrl("/login?error"));
    TestUsers.signIn(TestUsers.PAT); // the requests above ran on this thread and left it signed out
    assertThat(audit.find(new AuditQuery("user:default/dana", "user.sign-in", null, "failure", null, null), 0, 5))
        .isNotEmpty();
  }
}
