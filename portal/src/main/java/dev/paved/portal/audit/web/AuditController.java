package dev.paved.portal.audit.web;

import dev.paved.portal.audit.AuditEntry;
import dev.paved.portal.audit.AuditExport;
import dev.paved.portal.audit.AuditQuery;
import dev.paved.portal.audit.AuditTrail;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The audit log over HTTP: read and export, never change (there is no write endpoint, and the table refuses). */
@RestController
@RequestMapping("/api/audit")
class AuditController {
  private final AuditTrail trail;

  AuditController(AuditTrail trail) {
    this.trail = trail;
  }

  /** A page of entries. */
  record Listing(List<AuditEntry> items, long totalItems, int offset, int limit) {}

  @GetMapping
  Listing list(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
      @RequestParam(required = false) String target, @RequestParam(required = false) String outcome,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "100") int limit) {
    if (offset < 0 || limit < 1 || limit > 1000) {
      throw new IllegalArgumentException("offset must be 0 or more and limit between 1 and 1000");
    }
    AuditQuery query = new AuditQuery(actor, action, target, outcome, time("from", from), time("to", to));
    return new Listing(trail.find(query, offset, limit), trail.count(query), offset, limit);
  }

  @GetMapping("/export")
  ResponseEntity<StreamingResponseBody> export(@RequestParam(defaultValue = "csv") String format,
      @RequestParam(required = false) String actor, @RequestParam(required = false) String action,
      @RequestParam(required = false) String target, @RequestParam(required = false) String outcome,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    AuditExport.Format f = AuditExport.Format.of(format);
    AuditQuery query = new AuditQuery(actor, action, target, outcome, time("from", from), time("to", to));
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"paved-audit." + f.extension() + "\"")
        .contentType(MediaType.parseMediaType(f.contentType() + ";charset=UTF-8"))
        .body(out -> AuditExport.write(trail, query, f, out));
  }

  private static Instant time(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(name + " must be an ISO-8601 instant such as 2026-11-21T00:00:00Z, not '"
          + value + "'");
    }
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ResponseEntity<ProblemDetail> badRequest(IllegalArgumentException e) {
    return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage()));
  }
}
