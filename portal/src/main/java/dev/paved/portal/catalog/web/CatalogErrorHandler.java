package dev.paved.portal.catalog.web;

import dev.paved.portal.catalog.CatalogException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns catalog errors into RFC 9457 problem responses whose detail says what to do. */
@RestControllerAdvice(assignableTypes = CatalogController.class)
class CatalogErrorHandler {

  @ExceptionHandler(CatalogException.class)
  ProblemDetail catalogError(CatalogException e) {
    HttpStatus status = switch (e.reason()) {
      case NOT_FOUND -> HttpStatus.NOT_FOUND;
      case CONFLICT -> HttpStatus.CONFLICT;
      case INVALID, UNREADABLE -> HttpStatus.BAD_REQUEST;
    };
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
    problem.setTitle(status.getReasonPhrase());
    return problem;
  }
}
