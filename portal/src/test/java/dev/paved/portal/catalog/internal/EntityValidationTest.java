package dev.paved.portal.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.plugin.catalog.Entity;
import dev.paved.plugin.catalog.Relation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EntityValidationTest {
  private final MetadataProcessor metadata = new MetadataProcessor();
  private final BackstageKindsProcessor kinds = new BackstageKindsProcessor();

  private Map<String, Entity> load(String file) throws Exception {
    Map<String, Entity> out = new LinkedHashMap<>();
    for (var doc : DescriptorParser.parse(DescriptorParserTest.resource(file), file)) {
      Entity e = Entity.of(doc.tree());
      out.put(e.name(), e);
    }
    return out;
  }

  private List<String> problems(Entity e) {
    List<String> problems = new ArrayList<>();
    metadata.validate(e, (field, message) -> problems.add(message));
    kinds.validate(e, (field, message) -> problems.add(message));
    return problems;
  }

  private List<String> relations(Entity e) {
    List<String> out = new ArrayList<>();
    kinds.postProcess(e, (Relation r) -> out.add(r.source() + " " + r.type() + " " + r.target()));
    return out;
  }

  @Test
  void everyBackstageKindWrittenCorrectlyIsValid() throws Exception {
    load("all-kinds.yaml").forEach((name, entity) -> assertThat(problems(entity)).as(name).isEmpty());
  }

  @Test
  void invalidEntitiesReportEachProblemWithTheField() throws Exception {
    Map<String, Entity> e = load("invalid-entities.yaml");
    assertThat(problems(e.get("-starts-with-dash"))).singleElement().asString()
        .contains("name '-starts-with-dash' must be 1 to 63 letters");
    assertThat(problems(e.get("no-owner"))).containsExactly(
        "spec.owner is required for a Component and must be a string");
    assertThat(problems(e.get("wrong-types"))).anyMatch(p -> p.contains("tag 'Java'"))
        .anyMatch(p -> p.contains("tag 'has space'"))
        .anyMatch(p -> p.contains("key 'bad key!'"))
        .anyMatch(p -> p.contains("annotation 'ok/key' must be a string"))
        .anyMatch(p -> p.contains("spec.lifecycle is required"))
        .anyMatch(p -> p.contains("spec.providesApis must be a list"));
    assertThat(problems(e.get("no-definition"))).anyMatch(p -> p.contains("namespace 'Not_A_Label'"))
        .anyMatch(p -> p.contains("spec.definition is required for a API"));
    assertThat(problems(e.get("group-without-children"))).containsExactly(
        "spec.children is required for a Group and must be a list");
    assertThat(problems(e.get("no-api-version"))).containsExactly("apiVersion is required, e.g. backstage.io/v1alpha1");
    assertThat(problems(e.get("bad-link"))).anyMatch(p -> p.contains("unknown top-level field 'extra'"))
        .anyMatch(p -> p.contains("must start with https://"));
  }

  @Test
  void aBuiltInKindWithTheWrongApiVersionIsRefused() {
    Entity e = Entity.of(Map.of("apiVersion", "backstage.io/v2", "kind", "System",
        "metadata", Map.of("name", "s"), "spec", Map.of("owner", "t")));
    assertThat(problems(e)).containsExactly(
        "kind System needs apiVersion backstage.io/v1alpha1 or backstage.io/v1beta1, not backstage.io/v2");
  }

  @Test
  void relationsAreEmittedInBothDirectionsWithDefaultKinds() throws Exception {
    Map<String, Entity> e = load("all-kinds.yaml");
    assertThat(relations(e.get("petstore"))).containsExactlyInAnyOrder(
        "component:default/petstore ownedBy group:default/pets",
        "group:default/pets ownerOf component:default/petstore",
        "component:default/petstore partOf system:default/shop",
        "system:default/shop hasPart component:default/petstore",
        "component:default/petstore partOf component:default/storefront",
        "component:default/storefront hasPart component:default/petstore",
        "component:default/petstore providesApi api:default/petstore-api",
        "api:default/petstore-api apiProvidedBy component:default/petstore",
        "component:default/petstore consumesApi api:billing/invoices-api",
        "api:billing/invoices-api apiConsumedBy component:default/petstore",
        "component:default/petstore dependsOn resource:default/pets-db",
        "resource:default/pets-db dependencyOf component:default/petstore",
        "component:default/petstore dependsOn component:default/inventory",
        "component:default/inventory dependencyOf component:default/petstore",
        "component:default/petstore dependencyOf component:default/storefront",
        "component:default/storefront dependsOn component:default/petstore");
    assertThat(relations(e.get("pets"))).containsExactlyInAnyOrder(
        "group:default/pets childOf group:default/retail-org",
        "group:default/retail-org parentOf group:default/pets",
        "group:default/pets parentOf group:default/pets-backend",
        "group:default/pets-backend childOf group:default/pets",
        "group:default/pets hasMember user:default/jdoe",
        "user:default/jdoe memberOf group:default/pets");
    assertThat(relations(e.get("jdoe"))).contains("user:default/jdoe memberOf group:default/pets");
    assertThat(relations(e.get("retail"))).contains("domain:default/retail partOf domain:default/commerce");
    assertThat(relations(e.get("shop"))).contains("system:default/shop partOf domain:default/retail");
    assertThat(relations(e.get("spring-service"))).contains("template:default/spring-service ownedBy group:default/platform");
    assertThat(relations(e.get("nightly"))).isEmpty();
  }

  @Test
  void dependsOnNeedsAnExplicitKind() {
    Entity e = Entity.of(Map.of("apiVersion", "backstage.io/v1alpha1", "kind", "Component",
        "metadata", Map.of("name", "c"),
        "spec", Map.of("type", "service", "lifecycle", "production", "owner", "t", "dependsOn", List.of("db"))));
    assertThat(problems(e)).singleElement().asString().contains("does not say its kind");
  }
}
