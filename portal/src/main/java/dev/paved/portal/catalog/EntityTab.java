package dev.paved.portal.catalog;

import com.vaadin.flow.component.Component;

/**
 * A tab another feature adds to entity pages, such as the deployments of a service. Features register their
 * tabs as Spring beans, so the catalog does not need to know them; backend-only plugins never see Vaadin.
 */
public interface EntityTab {

  /** The tab's label. */
  String label();

  /** Where it goes among the contributed tabs, lower first; they follow Overview. */
  default int order() {
    return 100;
  }

  /** Whether this entity gets the tab, such as only components that deploy. */
  boolean appliesTo(EntityDetails entity);

  /** The tab's content, made when the tab is first shown; it may update itself while attached. */
  Component content(EntityDetails entity);

  /** The tab's id in the page's address fragment-free form, such as {@code deployments}. */
  String id();
}
