package dev.paved.portal.deploy.ui;

import dev.paved.portal.testing.TestUsers;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import dev.paved.portal.goldenpaths.Scaffolder;
import dev.paved.portal.testing.IsolatedPortal;
import dev.paved.portal.testing.UiTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The embedded default has no Argo CD: the tab says so and shows what would be deployed, never a status. */
class NotConnectedUiTest extends UiTest {
  @Autowired Scaffolder scaffolder;

  @Test
  void theTabShowsTheManifestsArgoCdWouldDeployAndHowToConnectOne() {
    String name = unique("shop").replace("-", "").substring(0, 12);
    var task = IsolatedPortal.awaitFinished(scaffolder, scaffolder.start("spring-boot-service", Map.of("name", name,
        "owner", "group:default/team-payments", "javaPackage", "com.acme.shop", "host", "shop.acme.example",
        "repoUrl", "localhost:8080?owner=team-payments&repo=" + name),
        TestUsers.DEFAULT, null).task().id());
    assertThat(task.state()).as(task.error()).isEqualTo(Scaffolder.State.SUCCEEDED);
    assertThat(task.log()).extracting(Scaffolder.LogLine::line).anyMatch(l -> l.startsWith("No Argo CD is connected"));

    UI.getCurrent().navigate("catalog/component/default/" + name, QueryParameters.of("tab", "deployments"));

    assertThat(_get(Div.class, spec -> spec.withId("argocd-not-connected")).getElement().getTextRecursively())
        .contains("No Argo CD is connected").contains("paved.plugins.argocd.instances");
    org.awaitility.Awaitility.await().pollInSameThread().atMost(java.time.Duration.ofSeconds(20)).until(() -> {
      com.github.mvysny.kaributesting.v10.MockVaadin.clientRoundtrip(false);
      return !_find(Details.class, spec -> spec.withId("manifests-prod")).isEmpty();
    });
    Details prod = _get(Details.class, spec -> spec.withId("manifests-prod"));
    String manifests = ((Div) prod.getContent().findFirst().orElseThrow()).getText();
    assertThat(manifests).contains("kind: Deployment").contains("kind: HorizontalPodAutoscaler")
        .contains("kind: Ingress").contains("shop.acme.example").doesNotContain("Synced");
    assertThat(_find(Div.class, spec -> spec.withId("deployment-status-" + name + "-dev"))).isEmpty();

    UI.getCurrent().navigate("deployments");
    assertThat(_get(Div.class, spec -> spec.withId("argocd-not-connected")).getElement().getTextRecursively())
        .contains("No Argo CD is connected");
  }
}
