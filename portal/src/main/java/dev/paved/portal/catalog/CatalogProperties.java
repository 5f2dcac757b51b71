package dev.paved.portal.catalog;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Catalog settings, under {@code paved.catalog}.
 *
 * @param locations locations read at start-up and kept registered (the repository's {@code catalog-info/}
 *     folder by default)
 * @param fileRoots folders that {@code file} locations may read from; anything else is refused
 * @param refreshInterval how often every location is checked for changes
 * @param maxFileSize the largest descriptor file read; larger files are refused with an error
 * @param maxNesting how deep Location entities may point to further Locations
 * @param git settings for Git locations
 */
@ConfigurationProperties("paved.catalog")
public record CatalogProperties(
    @DefaultValue List<ConfiguredLocation> locations,
    @DefaultValue List<Path> fileRoots,
    @DefaultValue("5m") Duration refreshInterval,
    @DefaultValue("64MB") DataSize maxFileSize,
    @DefaultValue("10") int maxNesting,
    @DefaultValue Git git) {

  /** A location from configuration. */
  public record ConfiguredLocation(String type, String target) {}

  /**
   * @param cacheDir where fetched repositories are kept (bare, shallow)
   * @param timeout network timeout for clone and fetch
   * @param allowFileUrls whether {@code file://} repositories may be registered: off by default, since it
   *     reads any repository on the portal's machine, outside {@code file-roots}
   * @param allowedHosts the Git hosts locations may read from; empty allows any
   */
  public record Git(
      @DefaultValue("data/git-cache") Path cacheDir,
      @DefaultValue("30s") Duration timeout,
      @DefaultValue("false") boolean allowFileUrls,
      @DefaultValue List<String> allowedHosts) {}
}
