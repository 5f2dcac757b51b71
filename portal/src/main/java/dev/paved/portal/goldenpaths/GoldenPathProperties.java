package dev.paved.portal.goldenpaths;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Golden-path settings, under {@code paved.golden-paths}.
 *
 * @param directories folders whose sub-folders each hold a golden path ({@code template.yaml},
 *     skeletons, {@code tests/})
 */
@ConfigurationProperties("paved.golden-paths")
public record GoldenPathProperties(@DefaultValue("golden-paths/templates") List<Path> directories) {}
