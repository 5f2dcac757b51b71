package dev.paved.portal.goldenpaths.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Backstage's {@code RepoUrlPicker}: host, owner and repository name, giving the value {@code
 * host?owner=o&repo=r} that the {@code parseRepoUrl} filter reads. {@code ui:options.allowedHosts} and
 * {@code allowedOwners} restrict the choices; without them the host and owner are typed freely.
 */
final class RepositoryPicker extends CustomField<String> {
  private final ComboBox<String> host = new ComboBox<>();
  private final ComboBox<String> owner = new ComboBox<>();
  private final TextField repo = new TextField();

  RepositoryPicker(String label, List<String> allowedHosts, List<String> allowedOwners) {
    setLabel(label);
    configure(host, "Host", allowedHosts, "git.example.com");
    configure(owner, "Owner", allowedOwners, "team or organisation");
    repo.setPlaceholder("repository");
    repo.setAriaLabel("Repository");
    host.addValueChangeListener(e -> updateValue());
    owner.addValueChangeListener(e -> updateValue());
    repo.addValueChangeListener(e -> updateValue());
    HorizontalLayout parts = new HorizontalLayout(host, owner, repo);
    parts.setSpacing(true);
    add(parts);
  }

  private static void configure(ComboBox<String> box, String aria, List<String> allowed, String placeholder) {
    box.setAriaLabel(aria);
    box.setPlaceholder(placeholder);
    box.setItems(allowed);
    if (allowed.size() == 1) {
      box.setValue(allowed.get(0));
    }
    if (allowed.isEmpty()) {
      // nothing to choose from: whatever is typed is the value
      box.setAllowCustomValue(true);
      box.addCustomValueSetListener(e -> box.setValue(e.getDetail()));
    }
  }

  @Override
  protected String generateModelValue() {
    if (blank(host.getValue()) && blank(owner.getValue()) && blank(repo.getValue())) {
      return "";
    }
    return nullToEmpty(host.getValue()) + "?owner=" + encode(owner.getValue()) + "&repo=" + encode(repo.getValue());
  }

  @Override
  protected void setPresentationValue(String value) {
    int q = value == null ? -1 : value.indexOf('?');
    if (q < 0) {
      host.setValue(blank(value) ? null : value);
      return;
    }
    host.setValue(value.substring(0, q));
    for (String pair : value.substring(q + 1).split("&")) {
      String[] kv = pair.split("=", 2);
      String v = kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
      if (kv[0].equals("owner")) {
        owner.setValue(v);
      } else if (kv[0].equals("repo")) {
        repo.setValue(v);
      }
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(nullToEmpty(s), StandardCharsets.UTF_8);
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
