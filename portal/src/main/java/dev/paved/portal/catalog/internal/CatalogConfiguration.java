package dev.paved.portal.catalog.internal;

import dev.paved.plugin.catalog.CatalogProcessor;
import dev.paved.plugin.catalog.LocationReader;
import dev.paved.portal.catalog.CatalogProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the catalog's extension points: the built-in processors and readers are ordinary
 * implementations of the plugin API, and plugins add theirs as Spring beans or through {@link
 * ServiceLoader}.
 */
@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

  @Bean
  MetadataProcessor metadataProcessor() {
    return new MetadataProcessor();
  }

  @Bean
  BackstageKindsProcessor backstageKindsProcessor() {
    return new BackstageKindsProcessor();
  }

  @Bean
  FileLocationReader fileLocationReader(CatalogProperties properties) {
    return new FileLocationReader(properties.fileRoots(), properties.maxFileSize().toBytes());
  }

  @Bean
  GitLocationReader gitLocationReader(CatalogProperties properties, dev.paved.portal.git.GitHosts gitHosts) {
    return new GitLocationReader(properties.git(), properties.maxFileSize().toBytes(), gitHosts::localUri);
  }

  @Bean
  CatalogExtensions catalogExtensions(ObjectProvider<CatalogProcessor> processors, ObjectProvider<LocationReader> readers) {
    List<CatalogProcessor> allProcessors = new ArrayList<>(processors.orderedStream().toList());
    ServiceLoader.load(CatalogProcessor.class).forEach(allProcessors::add);
    List<LocationReader> allReaders = new ArrayList<>(readers.orderedStream().toList());
    ServiceLoader.load(LocationReader.class).forEach(allReaders::add);
    return new CatalogExtensions(distinct(allProcessors), distinct(allReaders));
  }

  /** A plugin registered both as a bean and through {@link ServiceLoader} runs once. */
  private static <T> List<T> distinct(List<T> extensions) {
    java.util.Map<Class<?>, T> byClass = new java.util.LinkedHashMap<>();
    extensions.forEach(e -> byClass.putIfAbsent(e.getClass(), e));
    return List.copyOf(byClass.values());
  }

  /** Every processor and reader, from Spring and from {@link ServiceLoader}. */
  record CatalogExtensions(List<CatalogProcessor> processors, List<LocationReader> readers) {
    CatalogExtensions {
      java.util.Map<String, LocationReader> byType = new java.util.HashMap<>();
      for (LocationReader reader : readers) {
        LocationReader other = byType.putIfAbsent(reader.type(), reader);
        if (other != null) {
          throw new IllegalStateException("two location readers claim type '" + reader.type() + "': "
              + other.getClass().getName() + " and " + reader.getClass().getName() + "; remove one of the plugins");
        }
      }
    }
  }
}
