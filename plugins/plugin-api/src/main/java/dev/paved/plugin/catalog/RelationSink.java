package dev.paved.plugin.catalog;

/** Receives the relations a processor emits for the entity being processed. */
public interface RelationSink {

  /** Emits a relation. */
  void emit(Relation relation);

  /**
   * Emits a relation and, if the type has a known inverse, the inverse from the target back to the
   * source.
   */
  default void emitBothWays(EntityRef source, String type, EntityRef target) {
    emit(new Relation(source, type, target));
    String inverse = RelationTypes.inverseOf(type);
    if (inverse != null) {
      emit(new Relation(target, inverse, source));
    }
  }
}
