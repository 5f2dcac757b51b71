package dev.paved.portal.goldenpaths;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.paved.portal.testing.PortalTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The built-in golden paths over REST: listed, and dry-run without creating anything. */
class GoldenPathApiTest extends PortalTest {
  @Autowired MockMvc mvc;
  @Autowired GoldenPaths goldenPaths;

  @Test
  void listsTheBuiltInGoldenPathsWithTheirVersionAndForm() throws Exception {
    mvc.perform(get("/api/templates"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[*].name", hasItem("developer-namespace")))
        .andExpect(jsonPath("$[?(@.name == 'developer-namespace')].version", hasItem("1.1.0")));
    mvc.perform(get("/api/templates/developer-namespace"))
        .andExpect(jsonPath("$.parameters[0].properties.name.pattern").exists());
    mvc.perform(get("/api/templates/nope")).andExpect(status().isNotFound());
  }

  @Test
  void aDryRunRendersTheFilesAndRunsTheChecks() throws Exception {
    mvc.perform(post("/api/templates/developer-namespace/dry-run").contentType(MediaType.APPLICATION_JSON)
            .content("{\"name\":\"payments-dev\",\"owner\":\"group:default/team-payments\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.succeeded", is(true)))
        .andExpect(jsonPath("$.files[*].path", hasItem("gitops/namespace.yaml")))
        .andExpect(jsonPath("$.files[?(@.path == 'gitops/rolebinding.yaml')].text", hasItem(containsString("name: team-payments"))))
        // committing to the GitOps repository and registering change the world: a dry run skips them
        .andExpect(jsonPath("$.steps[*].status", is(java.util.List.of("done", "done", "skipped", "skipped"))));
  }

  @Test
  void theDemoCatalogsOwnTemplateIsOfferedAndRenders() throws Exception {
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
        .until(() -> goldenPaths.get("team-handbook").isPresent());
    mvc.perform(get("/api/templates").param("tag", "techdocs"))
        .andExpect(jsonPath("$[*].name", is(java.util.List.of("team-handbook"))))
        .andExpect(jsonPath("$[0].entityRef", is("template:default/team-handbook")))
        .andExpect(jsonPath("$[0].version", is("1.1.0")));
    mvc.perform(get("/api/templates").param("q", "handbook mkdocs"))
        .andExpect(jsonPath("$[*].name", is(java.util.List.of("team-handbook"))));
    mvc.perform(post("/api/templates/team-handbook/dry-run").contentType(MediaType.APPLICATION_JSON)
            .content("{\"team\":\"group:default/team-payments\",\"oncall\":\"https://oncall.acme.example/payments\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.succeeded", is(true)))
        .andExpect(jsonPath("$.files[*].path", hasItem(".github/workflows/docs.yml")))
        .andExpect(jsonPath("$.files[?(@.path == 'catalog-info.yaml')].text", hasItem(containsString("owner: group:team-payments"))))
        .andExpect(jsonPath("$.files[?(@.path == 'docs/index.md')].text",
            hasItem(containsString("[On-call rota](https://oncall.acme.example/payments)"))));
  }

  @Test
  void hostileAnswersAreRefusedPerField() throws Exception {
    mvc.perform(post("/api/templates/developer-namespace/dry-run").contentType(MediaType.APPLICATION_JSON)
            .content("{\"name\":\"../../etc\",\"owner\":\"team\\nadmin: true\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.name").exists())
        .andExpect(jsonPath("$.fields.owner").exists());
  }

  @Test
  void everyBuiltInGoldenPathLoads() {
    // other tests add broken templates through the catalog; the built-in folder must have no problem
    org.assertj.core.api.Assertions.assertThat(goldenPaths.problems().keySet())
        .noneMatch(source -> source.startsWith(REPO_ROOT.toString()));
  }
}
