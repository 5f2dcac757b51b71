package dev.paved.portal.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.paved.plugin.deploy.DeploymentRef;
import dev.paved.portal.audit.AuditQuery;
import dev.paved.portal.audit.AuditTrail;
import dev.paved.portal.catalog.CatalogLocations;
import dev.paved.portal.catalog.EntityFilter;
import dev.paved.portal.deploy.DeploymentOperations;
import dev.paved.portal.deploy.Deployments;
import dev.paved.portal.goldenpaths.Scaffolder;
import dev.paved.portal.identity.AccessTokens;
import dev.paved.portal.testing.ArgoCdPortalTest;
import dev.paved.portal.testing.TestUsers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Who may do what, role by role and action by action, once through the services and once through the REST
 * API with each user's personal access token. The service belongs to team-payments: dana (developer of
 * team-payments) may operate it, sam (developer of team-search) may not; pat (platform engineer) and ada
 * (admin) may do everything; vic has no portal role. An allowed action is given input that fails after the
 * permission check where it can (an unknown history entry, a replica count out of range), so the matrix
 * changes nothing it need not.
 */
class PermissionMatrixTest extends ArgoCdPortalTest {
  /** The actions, and who may do each. */
  enum Action {
    SCAFFOLD_FOR_TEAM_PAYMENTS("dana", "pat", "ada"),
    SYNC("dana", "pat", "ada"),
    REFRESH("dana", "pat", "ada"),
    SCALE("dana", "pat", "ada"),
    RESTART("dana", "pat", "ada"),
    ROLLBACK("dana", "pat", "ada"),
    AUTO_SYNC("dana", "pat", "ada"),
    DELETE("dana", "pat", "ada"),
    CANCEL_TASK("dana", "pat", "ada"),
    REGISTER_CATALOG_LOCATION("pat", "ada"),
    READ_AUDIT_LOG("pat", "ada"),
    READ_CLUSTER_STATUS("pat", "ada"),
    CHANGE_SETTING("ada"),
    BROWSE_CATALOG("dana", "sam", "pat", "ada", "vic");

    final Set<String> allowed;

    Action(String... allowed) {
      this.allowed = Set.of(allowed);
    }
  }

  static final List<PortalUser> USERS = List.of(TestUsers.DANA, TestUsers.SAM, TestUsers.PAT, TestUsers.ADA,
      TestUsers.VIEWER);

  @Autowired Scaffolder scaffolder;
  @Autowired DeploymentOperations operations;
  @Autowired Deployments deployments;
  @Autowired CatalogLocations locations;
  @Autowired AuditTrail audit;
  @Autowired dev.paved.portal.operations.ClusterStatus cluster;
  @Autowired dev.paved.portal.catalog.CatalogQueries catalog;
  @Autowired AccessTokens tokens;
  @Autowired dev.paved.portal.settings.Settings settings;
  @Autowired MockMvc mvc;

  static String service;
  static UUID task;

  @BeforeEach
  void aTeamPaymentsService() {
    if (service == null) {
      service = scaffoldService(scaffolder);
      task = scaffolder.list(new Scaffolder.TaskFilter(null, null, 20)).getFirst().id();
      await().until(() -> deployments.all().stream().filter(d -> d.service().equals(service)).count() == 3);
    }
  }

  private static String name(PortalUser user) {
    return user.ref().substring(user.ref().indexOf('/') + 1);
  }

  @Test
  void theServicesAllowEachRoleWhatItMayAndRefuseTheRestNamingThePermission() {
    DeploymentRef dev = new DeploymentRef("local", service + "-dev");
    List<String> wrong = new ArrayList<>();
    for (PortalUser user : USERS) {
      TestUsers.signIn(user);
      for (Action action : Action.values()) {
        boolean allowed = action.allowed.contains(name(user));
        try {
          run(action, user, dev);
          if (!allowed) {
            wrong.add(name(user) + " × " + action + ": allowed, should be refused");
          }
        } catch (PermissionDenied e) {
          if (allowed) {
            wrong.add(name(user) + " × " + action + ": refused, should be allowed: " + e.getMessage());
          } else if (!e.getMessage().contains("is not allowed: it needs")) {
            wrong.add(name(user) + " × " + action + ": the refusal does not say what is missing: " + e.getMessage());
          }
        } catch (Exception e) {
          // failing after the permission check is what the chosen inputs are for
          if (!allowed) {
            wrong.add(name(user) + " × " + action + ": failed with " + e + " instead of a refusal");
          }
        }
      }
    }
    assertThat(wrong).as("role × action mismatches").isEmpty();
  }

