package dev.paved.portal.deploy;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.paved.portal.goldenpaths.Scaffolder;
import dev.paved.portal.testing.ArgoCdPortalTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** /api/deployments: the list, the operations, and what each failure of Argo CD answers. */
class DeploymentApiTest extends ArgoCdPortalTest {
  @Autowired MockMvc mvc;
  @Autowired Scaffolder scaffolder;
  @Autowired Deployments deployments;

  @AfterEach
  void heal() {
    ARGO.heal();
  }

  @Test
  void listsFiltersAndOperates() throws Exception {
    String name = scaffoldService(scaffolder);
    await().until(() -> deployments.all().stream().filter(d -> d.service().equals(name)).count() == 3);
    ARGO.status(name + "-prod", "Degraded", "OutOfSync");
    await().until(() -> deployments.all().stream().anyMatch(d -> d.ref().name().equals(name + "-prod")
        && d.health() == dev.paved.plugin.deploy.Health.DEGRADED));

    mvc.perform(get("/api/deployments").param("status", "degraded").param("q", name)).andExpect(status().isOk())
        .andExpect(jsonPath("$.connected", is(true))).andExpect(jsonPath("$.totalItems", is(1)))
        .andExpect(jsonPath("$.items[0].ref.name", is(name + "-prod")))
        .andExpect(jsonPath("$.instances[0].reachable", is(true)));
    mvc.perform(post("/api/deployments/local/" + name + "-dev/scale").contentType(MediaType.APPLICATION_JSON)
        .content("{\"replicas\": 2}")).andExpect(status().isOk())
        .andExpect(jsonPath("$.message", containsString("Replicas of " + name + " dev set to 2")))
        .andExpect(jsonPath("$.commit").isString());
    mvc.perform(get("/api/deployments/local/" + name + "-dev/history")).andExpect(status().isOk())
        .andExpect(jsonPath("$[0].commits[1].message", containsString("Scale " + name + " dev to 2 replicas")));
    mvc.perform(get("/api/deployments/local/" + name + "-dev/resources")).andExpect(status().isOk())
        .andExpect(jsonPath("$[*].kind", hasItem("ReplicaSet")));
  }

  @Test
  void badRequestsAndArgoCdsFailuresAnswerWithTheRightStatus() throws Exception {
    String name = scaffoldService(scaffolder);
    await().until(() -> deployments.all().stream().filter(d -> d.service().equals(name)).count() == 3);

    mvc.perform(get("/api/deployments").param("status", "sideways")).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail", containsString("degraded, out-of-sync, progressing")));
    mvc.perform(get("/api/deployments/local/nothing-here")).andExpect(status().isNotFound());
    mvc.perform(post("/api/deployments/local/" + name + "-dev/scale").contentType(MediaType.APPLICATION_JSON)
        .content("{}")).andExpect(status().isBadRequest());
    mvc.perform(post("/api/deployments/local/" + name + "-dev/scale").contentType(MediaType.APPLICATION_JSON)
        .content("{\"replicas\": -1}")).andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail", containsString("between 0 and 50")));
    mvc.perform(post("/api/deployments/local/" + name + "-dev/rollback").contentType(MediaType.APPLICATION_JSON)
        .content("{\"id\": 99}")).andExpect(status().isNotFound())
        .andExpect(jsonPath("$.detail", containsString("no deployment 99")));

    // no JSON: what a page on another site could send without the browser asking first
    mvc.perform(post("/api/deployments/local/" + name + "-dev/sync")).andExpect(status().isUnsupportedMediaType());
    ARGO.fail(403, 1);
    mvc.perform(post("/api/deployments/local/" + name + "-dev/sync").contentType(MediaType.APPLICATION_JSON).content("{}"))
        .andExpect(status().isBadGateway())
        .andExpect(jsonPath("$.detail", containsString("permission denied")));
    ARGO.goOffline();
    mvc.perform(post("/api/deployments/local/" + name + "-dev/sync").contentType(MediaType.APPLICATION_JSON).content("{}"))
        .andExpect(status().isServiceUnavailable())
        .andExpect(jsonPath("$.detail", containsString("could not be reached")));
  }
}
