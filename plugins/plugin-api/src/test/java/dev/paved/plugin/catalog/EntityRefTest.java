package dev.paved.plugin.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EntityRefTest {

  @Test
  void aBareNameTakesTheDefaultKindAndNamespace() {
    assertThat(EntityRef.parse("team-a", "group", "default")).isEqualTo(new EntityRef("group", "default", "team-a"));
  }

  @Test
  void aFullReferenceKeepsItsOwnKindAndNamespace() {
    EntityRef ref = EntityRef.parse("Component:Payments/Billing-API", "group", "default");
    assertThat(ref.toString()).isEqualTo("component:payments/billing-api");
  }

  @Test
  void aNamespaceWithoutKindUsesTheDefaultKind() {
    assertThat(EntityRef.parse("ops/sre", "group", "default").toString()).isEqualTo("group:ops/sre");
  }

  @Test
  void referencesCompareCaseInsensitively() {
    assertThat(EntityRef.parse("Group:Default/Team-A")).isEqualTo(EntityRef.parse("group:default/team-a"));
  }

  @Test
  void aReferenceWithoutKindWhereNoneIsImpliedIsRefused() {
    assertThatThrownBy(() -> EntityRef.parse("payments", null, "default"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not say its kind");
  }

  @Test
  void malformedReferencesAreRefusedWithTheExpectedShape() {
    for (String bad : List.of("", "group:", "a/b/c", "kind:ns/", ":x")) {
      assertThatThrownBy(() -> EntityRef.parse(bad, "group", "default")).as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void anEntityIsAReadOnlyCopyOfItsTree() {
    Map<String, Object> metadata = new java.util.HashMap<>(Map.of("name", "svc", "tags", List.of("java")));
    Map<String, Object> tree = new java.util.HashMap<>(Map.of("kind", "Component", "metadata", metadata));
    Entity entity = Entity.of(tree);
    metadata.put("name", "changed");
    assertThat(entity.name()).isEqualTo("svc");
    assertThat(entity.ref()).isEqualTo(new EntityRef("component", "default", "svc"));
    assertThat(entity.tags()).containsExactly("java");
    assertThatThrownBy(() -> entity.metadata().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    Map<String, Object> copy = entity.toMutableTree();
    copy.put("kind", "API");
    assertThat(entity.kind()).isEqualTo("Component");
  }

  @Test
  void emittingBothWaysAddsTheInverseRelation() {
    List<Relation> emitted = new java.util.ArrayList<>();
    RelationSink sink = emitted::add;
    EntityRef svc = EntityRef.parse("component:default/svc");
    EntityRef team = EntityRef.parse("group:default/team");
    sink.emitBothWays(svc, RelationTypes.OWNED_BY, team);
    assertThat(emitted).containsExactly(new Relation(svc, "ownedBy", team), new Relation(team, "ownerOf", svc));
  }
}
