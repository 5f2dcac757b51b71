package dev.paved.portal.operations.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import dev.paved.portal.shell.NavigationItem;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Admin > Cluster, for platform engineers and admins. */
@Configuration(proxyBeanMethods = false)
class ClusterNavigation {

  @Bean
  NavigationItem clusterNavigationItem() {
    return new NavigationItem("Admin", "Cluster", "admin/cluster", VaadinIcon.SERVER, 930,
        List.of("platform-engineer", "admin"));
  }
}
