package dev.paved.portal.deploy.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import dev.paved.portal.shell.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Deployments page's entry in the main navigation. */
@Configuration(proxyBeanMethods = false)
class DeploymentsNavigation {

  @Bean
  NavigationItem deploymentsNavigationItem() {
    return new NavigationItem("Operate", "Deployments", "deployments", VaadinIcon.CLOUD_UPLOAD, 40);
  }
}
