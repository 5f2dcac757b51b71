package dev.paved.portal.deploy.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.shared.Registration;
import dev.paved.plugin.deploy.Deployment;
import dev.paved.plugin.deploy.DeploymentEvent;
import dev.paved.plugin.deploy.DeploymentRef;
import dev.paved.plugin.catalog.EntityRef;
import dev.paved.portal.catalog.EntityDetails;
import dev.paved.portal.deploy.DeploymentOperations;
import dev.paved.portal.deploy.Deployments;
import dev.paved.portal.deploy.internal.ManifestPreview;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Deployments tab of a service: a card per environment, kept current from Argo CD's watch stream. Without
 * Argo CD it says so, shows what would be deployed, and how to connect one.
 */
class ServiceDeploymentsPanel extends VerticalLayout {
  private static final java.util.concurrent.Executor RENDERING = dev.paved.portal.deploy.Background.executor();
  private static final List<String> ENVIRONMENT_ORDER = List.of("dev", "development", "test", "qa", "staging", "stage",
      "preprod", "prod", "production");

  private final EntityDetails entity;
  private final Deployments deployments;
  private final DeploymentOperations operations;
  private final DeploymentEvents events;
  private final ManifestPreview preview;
  private final UnreachableBanner banner = new UnreachableBanner();
  private final VerticalLayout cards = new VerticalLayout();
  private final Map<DeploymentRef, EnvironmentCard> shown = new LinkedHashMap<>();
  /** The shown deployments, for the event filter, which runs on the watch thread. */
  private final java.util.Set<DeploymentRef> shownRefs = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final Paragraph empty = new Paragraph();
  private Registration subscription;
  private boolean built;

  ServiceDeploymentsPanel(EntityDetails entity, Deployments deployments, DeploymentOperations operations,
      DeploymentEvents events, ManifestPreview preview) {
    this.entity = entity;
    this.deployments = deployments;
    this.operations = operations;
    this.events = events;
    this.preview = preview;
    setId("deployments-panel");
    setPadding(false);
    cards.setPadding(false);
    empty.setId("deployments-empty");
  }

  @Override
  protected void onAttach(AttachEvent attachEvent) {
    super.onAttach(attachEvent);
    if (!built) {
      built = true;
      if (deployments.connected()) {
        add(banner, empty, cards);
        refresh();
      } else {
        notConnected();
      }
    }
    if (deployments.connected()) {
      subscription = events.subscribe(attachEvent.getUI(), this::concerns, this::refresh);
      refresh();
    }
  }

  @Override
  protected void onDetach(DetachEvent detachEvent) {
    if (subscription != null) {
      subscription.remove();
      subscription = null;
    }
    super.onDetach(detachEvent);
  }

  private boolean concerns(DeploymentEvent event) {
    return event.deployment() == null || shownRefs.contains(event.deployment().ref())
        || Deployments.matchesEntity(event.deployment(), entity);
  }

  /** Brings the cards in line with what Argo CD last reported. */
  void refresh() {
    banner.show(deployments.instances());
    List<Deployment> now = deployments.of(entity).stream()
        .sorted(Comparator.comparingInt((Deployment d) -> rank(d.environment())).thenComparing(Deployment::environment)
            .thenComparing(d -> d.ref().name())).toList();
    shown.keySet().removeIf(ref -> {
      boolean gone = now.stream().noneMatch(d -> d.ref().equals(ref));
      if (gone) {
        cards.remove(shown.get(ref));
      }
      return gone;
    });
    int index = 0;
    for (Deployment d : now) {
      EnvironmentCard card = shown.get(d.ref());
      if (card == null) {
        card = new EnvironmentCard(d, deployments, operations);
        shown.put(d.ref(), card);
        cards.addComponentAtIndex(index, card);
      } else {
        card.show(d);
      }
      index++;
    }
    shownRefs.retainAll(shown.keySet());
    shownRefs.addAll(shown.keySet());
    empty.setText("Argo CD has no application for " + entity.summary().displayName() + " yet. Its applications are "
        + "found by the annotations " + Deployments.APP_SELECTOR + " or " + Deployments.APP_NAME + " ("
        + Deployments.describeSelector(entity) + ").");
    empty.setVisible(now.isEmpty());
  }

  private void notConnected() {
    Div message = new Div();
    message.setId("argocd-not-connected");
    message.addClassName("paved-card");
    message.add(new Paragraph("No Argo CD is connected to this portal, so nothing is deployed from here and there is "
        + "no status to show. Below is what Argo CD would deploy: the chart of " + entity.summary().displayName()
        + " rendered with each environment's values from the GitOps repository."));
    message.add(new Paragraph("To connect one, set paved.plugins.argocd.instances.<name>.url and .token (an Argo CD "
        + "API token) and restart the portal; see \"Connect Argo CD\" in the README."));
    add(message);
    Div rendering = new Div("Rendering what Argo CD would deploy…");
    rendering.addClassName("paved-muted");
    add(rendering);
    // Git reads and Helm take a moment: off the page's thread, shown when done
    com.vaadin.flow.component.UI ui = com.vaadin.flow.component.UI.getCurrent();
    EntityRef ref = EntityRef.parse(entity.summary().ref());
    String service = Deployments.serviceOf(entity);
    java.util.concurrent.CompletableFuture.runAsync(() -> {
      try {
        List<ManifestPreview.Environment> environments = preview.render(ref, service);
        ui.access(() -> {
          remove(rendering);
          environments.forEach(this::showManifests);
        });
      } catch (RuntimeException e) {
        ui.access(() -> {
          remove(rendering);
          Div problem = new Div(e.getMessage());
          problem.addClassName("paved-problem");
          problem.setId("manifests-problem");
          add(problem);
        });
      }
    }, RENDERING);
  }

  private void showManifests(ManifestPreview.Environment environment) {
    Div content = new Div();
    if (environment.problem().isEmpty()) {
      content.setText(environment.manifests());
      content.addClassName("paved-yaml");
    } else {
      content.setText("Not rendered: " + environment.problem());
      content.addClassName("paved-problem");
    }
    Details details = new Details(environment.environment() + " · " + environment.application(), content);
    details.setWidthFull();
    details.setId("manifests-" + environment.environment());
    add(details);
  }

  private static int rank(String environment) {
    int i = ENVIRONMENT_ORDER.indexOf(environment);
    return i < 0 ? ENVIRONMENT_ORDER.size() : i;
  }
}
