package dev.paved.portal.operations;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.paved.portal.testing.PortalTest;
import dev.paved.portal.testing.TestUsers;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Operators read which replicas are alive and how the scheduled jobs ran; developers are refused. */
class ClusterApiTest extends PortalTest {
  @Autowired MockMvc mvc;
  @Autowired Replicas replicas;

  @Test
  void aPlatformEngineerSeesTheReplicasAndTheJobsWithTheirLastRuns() throws Exception {
    mvc.perform(get("/api/cluster").with(authentication(TestUsers.authentication(TestUsers.PAT))))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.self", Matchers.is(replicas.self().id())))
        .andExpect(jsonPath("$.replicas[*].id", Matchers.hasItem(replicas.self().id())))
        .andExpect(jsonPath("$.jobs[*].name", Matchers.hasItems("catalog-refresh", "scaffolder-task-recovery",
            "cluster-housekeeping")))
        .andExpect(jsonPath("$.jobs[?(@.name == 'catalog-refresh')].lastRun.outcome", Matchers.hasItem("succeeded")));
    mvc.perform(get("/api/cluster/jobs/catalog-refresh/runs").with(authentication(TestUsers.authentication(TestUsers.PAT))))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].job", Matchers.is("catalog-refresh")))
        .andExpect(jsonPath("$[0].replica", Matchers.notNullValue()));
  }

  @Test
  void aDeveloperIsRefusedNamingThePermission() throws Exception {
    mvc.perform(get("/api/cluster").with(authentication(TestUsers.authentication(TestUsers.DANA))))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.permission", Matchers.is("view-operations")));
  }
}
