/**
 * Git hosting: where golden paths create repositories. The portal's embedded Git server is one host; a
 * plugin adds a provider (Gitea, GitLab, GitHub) by implementing {@link dev.paved.plugin.git.GitHost},
 * creating and deleting repositories through the provider's API. Pushing is plain Git over HTTPS with
 * the credentials the host hands out, so every host is written to the same way.
 */
package dev.paved.plugin.git;
