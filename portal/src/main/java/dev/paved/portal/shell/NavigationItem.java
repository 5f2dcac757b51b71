package dev.paved.portal.shell;

import com.vaadin.flow.component.icon.VaadinIcon;

/**
 * An entry of the portal's main navigation. Each feature contributes its own as a Spring bean, so the
 * shell never needs to know which features exist.
 *
 * @param section the group it is listed under, such as {@code Catalog} or {@code Admin}
 * @param label what the link says
 * @param path where it leads, a route with an optional query ({@code catalog?kind=template})
 * @param icon its icon
 * @param order position within the navigation, lower first
 * @param roles the roles that see it ({@code platform-engineer}); empty for everybody signed in. The view and
 *     the service behind it check for themselves: this only spares others a link they could not use.
 */
public record NavigationItem(String section, String label, String path, VaadinIcon icon, int order,
    java.util.List<String> roles) {

  public NavigationItem {
    roles = java.util.List.copyOf(roles);
  }

  /** An entry everybody signed in sees. */
  public NavigationItem(String section, String label, String path, VaadinIcon icon, int order) {
    this(section, label, path, icon, order, java.util.List.of());
  }
}
