package dev.paved.portal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.paved.plugin.argocd.FakeArgoCd;
import dev.paved.plugin.deploy.DeploymentRef;
import dev.paved.portal.audit.AuditQuery;
import dev.paved.portal.audit.AuditTrail;
import dev.paved.portal.deploy.DeploymentOperations;
import dev.paved.portal.goldenpaths.Scaffolder;
import dev.paved.portal.identity.AccessTokens;
import dev.paved.portal.testing.ArgoCdPortalTest;
import dev.paved.portal.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Secrets pass through the portal without being written down: the Argo CD token on every call (a refused
 * one too), a user's password at sign-in (a wrong one too), a personal access token on the REST API (a revoked
 * one too). None appears in the log, in the audit log, or in what the API answers.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsStayOutOfLogsTest extends ArgoCdPortalTest {
  @Autowired MockMvc mvc;
  @Autowired Scaffolder scaffolder;
  @Autowired DeploymentOperations operations;
  @Autowired AccessTokens tokens;
  @Autowired AuditTrail audit;

  @Test
  void noSecretIsLoggedAuditedOrShownBack(CapturedOutput output) throws Exception {
    String service = scaffoldService(scaffolder);
    operations.sync(new DeploymentRef("local", service + "-dev"), false, true);
    ARGO.failOn("ApplicationService_Sync", 401, 1);
    try {
      operations.sync(new DeploymentRef("local", service + "-dev"), false, true);
    } catch (Exception expected) {
      // Argo CD refused the token: the message says so, without the token
      assertThat(expected.getMessage()).doesNotContain(FakeArgoCd.TOKEN);
    } finally {
      ARGO.heal();
    }

    mvc.perform(post("/login").with(anonymous()).with(csrf()).param("username", "dana").param("password", "wrong-dana-password"));
    mvc.perform(post("/login").with(anonymous()).with(csrf()).param("username", "dana").param("password", "dana-password"));
    AccessTokens.Created token = tokens.create("user:default/dana", "ci");
    String answer = mvc.perform(get("/api/deployments").with(anonymous()).header("Authorization", "Bearer " + token.token()))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    tokens.revoke(token.view().id(), "user:default/dana");
    mvc.perform(get("/api/deployments").with(anonymous()).header("Authorization", "Bearer " + token.token()))
        .andExpect(status().isUnauthorized());

    TestUsers.signIn(TestUsers.ADA);
    StringBuilder audited = new StringBuilder();
    audit.forEach(new AuditQuery(null, null, null, null, null, null), e -> audited.append(e).append('\n'));
    for (String secret : java.util.List.of(FakeArgoCd.TOKEN, token.token(), "dana-password", "wrong-dana-password")) {
      assertThat(output.getAll()).as("the log").doesNotContain(secret);
      assertThat(audited).as("the audit log").doesNotContain(secret);
      assertThat(answer).as("the API's answer").doesNotContain(secret);
    }
    assertThat(tokens.list("user:default/dana")).allSatisfy(t -> assertThat(t.toString()).doesNotContain(token.token()));
  }
}
