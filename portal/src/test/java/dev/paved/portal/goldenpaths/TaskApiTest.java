package dev.paved.portal.goldenpaths;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.paved.portal.testing.PortalTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Tasks over REST, as a script or a CI job uses them. */
class TaskApiTest extends PortalTest {
  @Autowired MockMvc mvc;
  @Autowired Scaffolder scaffolder;

  @Test
  void aScriptStartsATaskOnceAndFollowsIt() throws Exception {
    String body = "{\"name\":\"" + unique("api").substring(0, 12) + "\",\"owner\":\"group:default/team-payments\"}";
    String key = UUID.randomUUID().toString();
    String created = mvc.perform(post("/api/templates/developer-namespace/tasks").header("Idempotency-Key", key)
            .contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", containsString("/api/tasks/")))
        .andReturn().getResponse().getContentAsString();
    String id = JsonPath.read(created, "$.id");
    mvc.perform(post("/api/templates/developer-namespace/tasks").header("Idempotency-Key", key)
            .contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isOk()).andExpect(jsonPath("$.id", is(id)));

    await().atMost(Duration.ofSeconds(30)).until(() -> scaffolder.get(UUID.fromString(id)).orElseThrow().finished());
    mvc.perform(get("/api/tasks/" + id))
        .andExpect(jsonPath("$.state", is("succeeded")))
        .andExpect(jsonPath("$.steps[*].state", is(java.util.List.of("done", "done", "done", "done"))))
        .andExpect(jsonPath("$.log[*].line", hasItem(containsString("rendered 7 files"))));
    mvc.perform(get("/api/tasks").param("mine", "true")).andExpect(jsonPath("$[*].id", hasItem(id)));
    mvc.perform(post("/api/tasks/" + id + "/undo"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail", containsString("only a failed, cancelled or interrupted task can be undone")));
  }

  @Test
  void aTakenNameIsAConflict() throws Exception {
    // the demo catalog has checkout-web
    mvc.perform(post("/api/templates/node-service/tasks").contentType(MediaType.APPLICATION_JSON)
            .content("{\"name\":\"checkout-web\",\"owner\":\"group:default/team-payments\","
                + "\"repoUrl\":\"localhost:8080?owner=team-payments&repo=" + unique("web") + "\"}"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.fields.name[0]", containsString("component:default/checkout-web")));
    mvc.perform(post("/api/templates/node-service/tasks").contentType(MediaType.APPLICATION_JSON)
            .content("{\"name\":\"nowhere-web\",\"owner\":\"group:default/team-payments\","
                + "\"repoUrl\":\"git.elsewhere.example?owner=team-payments&repo=nowhere-web\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.repoUrl[0]", containsString("no Git host is set up for git.elsewhere.example")));
  }

  @Test
  void invalidAnswersAndUnknownTasksAreRefusedClearly() throws Exception {
    mvc.perform(post("/api/templates/developer-namespace/tasks").contentType(MediaType.APPLICATION_JSON)
            .content("{\"name\":\"../../etc\",\"owner\":\"team\\nadmin: true\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.name").exists());
    mvc.perform(get("/api/tasks/" + UUID.randomUUID())).andExpect(status().isNotFound());
    mvc.perform(post("/api/templates/nope/tasks").contentType(MediaType.APPLICATION_JSON).content("{}"))
        .andExpect(status().isNotFound());
  }
}
