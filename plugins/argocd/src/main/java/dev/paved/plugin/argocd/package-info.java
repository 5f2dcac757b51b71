/**
 * Argo CD: the portal's deployment target ({@link dev.paved.plugin.argocd.ArgoCdDeploymentTarget}) and the
 * {@code argocd:create-app} scaffolder action, talking to one or more Argo CD instances through a client
 * generated from the project's API document ({@code src/main/openapi/argocd-api.yaml}), with the NDJSON
 * streams (application watch, pod logs) read line by line by the plugin itself.
 */
package dev.paved.plugin.argocd;
