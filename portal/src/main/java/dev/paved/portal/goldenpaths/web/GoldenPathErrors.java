package dev.paved.portal.goldenpaths.web;

import dev.paved.portal.goldenpaths.GoldenPathException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Golden-path and task errors as RFC 9457 problems: 404, 409 (a name taken, a task in the wrong state) or
 * 400, with the problems per field in {@code fields}.
 */
@RestControllerAdvice(assignableTypes = {GoldenPathController.class, TaskController.class})
class GoldenPathErrors {

  @ExceptionHandler(GoldenPathException.class)
  ProblemDetail problem(GoldenPathException e) {
    HttpStatus status = e.notFound() ? HttpStatus.NOT_FOUND : e.conflict() ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
    problem.setTitle(status.getReasonPhrase());
    if (!e.fieldProblems().isEmpty()) {
      problem.setProperty("fields", e.fieldProblems());
    }
    return problem;
  }
}
