package dev.paved.portal.goldenpaths.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import dev.paved.portal.shell.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The golden paths' entry in the main navigation. */
@Configuration(proxyBeanMethods = false)
class GoldenPathNavigation {

  @Bean
  NavigationItem templatesNavigation() {
    return new NavigationItem("Create", "Templates", "templates", VaadinIcon.FILE_TREE, 30);
  }

  @Bean
  NavigationItem tasksNavigation() {
    return new NavigationItem("Create", "Tasks", "tasks", VaadinIcon.TASKS, 31);
  }
}
