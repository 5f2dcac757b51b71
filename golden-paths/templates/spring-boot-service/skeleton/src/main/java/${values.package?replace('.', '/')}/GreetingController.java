package ${values.package};

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The sample endpoint: replace it with the service's own API. */
@RestController
class GreetingController {

  @GetMapping("/api/greeting")
  Map<String, String> greeting(@RequestParam(defaultValue = "world") String name) {
    if (name.length() > 100) {
      throw new IllegalArgumentException("name is longer than 100 characters");
    }
    return Map.of("message", "Hello, " + name + "!", "service", "${values.name}");
  }
}
