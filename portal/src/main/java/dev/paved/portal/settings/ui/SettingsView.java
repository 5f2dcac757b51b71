package dev.paved.portal.settings.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.paved.portal.access.PermissionDenied;
import dev.paved.portal.settings.Settings;
import dev.paved.portal.settings.Settings.SettingView;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;

/** Admin > Settings: each runtime setting with its value, its configured default, Save and Reset. */
@RolesAllowed("admin")
@Route("admin/settings")
@PageTitle("Settings · Paved")
public class SettingsView extends VerticalLayout {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());
  private final Settings settings;
  private final VerticalLayout list = new VerticalLayout();

  public SettingsView(Settings settings) {
    this.settings = settings;
    list.setPadding(false);
    add(new H2("Settings"), new Paragraph("Changes apply at once on every replica and are written to the audit log;"
        + " Reset goes back to the value from the portal's configuration."), list);
    load();
  }

  private void load() {
    list.removeAll();
    String section = null;
    for (SettingView setting : settings.list()) {
      if (!setting.section().equals(section)) {
        section = setting.section();
        list.add(new H3(section));
      }
      list.add(row(setting));
    }
  }

  private Component row(SettingView setting) {
    String id = setting.key().replace('.', '-');
    Supplier<String> value;
    Component field;
    if (!setting.choices().isEmpty()) {
      Select<String> select = new Select<>();
      select.setItems(setting.choices());
      select.setValue(setting.value());
      select.setLabel(setting.label());
      field = select;
      value = select::getValue;
    } else {
      IntegerField number = new IntegerField(setting.label());
      number.setMin(setting.min());
      number.setMax(setting.max());
      number.setStepButtonsVisible(true);
      number.setValue(Integer.valueOf(setting.value()));
      field = number;
      value = () -> number.getValue() == null ? "" : String.valueOf(number.getValue());
    }
    field.setId("setting-" + id);
    Button save = new Button("Save", e -> change(() -> settings.set(setting.key(), value.get()), field));
    save.setId("setting-save-" + id);
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    Button reset = new Button("Reset", e -> change(() -> settings.reset(setting.key()), field));
    reset.setId("setting-reset-" + id);
    reset.setEnabled(setting.overridden());
    HorizontalLayout controls = new HorizontalLayout(field, save, reset);
    controls.setAlignItems(Alignment.BASELINE);
    Div state = new Div(setting.overridden()
        ? "Changed by " + setting.updatedBy() + " at " + TIME.format(setting.updatedAt()) + "; configured: "
            + setting.configured()
        : "As configured");
    state.setId("setting-state-" + id);
    state.addClassName("paved-muted");
    VerticalLayout row = new VerticalLayout(controls, new Div(setting.description()), state);
    row.setPadding(false);
    row.setSpacing(false);
    return row;
  }

  private void change(Runnable action, Component field) {
    try {
      action.run();
      Notification.show("Saved", 3000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
      load();
    } catch (IllegalArgumentException | PermissionDenied e) {
      if (field instanceof HasValue<?, ?> && field instanceof com.vaadin.flow.component.HasValidation v) {
        v.setErrorMessage(e.getMessage());
        v.setInvalid(true);
      }
      Notification.show(e.getMessage(), 8000, Notification.Position.BOTTOM_START)
          .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
  }
}
