package dev.paved.portal.security;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import dev.paved.portal.catalog.CatalogLocations;
import dev.paved.portal.goldenpaths.Scaffolder;
import dev.paved.portal.testing.UiTest;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What an attacker would type into the portal's inputs (forms and REST, descriptor files, template answers,
 * Git addresses): path traversal, YAML and template injection, script injection, oversized payloads, and
 * addresses that would make the portal fetch from inside the network. Each is refused with a message that says
 * what is wrong, or kept as harmless text, and nothing is created.
 */
class HostileInputTest extends UiTest {
  @Autowired MockMvc mvc;
  @Autowired Scaffolder scaffolder;
  @Autowired CatalogLocations locations;

  private int tasks() {
    return scaffolder.list(new Scaffolder.TaskFilter(null, null, 500)).size();
  }

  @Test
  void answersThatTraverseFoldersOrInjectYamlKeysAreRefusedFieldByFieldAndStartNothing() throws Exception {
    int before = tasks();
    mvc.perform(post("/api/templates/spring-boot-service/tasks").contentType(MediaType.APPLICATION_JSON).content("""
            {"name": "../../etc", "owner": "group:default/team-payments\\nadmin: true", "javaPackage": "com.acme",
             "repoUrl": "localhost:8080?owner=team-payments&repo=../../../tmp/x"}"""))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.name").exists())
        .andExpect(jsonPath("$.fields.owner").exists())
        .andExpect(jsonPath("$.fields.repoUrl").exists());
    assertThat(tasks()).isEqualTo(before);
    assertThat(Files.exists(WORK.resolve("git/etc"))).isFalse();
  }

  @Test
  void templateAndYamlSyntaxInAFreeTextAnswerStaysText() throws Exception {
    String hostile = "${7*7} <#assign x=1>${x} [=7*7] ${{ parameters.name }}\nmetadata:\n  name: evil\n# \"quoted\"";
    String body = mvc.perform(post("/api/templates/spring-boot-service/dry-run").contentType(MediaType.APPLICATION_JSON)
            .content(new tools.jackson.databind.json.JsonMapper().writeValueAsString(Map.of("name", "billing",
                "owner", "group:default/team-payments", "javaPackage", "com.acme.billing", "description", hostile,
                "repoUrl", "localhost:8080?owner=team-payments&repo=billing")))).andExpect(status().isOk())
        .andExpect(jsonPath("$.succeeded").value(true)).andReturn().getResponse().getContentAsString();
    List<String> catalogInfo = JsonPath.read(body, "$.files[?(@.path == 'catalog-info.yaml')].text");

    Map<?, ?> entity = (Map<?, ?>) new Load(LoadSettings.builder().build()).loadFromString(catalogInfo.getFirst());
    Map<?, ?> metadata = (Map<?, ?>) entity.get("metadata");
    assertThat(metadata.get("name")).as("the injected key did not become one").isEqualTo("billing");
    assertThat(metadata.get("description")).as("the answer, neither evaluated nor cut").isEqualTo(hostile);
  }

  @Test
  void oversizedBodiesAndValuesAreRefusedWithTheLimit() throws Exception {
    int before = tasks();
    String huge = "{\"name\": \"" + "a".repeat(2 * 1024 * 1024) + "\"}";
    mvc.perform(post("/api/templates/spring-boot-service/tasks").contentType(MediaType.APPLICATION_JSON).content(huge))
        .andExpect(status().isPayloadTooLarge())
        .andExpect(jsonPath("$.detail", containsString("the REST API takes at most 1048576")));
    mvc.perform(post("/api/templates/spring-boot-service/tasks").contentType(MediaType.APPLICATION_JSON)
            .content("{\"name\": \"big\", \"owner\": \"group:default/team-payments\", \"javaPackage\": \"com.acme\","
                + " \"description\": \"" + "d".repeat(100_000) + "\"}"))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.fields.description").exists());
    assertThat(tasks()).isEqualTo(before);
  }

  @Test
  void gitAddressesThatReachInsideTheNetworkOrRunCommandsAreRefusedAndRegisterNothing() throws Exception {
    int before = locations.list().size();
    for (String target : List.of("ext::sh -c touch% /tmp/pwned",
        "http://169.254.169.254/latest/meta/blob/main/catalog-info.yaml",
        "http://[fe80::1]/acme/pay/blob/main/catalog-info.yaml",
        "file:///etc/passwd",
        "https://bob:ghp_secret@github.com/acme/pay/blob/main/catalog-info.yaml")) {
      mvc.perform(post("/api/catalog/locations").contentType(MediaType.APPLICATION_JSON)
              .content(new tools.jackson.databind.json.JsonMapper().writeValueAsString(Map.of("type", "git", "target", target))))
          .andExpect(result -> assertThat(result.getResponse().getStatus()).as(target).isBetween(400, 422))
          .andExpect(jsonPath("$.detail").isString());
    }
    // a golden path cannot create a repository on a host the portal does not know either
    mvc.perform(post("/api/templates/spring-boot-service/tasks").contentType(MediaType.APPLICATION_JSON)
            .content("{\"name\": \"meta\", \"owner\": \"group:default/team-payments\", \"javaPackage\": \"com.acme\","
                + " \"repoUrl\": \"169.254.169.254?owner=team-payments&repo=meta\"}"))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.fields.repoUrl").exists());
    assertThat(locations.list()).hasSize(before);
  }

  @Test
  void aDescriptorCannotPutScriptInThePage() {
    write("hostile/catalog-info.yaml", """
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata:
          name: hostile-widget
          title: "<img src=x onerror=alert(1)>"
          description: |
            <script>alert(2)</script>

            [click](javascript:alert(3)) **bold** <img src=x onerror=alert(5)>
        spec: {type: service, lifecycle: production, owner: team-payments}
        """);
    assertThat(locations.register("file", FILES.resolve("hostile/catalog-info.yaml").toString()).written()).isEqualTo(1);

    UI.getCurrent().navigate("catalog/component/default/hostile-widget");
    assertThat(_get(H2.class, spec -> spec.withId("entity-title")).getText()).isEqualTo("<img src=x onerror=alert(1)>");
    String description = _get(Div.class, spec -> spec.withId("entity-description")).getElement().getProperty("innerHTML");
    assertThat(description).contains("&lt;script&gt;alert(2)&lt;/script&gt;", "<strong>bold</strong>")
        .doesNotContain("<script", "javascript:", "<img");
    assertThat(UI.getCurrent().getElement().getOuterHTML()).doesNotContain("href=\"javascript:");
  }
}
