package dev.paved.portal.goldenpaths.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasHelper;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.paved.portal.catalog.CatalogQueries;
import dev.paved.portal.catalog.EntityFilter;
import dev.paved.portal.catalog.EntitySummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * A golden path's form, built from its parameter pages (JSON Schema with Backstage's {@code ui:} keys):
 * text, number, boolean, choice and multi-choice fields, text areas and passwords, and pickers filled
 * from the catalog ({@code OwnerPicker}, {@code EntityPicker}), {@code EntityNamePicker}, the repository
 * picker ({@code RepoUrlPicker}), {@code enumNames} labels and nested objects. Text is checked against
 * its pattern and lengths as it is typed ({@link InlineCheck}). The server validates the answers again
 * with the same schema; its per-field problems are shown on the fields.
 */
final class ParameterForm extends VerticalLayout {
  private final Map<String, HasValue<?, ?>> fields = new LinkedHashMap<>();
  private final CatalogQueries catalog;
  private final List<String> gitHostNames;

  /**
   * @param gitHostNames where the portal can create repositories: the repository picker's hosts when the
   *     template does not restrict them
   */
  ParameterForm(List<Map<String, Object>> pages, CatalogQueries catalog, List<String> gitHostNames) {
    this.catalog = catalog;
    this.gitHostNames = gitHostNames;
    setPadding(false);
    for (Map<String, Object> page : pages) {
      VerticalLayout container = new VerticalLayout();
      container.setPadding(false);
      if (page.get("title") instanceof String title) {
        container.add(new H3(title));
        pageTitles.add(title);
      } else {
        pageTitles.add("Page " + (pageTitles.size() + 1));
      }
      if (page.get("description") instanceof String d) {
        container.add(new Paragraph(d));
      }
      int before = fields.size();
      container.add(properties("", page));
      pageFields.add(List.copyOf(new ArrayList<>(fields.keySet()).subList(before, fields.size())));
      pageContainers.add(container);
      add(container);
    }
  }

  private final List<VerticalLayout> pageContainers = new ArrayList<>();
  private final List<String> pageTitles = new ArrayList<>();
  private final List<List<String>> pageFields = new ArrayList<>();
  private final Map<String, String> labels = new LinkedHashMap<>();

  int pageCount() {
    return pageContainers.size();
  }

  List<String> pageTitles() {
    return List.copyOf(pageTitles);
  }

  /** Shows one page, or every page with {@code -1}. */
  void showPage(int index) {
    for (int i = 0; i < pageContainers.size(); i++) {
      pageContainers.get(i).setVisible(index < 0 || i == index);
    }
  }

  /** Whether a problem's field (or the object it belongs to) is on the page. */
  boolean onPage(int index, String problemField) {
    String root = problemField.replaceAll("[.\\[].*$", "");
    return pageFields.get(index).stream().anyMatch(f -> f.equals(problemField) || f.equals(root) || f.startsWith(root + "."));
  }

  /** The answers as the review page lists them: each field's label and what was chosen. */
  List<Map.Entry<String, String>> summary() {
    List<Map.Entry<String, String>> rows = new ArrayList<>();
    fields.forEach((name, field) -> {
      Object v = field.getValue();
      String shown = v == null || "".equals(v) || (v instanceof java.util.Collection<?> c && c.isEmpty()) ? "–"
          : v instanceof java.util.Collection<?> c ? c.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "))
          : field instanceof com.vaadin.flow.component.textfield.PasswordField ? "••••••" : String.valueOf(v);
      rows.add(Map.entry(labels.getOrDefault(name, name), shown));
    });
    return rows;
  }

