package dev.paved.portal.catalog.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import dev.paved.portal.shell.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The catalog's entries in the main navigation. */
@Configuration(proxyBeanMethods = false)
class CatalogNavigation {

  @Bean
  NavigationItem catalogListNavigation() {
    return new NavigationItem("Catalog", "Catalog", "catalog", VaadinIcon.LIST, 10);
  }

  @Bean
  NavigationItem registerNavigation() {
    return new NavigationItem("Catalog", "Register component", "catalog/register", VaadinIcon.PLUS_CIRCLE_O, 20,
        java.util.List.of("platform-engineer", "admin"));
  }

  @Bean
  NavigationItem locationsNavigation() {
    return new NavigationItem("Admin", "Catalog locations", "admin/locations", VaadinIcon.DATABASE, 900,
        java.util.List.of("platform-engineer", "admin"));
  }
}