  private void run(Action action, PortalUser user, DeploymentRef dev) throws Exception {
    switch (action) {
      case SCAFFOLD_FOR_TEAM_PAYMENTS -> scaffolder.start("spring-boot-service", Map.of("name", "X",
          "owner", "group:default/team-payments"), user, null);
      case SYNC -> operations.sync(dev, false, true);
      case REFRESH -> operations.refresh(dev, false);
      case SCALE -> operations.scale(dev, -1);
      case RESTART -> operations.restart(dev, "no-such-workload");
      case ROLLBACK -> operations.rollback(dev, 999_999);
      case AUTO_SYNC -> operations.autoSync(dev, true);
      case DELETE -> operations.delete(dev, "not-its-name"); // refused after the check: the name was not typed
      case CANCEL_TASK -> scaffolder.cancel(task, user);
      case REGISTER_CATALOG_LOCATION -> locations.register("git", "not a repository");
      case READ_AUDIT_LOG -> audit.count(new AuditQuery(null, null, null, null, null, null));
      case READ_CLUSTER_STATUS -> cluster.view();
      case CHANGE_SETTING -> settings.set("deployments.max-replicas", "0"); // out of range: refused after the check
      case BROWSE_CATALOG -> catalog.count(EntityFilter.ALL);
    }
  }

  @Test
  void theRestApiAnswersEachRole403ForWhatItMayNotDoAndTheRestIsAllowed() throws Exception {
    Map<String, String> tokenOf = new LinkedHashMap<>();
    for (PortalUser user : List.of(TestUsers.DANA, TestUsers.SAM, TestUsers.PAT, TestUsers.ADA)) {
      // a real sign-in with the local account records the user's roles, which their token then acts with
      mvc.perform(post("/login").with(anonymous()).with(csrf()).param("username", name(user))
          .param("password", name(user) + "-password")).andExpect(status().is3xxRedirection());
      tokenOf.put(name(user), tokens.create(user.ref(), "matrix").token());
    }
    String app = "/api/deployments/local/" + service + "-dev";
    // builders are mutable (each header is added): a fresh request per call
    Map<Action, java.util.function.Supplier<MockHttpServletRequestBuilder>> requests = new LinkedHashMap<>();
    requests.put(Action.SCAFFOLD_FOR_TEAM_PAYMENTS, () -> json(post("/api/templates/spring-boot-service/tasks"),
        "{\"name\": \"X\", \"owner\": \"group:default/team-payments\"}"));
    requests.put(Action.SYNC, () -> json(post(app + "/sync"), "{\"dryRun\": true}"));
    requests.put(Action.REFRESH, () -> json(post(app + "/refresh"), "{\"hard\": false}"));
    requests.put(Action.SCALE, () -> json(post(app + "/scale"), "{\"replicas\": -1}"));
    requests.put(Action.RESTART, () -> json(post(app + "/restart"), "{\"workload\": \"no-such-workload\"}"));
    requests.put(Action.ROLLBACK, () -> json(post(app + "/rollback"), "{\"id\": 999999}"));
    requests.put(Action.DELETE, () -> json(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(app),
        "{\"confirm\": \"not-its-name\"}"));
    requests.put(Action.CANCEL_TASK, () -> post("/api/tasks/" + task + "/cancel"));
    requests.put(Action.REGISTER_CATALOG_LOCATION, () -> json(post("/api/catalog/locations"),
        "{\"type\": \"git\", \"target\": \"not a repository\"}"));
    requests.put(Action.READ_AUDIT_LOG, () -> get("/api/audit"));
    requests.put(Action.READ_CLUSTER_STATUS, () -> get("/api/cluster"));
    requests.put(Action.CHANGE_SETTING, () -> json(put("/api/settings/deployments.max-replicas"), "{\"value\": \"0\"}"));
    requests.put(Action.BROWSE_CATALOG, () -> get("/api/catalog/entities"));

    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, String> user : tokenOf.entrySet()) {
      for (Map.Entry<Action, java.util.function.Supplier<MockHttpServletRequestBuilder>> request : requests.entrySet()) {
        boolean allowed = request.getKey().allowed.contains(user.getKey());
        var response = mvc.perform(request.getValue().get().with(anonymous())
            .header("Authorization", "Bearer " + user.getValue())).andReturn().getResponse();
        if (allowed == (response.getStatus() == 403) || response.getStatus() == 401) {
          wrong.add(user.getKey() + " × " + request.getKey() + ": " + response.getStatus() + " "
              + response.getContentAsString());
        } else if (!allowed && !response.getContentAsString().contains("\"permission\":")) {
          wrong.add(user.getKey() + " × " + request.getKey() + ": 403 without the missing permission: "
              + response.getContentAsString());
        }
      }
    }
    assertThat(wrong).as("role × action mismatches over REST").isEmpty();

    for (java.util.function.Supplier<MockHttpServletRequestBuilder> request : requests.values()) {
      mvc.perform(request.get().with(anonymous())).andExpect(result -> assertThat(result.getResponse().getStatus())
          .as("without a token: " + result.getRequest().getMethod() + " " + result.getRequest().getRequestURI())
          .isEqualTo(401));
    }
  }

  private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
    return request.contentType(MediaType.APPLICATION_JSON).content(body);
  }
}
