package com.acme.orders;

/**
 * A message that can never be processed, however often it is retried (it does not parse, a required
 * field is missing). It goes to the dead-letter topic at once instead of being retried.
 */
class InvalidMessageException extends RuntimeException {
  InvalidMessageException(String message) {
    super(message);
  }
}
