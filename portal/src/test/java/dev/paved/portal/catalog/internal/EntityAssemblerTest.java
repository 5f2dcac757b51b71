package dev.paved.portal.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paved.plugin.catalog.CatalogProcessor;
import dev.paved.plugin.catalog.Entity;
import dev.paved.plugin.catalog.EntityRef;
import dev.paved.plugin.catalog.EntitySource;
import dev.paved.plugin.catalog.Relation;
import dev.paved.plugin.catalog.RelationSink;
import dev.paved.plugin.catalog.ValidationReport;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The processor chain as a plugin sees it. */
class EntityAssemblerTest {
  static final EntitySource SOURCE = new EntitySource("file", "/x", "catalog-info.yaml", "/x/catalog-info.yaml");
  static final Entity SERVICE = Entity.of(Map.of("apiVersion", "backstage.io/v1alpha1", "kind", "Component",
      "metadata", Map.of("name", "svc"), "spec", Map.of("type", "service", "lifecycle", "production", "owner", "team")));

  /** A plugin that labels every component with its tier and says what it runs on. */
  static final class TierProcessor implements CatalogProcessor {
    @Override
    public String id() {
      return "tier";
    }

    @Override
    public Entity preProcess(Entity entity, EntitySource source) {
      Map<String, Object> tree = entity.toMutableTree();
      @SuppressWarnings("unchecked")
      Map<String, Object> metadata = (Map<String, Object>) tree.get("metadata");
      metadata.put("labels", Map.of("tier", "gold"));
      return Entity.of(tree);
    }

    @Override
    public void validate(Entity entity, ValidationReport report) {
      if (entity.name().startsWith("legacy-")) {
        report.problem("metadata.name", "legacy services must be renamed");
      }
    }

    @Override
    public void postProcess(Entity entity, RelationSink relations) {
      relations.emitBothWays(entity.ref(), "dependsOn", EntityRef.parse("resource:default/kubernetes"));
    }
  }

  private EntityAssembler assembler(CatalogProcessor... plugins) {
    List<CatalogProcessor> all = new java.util.ArrayList<>(List.of(new MetadataProcessor(), new BackstageKindsProcessor()));
    all.addAll(List.of(plugins));
    return new EntityAssembler(all, JsonMapper.builder().build());
  }

  @Test
  void aPluginEnrichesValidatesAndRelatesEntities() {
    EntityAssembler.Result result = assembler(new TierProcessor()).assemble(SERVICE, SOURCE, UUID.randomUUID(), UUID.randomUUID(), "h");
    assertThat(result.problems()).isEmpty();
    assertThat(result.row().bodyJson()).contains("\"tier\":\"gold\"").contains("\"namespace\":\"default\"");
    assertThat(result.row().relations()).contains(
        new Relation(EntityRef.parse("component:default/svc"), "dependsOn", EntityRef.parse("resource:default/kubernetes")),
        new Relation(EntityRef.parse("resource:default/kubernetes"), "dependencyOf", EntityRef.parse("component:default/svc")));

    Map<String, Object> legacy = SERVICE.toMutableTree();
    legacy.put("metadata", Map.of("name", "legacy-billing"));
    assertThat(assembler(new TierProcessor()).assemble(Entity.of(legacy), SOURCE, UUID.randomUUID(), UUID.randomUUID(), "h")
        .problems()).containsExactly("legacy services must be renamed");
  }

  @Test
  void aProcessorMayNotRenameAnEntity() {
    CatalogProcessor renamer = new CatalogProcessor() {
      @Override
      public String id() {
        return "renamer";
      }

      @Override
      public Entity preProcess(Entity entity, EntitySource source) {
        Map<String, Object> tree = entity.toMutableTree();
        tree.put("metadata", Map.of("name", entity.name(), "namespace", "team-a"));
        return Entity.of(tree);
      }
    };
    EntityAssembler.Result result = assembler(renamer).assemble(SERVICE, SOURCE, UUID.randomUUID(), UUID.randomUUID(), "h");
    assertThat(result.row()).isNull();
    assertThat(result.problems()).singleElement().asString().contains("may enrich an entity but not rename it");
  }

  @Test
  void aFailingProcessorIsReportedByItsId() {
    CatalogProcessor broken = new CatalogProcessor() {
      @Override
      public String id() {
        return "broken";
      }

      @Override
      public void validate(Entity entity, ValidationReport report) {
        throw new IllegalStateException("boom");
      }
    };
    assertThat(assembler(broken).assemble(SERVICE, SOURCE, UUID.randomUUID(), UUID.randomUUID(), "h").problems())
        .containsExactly("processor broken failed: boom");
  }
}
