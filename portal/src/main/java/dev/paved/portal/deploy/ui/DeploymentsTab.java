package dev.paved.portal.deploy.ui;

import dev.paved.portal.catalog.EntityDetails;
import dev.paved.portal.catalog.EntityTab;
import dev.paved.portal.deploy.DeploymentOperations;
import dev.paved.portal.deploy.Deployments;
import dev.paved.portal.deploy.internal.ManifestPreview;

/** Adds the Deployments tab to every catalog entity that says how to find its Argo CD applications. */
@org.springframework.stereotype.Component
class DeploymentsTab implements EntityTab {
  private final Deployments deployments;
  private final DeploymentOperations operations;
  private final DeploymentEvents events;
  private final ManifestPreview preview;

  DeploymentsTab(Deployments deployments, DeploymentOperations operations, DeploymentEvents events, ManifestPreview preview) {
    this.deployments = deployments;
    this.operations = operations;
    this.events = events;
    this.preview = preview;
  }

  @Override
  public String id() {
    return "deployments";
  }

  @Override
  public String label() {
    return "Deployments";
  }

  @Override
  public int order() {
    return 10;
  }

  @Override
  public boolean appliesTo(EntityDetails entity) {
    return Deployments.deploys(entity);
  }

  @Override
  public com.vaadin.flow.component.Component content(EntityDetails entity) {
    return new ServiceDeploymentsPanel(entity, deployments, operations, events, preview);
  }
}