  /** A form for an object schema's properties; nested objects get their own titled section. */
  private FormLayout properties(String prefix, Map<String, Object> objectSchema) {
    FormLayout form = new FormLayout();
    form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("700px", 2));
    List<?> required = objectSchema.get("required") instanceof List<?> r ? r : List.of();
    map(objectSchema.get("properties")).forEach((name, property) -> {
      Map<String, Object> schema = map(property);
      Component field;
      if ("object".equals(schema.get("type")) && schema.get("properties") instanceof Map<?, ?>) {
        field = section(prefix + name, schema);
      } else {
        field = field(prefix + name, schema, required.contains(name));
      }
      form.add(field);
      if ("textarea".equals(schema.get("ui:widget")) || field instanceof RepositoryPicker || field instanceof Section) {
        form.setColspan(field, 2);
      }
    });
    return form;
  }

  /** The fields of a nested object, under its title; their answers are sent as one object. */
  private static final class Section extends VerticalLayout {}

  private Component section(String path, Map<String, Object> schema) {
    Section section = new Section();
    section.setPadding(false);
    section.setSpacing(false);
    section.setId("param-" + path);
    com.vaadin.flow.component.html.H4 heading = new com.vaadin.flow.component.html.H4(
        schema.get("title") instanceof String t ? t : path);
    section.add(heading);
    if (schema.get("description") instanceof String d) {
      Paragraph p = new Paragraph(d);
      p.addClassName("paved-muted");
      section.add(p);
    }
    section.add(properties(path + ".", schema));
    return section;
  }

  private Component field(String name, Map<String, Object> schema, boolean required) {
    String label = schema.get("title") instanceof String t ? t : name;
    String type = schema.get("type") instanceof String t ? t : "string";
    String widget = schema.get("ui:widget") instanceof String w ? w : "";
    String uiField = schema.get("ui:field") instanceof String f ? f : "";
    Object dflt = schema.get("default");
    Component component;
    HasValue<?, ?> value;
    if (uiField.equals("OwnerPicker") || uiField.equals("EntityPicker")) {
      ComboBox<String> box = new ComboBox<>(label);
      box.setAllowCustomValue(true);
      box.addCustomValueSetListener(e -> box.setValue(e.getDetail()));
      box.setItems(pickerItems(uiField, schema));
      box.setItemLabelGenerator(ParameterForm::shortRef);
      component = box;
      value = box;
    } else if (uiField.equals("RepoUrlPicker")) {
      Map<String, Object> options = map(schema.get("ui:options"));
      List<String> allowedHosts = strings(options.get("allowedHosts"));
      RepositoryPicker picker = new RepositoryPicker(label, allowedHosts.isEmpty() ? gitHostNames : allowedHosts,
          strings(options.get("allowedOwners")));
      component = picker;
      value = picker;
    } else if (type.equals("boolean")) {
      Checkbox box = new Checkbox(label, Boolean.TRUE.equals(dflt));
      component = box;
      value = box;
    } else if (type.equals("integer")) {
      IntegerField f = new IntegerField(label);
      if (dflt instanceof Number n) {
        f.setValue(n.intValue());
      }
      minMax(schema, f);
      component = f;
      value = f;
    } else if (type.equals("number")) {
      NumberField f = new NumberField(label);
      if (dflt instanceof Number n) {
        f.setValue(n.doubleValue());
      }
      component = f;
      value = f;
    } else if (type.equals("array") && map(schema.get("items")).get("enum") instanceof List<?> options) {
      MultiSelectComboBox<String> box = new MultiSelectComboBox<>(label);
      box.setItems(options.stream().map(String::valueOf).toList());
      box.setItemLabelGenerator(labels(map(schema.get("items"))));
      component = box;
      value = box;
    } else if (schema.get("enum") instanceof List<?> options) {
      List<String> items = options.stream().map(String::valueOf).toList();
      if (widget.equals("radio")) {
        RadioButtonGroup<String> group = new RadioButtonGroup<>(label);
        group.setItems(items);
        group.setItemLabelGenerator(labels(schema));
        component = group;
        value = group;
      } else {
        Select<String> select = new Select<>();
        select.setLabel(label);
        select.setItems(items);
        select.setItemLabelGenerator(labels(schema));
        component = select;
        value = select;
      }
      if (dflt != null) {
        @SuppressWarnings("unchecked")
        HasValue<?, String> v = (HasValue<?, String>) value;
        v.setValue(String.valueOf(dflt));
      }
    } else if (widget.equals("textarea")) {
      TextArea area = new TextArea(label);
      if (map(schema.get("ui:options")).get("rows") instanceof Number rows) {
        area.setMinRows(rows.intValue());
      }
      InlineCheck.attach(area, schema);
      component = area;
      value = area;
    } else if (widget.equals("password")) {
      PasswordField pw = new PasswordField(label);
      component = pw;
      value = pw;
    } else {
      TextField text = new TextField(label);
      if (schema.get("maxLength") instanceof Number n) {
        text.setMaxLength(n.intValue());
      }
      if (uiField.equals("EntityNamePicker") && !schema.containsKey("pattern")) {
        schema = new LinkedHashMap<>(schema);
        schema.put("pattern", InlineCheck.ENTITY_NAME);
      }
      if (map(schema.get("ui:options")).get("placeholder") instanceof String placeholder) {
        text.setPlaceholder(placeholder);
      }
      InlineCheck.attach(text, schema);
      component = text;
      value = text;
    }
    if (dflt instanceof String s && value instanceof TextField tf) {
      tf.setValue(s);
    }
    if (dflt instanceof String s && value instanceof ComboBox<?> cb) {
      @SuppressWarnings("unchecked")
      ComboBox<String> c = (ComboBox<String>) cb;
      c.setValue(s);
    }
    String help = schema.get("ui:help") instanceof String h ? h : schema.get("description") instanceof String d ? d : null;
    if (help != null && component instanceof HasHelper withHelp) {
      withHelp.setHelperText(help);
    }
    if (Boolean.TRUE.equals(schema.get("ui:autofocus")) && component instanceof com.vaadin.flow.component.Focusable<?> f) {
      f.focus();
    }
    value.setRequiredIndicatorVisible(required);
    component.setId("param-" + name);
    fields.put(name, value);
    labels.put(name, label);
    return component;
  }

  private List<String> pickerItems(String uiField, Map<String, Object> schema) {
    String kind = uiField.equals("OwnerPicker") ? "group" : null;
    Map<String, Object> filter = map(map(schema.get("ui:options")).get("catalogFilter"));
    if (filter.get("kind") instanceof String k) {
      kind = k;
    }
    EntityFilter f = kind == null ? EntityFilter.ALL : EntityFilter.ALL.withKinds(List.of(kind));
    return catalog.find(f, 0, 500).items().stream().map(EntitySummary::ref).toList();
  }

  /** {@code enumNames} label the {@code enum} values, position by position, as in Backstage. */
  private static com.vaadin.flow.component.ItemLabelGenerator<String> labels(Map<String, Object> schema) {
    List<String> values = strings(schema.get("enum"));
    List<String> names = strings(schema.get("enumNames"));
    return value -> {
      int i = values.indexOf(value);
      return i >= 0 && i < names.size() ? names.get(i) : value;
    };
  }

  private static List<String> strings(Object o) {
    return o instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
  }

  private static void minMax(Map<String, Object> schema, IntegerField f) {
    if (schema.get("minimum") instanceof Number n) {
      f.setMin(n.intValue());
    }
    if (schema.get("maximum") instanceof Number n) {
      f.setMax(n.intValue());
    }
  }

  /** The answers as typed: empty fields are left out, so defaults and "required" apply on the server. */
  Map<String, Object> values() {
    Map<String, Object> out = new LinkedHashMap<>();
    fields.forEach((name, field) -> {
      Object v = field.getValue();
      if (v instanceof java.util.Set<?> set) {
        v = set.isEmpty() ? null : new ArrayList<>(new LinkedHashSet<>(set));
      } else if (v instanceof String s && s.isEmpty()) {
        v = null;
      }
      if (v != null) {
        put(out, name, v);
      }
    });
    return out;
  }

  /** Puts a value at a dotted path ({@code database.size}), creating the objects on the way. */
  @SuppressWarnings("unchecked")
  private static void put(Map<String, Object> target, String path, Object value) {
    int dot = path.indexOf('.');
    if (dot < 0) {
      target.put(path, value);
    } else {
      Object child = target.computeIfAbsent(path.substring(0, dot), k -> new LinkedHashMap<String, Object>());
      put((Map<String, Object>) child, path.substring(dot + 1), value);
    }
  }

  /** Shows the server's problems on their fields, clears the others; returns problems with no field. */
  List<String> showProblems(Map<String, List<String>> problems) {
    List<String> unplaced = new ArrayList<>();
    fields.forEach((name, field) -> {
      if (field instanceof HasValidation v) {
        List<String> p = problems.get(name);
        v.setInvalid(p != null);
        v.setErrorMessage(p == null ? null : String.join("; ", p));
      }
    });
    problems.forEach((name, messages) -> {
      String root = name.replaceAll("[.\\[].*$", "");
      HasValue<?, ?> exact = fields.get(name);
      if (exact instanceof HasValidation) {
        return; // shown on its field above
      }
      if (exact == null && fields.get(root) instanceof HasValidation v) {
        v.setInvalid(true);
        v.setErrorMessage(name + ": " + String.join("; ", messages));
      } else {
        unplaced.add(name + ": " + String.join("; ", messages));
      }
    });
    return unplaced;
  }


  private static String shortRef(String ref) {
    int colon = ref.indexOf(':');
    String rest = colon < 0 ? ref : ref.substring(colon + 1);
    return rest.startsWith("default/") ? rest.substring(8) : rest;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }
}
