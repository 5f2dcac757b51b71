package dev.paved.portal.settings.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import dev.paved.portal.shell.NavigationItem;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Admin > Settings, for admins. */
@Configuration(proxyBeanMethods = false)
class SettingsNavigation {

  @Bean
  NavigationItem settingsNavigationItem() {
    return new NavigationItem("Admin", "Settings", "admin/settings", VaadinIcon.COG, 920, List.of("admin"));
  }
}
