package dev.paved.portal.git.internal;

import java.io.IOException;
import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.util.SystemReader;
import org.springframework.stereotype.Component;

/**
 * Process-wide JGit settings. Automatic garbage collection runs in the calling thread rather than in
 * the background: the catalog clones into a scratch folder and then moves it into place, and a
 * collection still running in the background would find its folder gone (and log lock errors).
 */
@Component
class JGitSettings {

  JGitSettings() {
    try {
      StoredConfig user = SystemReader.getInstance().getUserConfig();
      user.setBoolean("gc", null, "autoDetach", false);
    } catch (IOException | ConfigInvalidException e) {
      throw new IllegalStateException("cannot adjust JGit's settings: " + e.getMessage(), e);
    }
  }
}
