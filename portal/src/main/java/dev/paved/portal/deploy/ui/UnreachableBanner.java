package dev.paved.portal.deploy.ui;

import com.vaadin.flow.component.html.Div;
import dev.paved.plugin.deploy.InstanceState;
import java.util.List;

/** Says which Argo CD instances cannot be reached and since when, above what was seen last. */
class UnreachableBanner extends Div {

  UnreachableBanner() {
    setId("argocd-unreachable");
    addClassName("paved-problem");
    setVisible(false);
  }

  void show(List<InstanceState> instances) {
    removeAll();
    List<InstanceState> down = instances.stream().filter(i -> !i.reachable()).toList();
    for (InstanceState state : down) {
      add(new Div("Argo CD " + state.instance() + " unreachable since " + Badges.time(state.unreachableSince())
          + ": showing what it reported last" + (state.lastContact() == null ? "" : " (at "
          + Badges.time(state.lastContact()) + ")") + ". " + state.problem()));
    }
    setVisible(!down.isEmpty());
  }
}
