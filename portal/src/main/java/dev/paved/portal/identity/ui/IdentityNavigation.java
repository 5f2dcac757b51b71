package dev.paved.portal.identity.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import dev.paved.portal.shell.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The user's own pages in the main navigation. */
@Configuration(proxyBeanMethods = false)
class IdentityNavigation {

  @Bean
  NavigationItem accessTokensNavigation() {
    return new NavigationItem("Account", "Access tokens", "tokens", VaadinIcon.KEY, 90);
  }
}
