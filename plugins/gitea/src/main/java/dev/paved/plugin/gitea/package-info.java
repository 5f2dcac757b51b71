/**
 * Gitea as a Git host: golden paths create, look up and delete repositories through Gitea's REST API
 * (v1) and push to them over smart HTTP with an access token. Turned on by setting {@code
 * paved.plugins.gitea.url} (see {@link dev.paved.plugin.gitea.GiteaProperties}).
 */
package dev.paved.plugin.gitea;
