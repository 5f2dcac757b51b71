package dev.paved.portal.access.web;

import dev.paved.portal.access.CurrentUser;
import dev.paved.portal.access.PermissionDenied;
import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Refusals over REST: 403 with the missing permission, 401 when nobody is signed in. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class AccessErrors {

  @ExceptionHandler(PermissionDenied.class)
  ProblemDetail denied(PermissionDenied e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    problem.setTitle("Permission missing");
    problem.setType(URI.create("https://paved.dev/problems/permission-missing"));
    problem.setProperty("permission", e.permission().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    return problem;
  }

  @ExceptionHandler(CurrentUser.NotSignedIn.class)
  ProblemDetail notSignedIn(CurrentUser.NotSignedIn e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, e.getMessage());
    problem.setTitle("Not signed in");
    return problem;
  }
}
