package dev.paved.portal.catalog.internal;

import dev.paved.portal.catalog.CatalogChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Tells the rest of the portal (facet caches, open views) that the catalog changed. */
@Component
class CatalogChangeNotifier {
  private final ApplicationEventPublisher events;

  CatalogChangeNotifier(ApplicationEventPublisher events) {
    this.events = events;
  }

  void changed() {
    events.publishEvent(new CatalogChanged());
  }
}
