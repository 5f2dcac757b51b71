package dev.paved.portal.shell;

import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.QueryParameters;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The app shell: a header and a navigation drawer filled from the {@link NavigationItem}s the features
 * contribute. The drawer collapses behind a toggle on narrow screens.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

  public MainLayout(List<NavigationItem> items, List<HeaderItem> headerItems, AuthenticationContext authentication) {
    DrawerToggle toggle = new DrawerToggle();
    toggle.setAriaLabel("Menu");
    Span brand = new Span("Paved");
    brand.addClassName("paved-brand");
    Anchor api = new Anchor("/api/openapi", "API");
    api.setTarget("_blank");
    api.getElement().setAttribute("title", "OpenAPI description of the REST API");
    HorizontalLayout header = new HorizontalLayout(toggle, brand);
    header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
    header.setWidthFull();
    HorizontalLayout right = new HorizontalLayout(api);
    right.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
    headerItems.stream().sorted(Comparator.comparingInt(HeaderItem::order)).forEach(item -> right.add(item.create()));
    right.getStyle().set("margin-left", "auto").set("padding-right", "var(--lumo-space-m)");
    header.add(right);
    addToNavbar(header);
    setPrimarySection(Section.DRAWER);
    addToDrawer(new Scroller(navigation(items.stream()
        .filter(i -> i.roles().isEmpty() || authentication.hasAnyRole(i.roles())).toList())));
  }

  private static SideNav navigation(List<NavigationItem> items) {
    SideNav nav = new SideNav();
    nav.setId("main-nav");
    Map<String, SideNavItem> sections = new LinkedHashMap<>();
    for (NavigationItem item : items.stream().sorted(Comparator.comparingInt(NavigationItem::order)).toList()) {
      int query = item.path().indexOf('?');
      SideNavItem link = new SideNavItem(item.label(), query < 0 ? item.path() : item.path().substring(0, query),
          item.icon().create());
      if (query >= 0) {
        link.setQueryParameters(QueryParameters.fromString(item.path().substring(query + 1)));
      }
      SideNavItem section = sections.computeIfAbsent(item.section(), s -> {
        SideNavItem header = new SideNavItem(s);
        header.setPrefixComponent(VaadinIcon.FOLDER_O.create());
        header.setExpanded(true);
        nav.addItem(header);
        return header;
      });
      section.addItem(link);
    }
    return nav;
  }
}
