package dev.paved.portal.catalog.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.paved.portal.testing.PortalTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The REST API as a script or CI job uses it, over the demo catalog. */
class CatalogApiTest extends PortalTest {
  @Autowired MockMvc mvc;

  @Test
  void listsEntitiesWithFiltersAndPagingInBackstagesShape() throws Exception {
    mvc.perform(get("/api/catalog/entities").param("kind", "component").param("owner", "team-payments"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.totalItems", is(3)))
        .andExpect(jsonPath("$.items[*].metadata.name", is(java.util.List.of("checkout-web", "payments-service", "refund-worker"))))
        .andExpect(jsonPath("$.items[0].apiVersion", is("backstage.io/v1alpha1")))
        .andExpect(jsonPath("$.items[0].metadata.uid").exists())
        .andExpect(jsonPath("$.items[0].relations[*].type", hasItem("ownedBy")));
    mvc.perform(get("/api/catalog/entities").param("kind", "component").param("owner", "group:default/team-payments")
            .param("limit", "2").param("offset", "2"))
        .andExpect(jsonPath("$.totalItems", is(3)))
        .andExpect(jsonPath("$.items[*].metadata.name", is(java.util.List.of("refund-worker"))));
  }

  @Test
  void filtersByTypeLifecycleSystemAndTagAndCombinesThem() throws Exception {
    mvc.perform(get("/api/catalog/entities").param("system", "payments").param("kind", "api"))
        .andExpect(jsonPath("$.items[*].metadata.name", is(java.util.List.of("ledger-events", "payments-api"))));
    mvc.perform(get("/api/catalog/entities").param("lifecycle", "experimental").param("kind", "component"))
        .andExpect(jsonPath("$.items[*].metadata.name", is(java.util.List.of("checkout-web", "paved"))));
    mvc.perform(get("/api/catalog/entities").param("tag", "pci"))
        .andExpect(jsonPath("$.items[*].metadata.name", is(java.util.List.of("payments", "payments-service"))));
    mvc.perform(get("/api/catalog/entities").param("type", "service,worker").param("system", "payments"))
        .andExpect(jsonPath("$.items[*].metadata.name", is(java.util.List.of("payments-service", "refund-worker"))));
  }

  @Test
  void fullTextSearchMatchesNameTitleDescriptionAndTags() throws Exception {
    mvc.perform(get("/api/catalog/entities").param("q", "refund"))
        .andExpect(jsonPath("$.items[*].metadata.name", hasItem("refund-worker")))
        .andExpect(jsonPath("$.items[*].metadata.name", hasItem("payments-api")));
    mvc.perform(get("/api/catalog/entities").param("q", "night index"))
        .andExpect(jsonPath("$.items[*].metadata.name", is(java.util.List.of("search-indexer"))));
    mvc.perform(get("/api/catalog/entities").param("q", "100%_"))
        .andExpect(jsonPath("$.totalItems", is(0)));
  }

  @Test
  void getsOneEntityByKindNamespaceAndName() throws Exception {
    mvc.perform(get("/api/catalog/entities/by-name/group/default/team-payments"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.kind", is("Group")))
        .andExpect(jsonPath("$.relations[?(@.type == 'hasMember')].targetRef", hasItem("user:default/alice")));
    mvc.perform(get("/api/catalog/entities/by-name/Component/default/nope"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.detail", is("no entity component:default/nope in the catalog")));
  }

  @Test
  void refusesOversizedPagesWithAReason() throws Exception {
    mvc.perform(get("/api/catalog/entities").param("limit", "100000"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail", containsString("limit between 1 and 1000")));
  }

  @Test
  void backstagesFilterSyntaxIsRefusedRatherThanIgnored() throws Exception {
    mvc.perform(get("/api/catalog/entities").param("filter", "kind=component"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail", containsString("unknown parameter 'filter'")));
  }

  @Test
  void typeAndLifecycleMatchWhateverTheCase() throws Exception {
    mvc.perform(get("/api/catalog/entities").param("type", "SERVICE").param("lifecycle", "Production")
            .param("system", "search"))
        .andExpect(jsonPath("$.items[*].metadata.name", is(java.util.List.of("search-service"))))
        .andExpect(jsonPath("$.items[0].metadata.namespace", is("default")));
  }

  @Test
  void registersRefreshesAndDeletesALocation() throws Exception {
    String file = write("api-" + System.nanoTime() + ".yaml", """
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata: {name: api-registered}
        spec: {type: service, lifecycle: production, owner: team-api}
        """).toString();
    String body = "{\"type\":\"file\",\"target\":\"" + file + "\"}";
    String response = mvc.perform(post("/api/catalog/locations").contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", containsString("/api/catalog/locations/")))
        .andExpect(jsonPath("$.location.entityCount", is(1)))
        .andReturn().getResponse().getContentAsString();
    String id = response.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    mvc.perform(get("/api/catalog/entities/by-name/component/default/api-registered")).andExpect(status().isOk());
    mvc.perform(post("/api/catalog/locations").contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isConflict());
    mvc.perform(post("/api/catalog/locations/" + id + "/refresh")).andExpect(status().isOk())
        .andExpect(jsonPath("$.outcome", is("unchanged")));
    mvc.perform(delete("/api/catalog/locations/" + id)).andExpect(status().isNoContent());
    mvc.perform(get("/api/catalog/entities/by-name/component/default/api-registered")).andExpect(status().isNotFound());
    mvc.perform(delete("/api/catalog/locations/" + id)).andExpect(status().isNotFound());
  }

  @Test
  void aBadLocationIsABadRequestThatSaysWhatToFix() throws Exception {
    mvc.perform(post("/api/catalog/locations").contentType(MediaType.APPLICATION_JSON)
            .content("{\"type\":\"git\",\"target\":\"https://github.com/acme/repo\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail", containsString("/blob/<branch>/")));
    mvc.perform(post("/api/catalog/locations").contentType(MediaType.APPLICATION_JSON)
            .content("{\"type\":\"svn\",\"target\":\"x\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail", containsString("unknown location type 'svn'")));
  }

  @Test
  void listsLocationsWithTheirStatus() throws Exception {
    mvc.perform(get("/api/catalog/locations"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[?(@.origin == 'config')].status", everyItem(is("ok"))));
  }

  @Test
  void servesAnOpenApiDescription() throws Exception {
    mvc.perform(get("/api/openapi"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.paths['/api/catalog/entities'].get").exists())
        .andExpect(jsonPath("$.paths['/api/catalog/locations'].post").exists());
  }
}
