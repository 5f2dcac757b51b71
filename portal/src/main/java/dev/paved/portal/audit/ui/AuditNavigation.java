package dev.paved.portal.audit.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import dev.paved.portal.shell.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The audit log's entry in the main navigation. */
@Configuration(proxyBeanMethods = false)
class AuditNavigation {

  @Bean
  NavigationItem auditNavigationItem() {
    return new NavigationItem("Admin", "Audit log", "audit", VaadinIcon.CLIPBOARD_TEXT, 910,
        java.util.List.of("platform-engineer", "admin"));
  }
}
