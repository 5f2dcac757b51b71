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
 */
public record NavigationItem(String section, String label, String path, VaadinIcon icon, int order) {}
