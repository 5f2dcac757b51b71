package dev.paved.portal.shell;

import com.vaadin.flow.component.Component;

/**
 * Something a feature shows at the right of the header on every page, such as the signed-in user's menu.
 * Contributed as a Spring bean (prototype-scoped when it holds per-page state); {@link #order()} sorts them.
 */
public interface HeaderItem {

  /** A new component for one page. */
  Component create();

  /** Smaller numbers come first (leftmost). */
  default int order() {
    return 100;
  }
}
