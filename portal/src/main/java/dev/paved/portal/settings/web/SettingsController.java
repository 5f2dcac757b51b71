package dev.paved.portal.settings.web;

import dev.paved.portal.settings.Settings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The runtime settings over REST: anyone signed in reads them, admins change them. */
@RestController
@RequestMapping("/api/settings")
@Tag(name = "settings", description = "Runtime settings")
class SettingsController {
  private final Settings settings;

  SettingsController(Settings settings) {
    this.settings = settings;
  }

  @Operation(summary = "Every setting with its value, its configured default and who last changed it")
  @GetMapping
  List<Settings.SettingView> list() {
    return settings.list();
  }

  record Change(String value) {}

  @Operation(summary = "Override a setting (admins)", description = "400 for an invalid value, saying what is allowed;"
      + " 403 unless the caller is an admin")
  @PutMapping(path = "/{key}", consumes = MediaType.APPLICATION_JSON_VALUE)
  Settings.SettingView set(@PathVariable String key, @RequestBody Change change) {
    return settings.set(key, change.value());
  }

  @Operation(summary = "Go back to the configured default (admins)")
  @DeleteMapping("/{key}")
  Settings.SettingView reset(@PathVariable String key) {
    return settings.reset(key);
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ProblemDetail invalid(IllegalArgumentException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
  }
}
