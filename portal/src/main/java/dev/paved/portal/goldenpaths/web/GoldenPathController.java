package dev.paved.portal.goldenpaths.web;

import dev.paved.portal.goldenpaths.DryRunResult;
import dev.paved.portal.goldenpaths.GoldenPathException;
import dev.paved.portal.goldenpaths.GoldenPathSummary;
import dev.paved.portal.goldenpaths.GoldenPaths;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Golden paths over REST, under {@code /api/templates}. */
@RestController
@RequestMapping("/api/templates")
@Tag(name = "templates", description = "Golden paths and their dry run")
class GoldenPathController {
  private final GoldenPaths goldenPaths;

  GoldenPathController(GoldenPaths goldenPaths) {
    this.goldenPaths = goldenPaths;
  }

  @Operation(summary = "List golden paths", description = "Optionally only those matching every word of q (name, title,"
      + " description, tags, owner, type) and carrying every given tag.")
  @GetMapping
  List<GoldenPathSummary> list(@RequestParam(required = false) String q,
      @RequestParam(name = "tag", required = false) List<String> tags) {
    List<String> wanted = tags == null ? List.of() : tags;
    return goldenPaths.list().stream().filter(t -> t.matches(q) && t.tags().containsAll(wanted)).toList();
  }

  @Operation(summary = "Get one golden path with its parameters")
  @GetMapping("/{name}")
  GoldenPathSummary get(@PathVariable String name) {
    return goldenPaths.get(name).orElseThrow(() -> new GoldenPathException("no golden path named " + name, true, Map.of()));
  }

  @Operation(summary = "Dry run", description = "Renders the golden path with the answers in memory and runs its checks;"
      + " creates nothing. Invalid answers give 400 with the problems per field.")
  @PostMapping("/{name}/dry-run")
  DryRunResult dryRun(@PathVariable String name, @RequestBody Map<String, Object> answers) {
    return goldenPaths.dryRun(name, answers);
  }
}
