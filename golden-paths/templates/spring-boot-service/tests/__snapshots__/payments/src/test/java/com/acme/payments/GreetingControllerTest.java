package com.acme.payments;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class GreetingControllerTest {
  @Autowired MockMvc mvc;

  @Test
  void greetsByName() throws Exception {
    mvc.perform(get("/api/greeting").param("name", "team"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.message").value("Hello, team!"))
        .andExpect(jsonPath("$.service").value("payments-api"));
  }

  @Test
  void livenessAndReadinessAreUp() throws Exception {
    mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
    mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
  }
}
