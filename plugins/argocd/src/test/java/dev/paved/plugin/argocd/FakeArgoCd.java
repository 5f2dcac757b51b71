package dev.paved.plugin.argocd;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Argo CD as far as Paved uses it, on 127.0.0.1 in an embedded Tomcat, for tests: the application, project
 * and session endpoints of the project's API document with Argo CD's status codes and error bodies, and its
 * NDJSON streams (application watch, pod logs) as long-lived responses. Every request body and every answer
 * (each stream line too) is checked against the project's document ({@link ArgoCdApiContract}); a request
 * that does not fit is answered 400 and recorded, and {@link #violations()} lists what did not fit.
 *
 * <p>What it simulates: applications kept as Argo CD's JSON, a sync that succeeds and adds a history entry
 * with the revisions a resolver gives (tests resolve real commits), rollback refused under auto-sync as in
 * Argo CD, a resource tree of a Deployment with its ReplicaSet, Pods and a Service, resource actions
 * (restart recorded), pod logs. Faults, switched on by tests: answers with an error status, slow answers,
 * connections closed without an answer (unreachable), streams dropped, sessions expired.
 */
public final class FakeArgoCd implements AutoCloseable {
  public static final String TOKEN = "fake-argocd-token";
  public static final String USERNAME = "paved";
  public static final String PASSWORD = "paved-password";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  /** Held so the settings stay: Tomcat warns about requests still running when a test closes open streams. */
  private static final List<Logger> QUIET = List.of(Logger.getLogger("org.apache"), Logger.getLogger("org.apache.catalina"));

  static {
    QUIET.get(0).setLevel(Level.WARNING);
    QUIET.get(1).setLevel(Level.SEVERE);
  }

  private final Tomcat tomcat;
  private final int port;
  private final ArgoCdApiContract contract = ArgoCdApiContract.get();
  private final Map<String, ObjectNode> applications = new ConcurrentHashMap<>();
  private final Map<String, ArrayNode> trees = new ConcurrentHashMap<>();
  private final Map<String, Integer> replicas = new ConcurrentHashMap<>();
  private final Map<String, List<ObjectNode>> logs = new ConcurrentHashMap<>();
  private final List<BlockingQueue<ObjectNode>> watchers = new CopyOnWriteArrayList<>();
  private final List<BlockingQueue<ObjectNode>> logFollowers = new CopyOnWriteArrayList<>();
  private final List<String> calls = new CopyOnWriteArrayList<>();
  private final List<JsonNode> bodies = new CopyOnWriteArrayList<>();
  private final List<String> violations = new CopyOnWriteArrayList<>();
  private final List<String> sessions = new CopyOnWriteArrayList<>();
  private final AtomicLong resourceVersion = new AtomicLong(1000);
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicInteger streamGeneration = new AtomicInteger();
  private volatile int failureStatus;
  private final Map<String, int[]> operationFailures = new ConcurrentHashMap<>();
  private volatile Duration delay = Duration.ZERO;
  private volatile boolean offline;
  private volatile BiFunction<String, String, String> revisions = (repo, ref) -> sha(repo + "@" + ref);
  private volatile BiFunction<String, String, ObjectNode> commits = (repo, revision) -> JSON.createObjectNode()
      .put("author", "Fake Author <fake@acme.example>").put("date", "2026-01-01T00:00:00Z")
      .put("message", "commit " + revision);

  private final Path caPem;

  /** A fake on plain HTTP. */
  public FakeArgoCd() {
    this(false);
  }

  /**
   * A fake on HTTPS when {@code tls}, with a certificate for 127.0.0.1 signed by a throw-away authority that
   * no JDK trusts ({@link #caPem()} is its certificate), made with the JDK's keytool.
   */
  public FakeArgoCd(boolean tls) {
    try {
      Path base = Files.createTempDirectory("fake-argocd-");
      tomcat = new Tomcat();
      tomcat.setBaseDir(base.toString());
      tomcat.setHostname("127.0.0.1");
      tomcat.setPort(0);
      tomcat.getConnector().setProperty("address", "127.0.0.1");
      caPem = tls ? TestCertificates.serveTls(tomcat.getConnector(), base) : null;
      Context context = tomcat.addContext("", base.toString());
      context.getPipeline().addValve(new Unreachable());
      Tomcat.addServlet(context, "api", new Api()).setAsyncSupported(true);
      context.addServletMappingDecoded("/api/v1/*", "api");
      tomcat.start();
      port = tomcat.getConnector().getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (LifecycleException e) {
      throw new IllegalStateException(e);
    }
  }

  public String url() {
    return (caPem == null ? "http" : "https") + "://127.0.0.1:" + port;
  }

  /** The PEM of the authority that signed the HTTPS certificate, or null on plain HTTP. */
  public Path caPem() {
    return caPem;
  }

  // ---- what tests set up and read ----------------------------------------------------------------------------

  /** Gives sync and history the commit a repository's branch points at, such as the real GitOps repository's. */
  public void resolveRevisionsWith(BiFunction<String, String, String> resolver) {
    this.revisions = resolver;
  }

  /** Gives revision metadata ({author, date, message}) for a repository's commit. */
  public void describeCommitsWith(BiFunction<String, String, ObjectNode> describer) {
    this.commits = describer;
  }

  /** Adds or replaces an application as Argo CD has it (as if created with kubectl), telling watchers. */
  public void put(ObjectNode application) {
    String name = application.path("metadata").path("name").asString();
    boolean existed = applications.containsKey(name);
    stamp(application);
    applications.put(name, application);
    publish(existed ? "MODIFIED" : "ADDED", application);
  }

  /** Changes an application (its status, as the controller would), telling watchers. */
  public void update(String name, Consumer<ObjectNode> change) {
    ObjectNode app = applications.get(name);
    if (app == null) {
      throw new IllegalArgumentException("no application " + name);
    }
    ObjectNode copy = app.deepCopy();
    change.accept(copy);
    stamp(copy);
    applications.put(name, copy);
    publish("MODIFIED", copy);
  }

  /** Sets an application's health and sync status, as the controller would after watching the cluster. */
  public void status(String name, String health, String sync) {
    update(name, app -> {
      ObjectNode status = app.withObject("/status");
      status.withObject("/health").put("status", health);
      status.withObject("/sync").put("status", sync);
    });
  }

  public Optional<ObjectNode> application(String name) {
    return Optional.ofNullable(applications.get(name)).map(ObjectNode::deepCopy);
  }

  public List<String> applicationNames() {
    return applications.keySet().stream().sorted().toList();
  }

  /** How many pods the Deployment in an application's tree has. */
  public void replicas(String application, int count) {
    replicas.put(application, count);
  }

  /** Replaces an application's resource tree. */
  public void tree(String application, ArrayNode nodes) {
    trees.put(application, nodes);
  }

  /** Adds a line to a pod's log, reaching followers at once. */
  public void log(String pod, String content) {
    ObjectNode entry = JSON.createObjectNode().put("content", content).put("podName", pod)
        .put("timeStampStr", Instant.now().toString());
    logs.computeIfAbsent(pod, p -> new CopyOnWriteArrayList<>()).add(entry);
    logFollowers.forEach(queue -> queue.add(entry));
  }

  /** The requests so far, as "METHOD /api/v1/path?query". */
  public List<String> calls() {
    return List.copyOf(calls);
  }

  /** The request bodies so far, in order, for requests that had one. */
  public List<JsonNode> bodies() {
    return List.copyOf(bodies);
  }

  /** What did not fit the API document, requests and answers; empty when everything did. */
  public List<String> violations() {
    return List.copyOf(violations);
  }

  /** The next {@code count} requests (streams included) are answered with this status and Argo CD's error body. */
  public void fail(int status, int count) {
    failureStatus = status;
    failuresLeft.set(count);
  }

  /** The next {@code count} calls of one operation (such as {@code ApplicationService_Create}) get this status. */
  public void failOn(String operationId, int status, int count) {
    operationFailures.put(operationId, new int[] {status, count});
  }

  /** Every request is answered with this status until {@link #heal()}. */
  public void failAlways(int status) {
    fail(status, Integer.MAX_VALUE);
  }

  /** Each answer waits this long first, as an overloaded Argo CD would. */
  public void slow(Duration delay) {
    this.delay = delay;
  }

  /** Connections are closed without an answer, as when Argo CD is down or the network is in the way. */
  public void goOffline() {
    offline = true;
    dropStreams();
  }

  /** Undoes every fault. */
  public void heal() {
    offline = false;
    failuresLeft.set(0);
    operationFailures.clear();
    delay = Duration.ZERO;
  }

  /** Ends every open stream (watches and followed logs), as a proxy cutting long connections does. */
  public void dropStreams() {
    streamGeneration.incrementAndGet();
  }

  /** How many watch streams are open. */
  public int openWatches() {
    return watchers.size();
  }

  /** Session tokens stop working, as when they expire; the client must sign in again. */
  public void expireSessions() {
    sessions.clear();
  }

  @Override
  public void close() {
    if (closed.getAndSet(true)) {
      return;
    }
    dropStreams();
    try {
      tomcat.stop();
      tomcat.destroy();
    } catch (LifecycleException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---- the API ----------------------------------------------------------------------------------------------

  private final class Api extends HttpServlet {
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
      String path = request.getRequestURI();
      String query = request.getQueryString();
      calls.add(request.getMethod() + " " + path + (query == null ? "" : "?" + query));
      Optional<ArgoCdApiContract.Operation> found = contract.operation(request.getMethod(), path);
      if (found.isEmpty()) {
        violations.add(request.getMethod() + " " + path + " is not in the API document");
        error(response, null, 404, 5, "Not Found");
        return;
      }
      ArgoCdApiContract.Operation op = found.get();
      for (String name : request.getParameterMap().keySet()) {
        if (!contract.queryParameters(op).contains(name)) {
          violations.add(op.operationId() + ": query parameter " + name + " is not in the API document");
        }
      }
      byte[] raw = request.getInputStream().readAllBytes();
      JsonNode body = raw.length == 0 ? null : JSON.readTree(raw);
      if (body != null) {
        bodies.add(body);
      }
      List<String> problems = contract.checkRequest(op, body);
      if (!problems.isEmpty()) {
        violations.addAll(problems);
        error(response, op, 400, 3, String.join("; ", problems));
        return;
      }
      pause();
      if (failuresLeft.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
        error(response, op, failureStatus, grpcCode(failureStatus), failureMessage(failureStatus));
        return;
      }
      int[] targeted = operationFailures.get(op.operationId());
      if (targeted != null && targeted[1]-- > 0) {
        error(response, op, targeted[0], grpcCode(targeted[0]), failureMessage(targeted[0]));
        return;
      }
      if (!op.operationId().equals("SessionService_Create") && !authorized(request)) {
        error(response, op, 401, 16, "invalid session: token is expired or invalid");
        return;
      }
      try {
        handle(op, request, body, response);
      } catch (Refusal refusal) {
        error(response, op, refusal.status, grpcCode(refusal.status), refusal.getMessage());
      }
    }

    private void handle(ArgoCdApiContract.Operation op, HttpServletRequest request, JsonNode body,
        HttpServletResponse response) throws IOException, Refusal {
      String[] parts = request.getRequestURI().split("/");
      String name = parts.length > 4 ? parts[4] : "";
      switch (op.operationId()) {
        case "SessionService_Create" -> {
          if (!USERNAME.equals(body.path("username").asString()) || !PASSWORD.equals(body.path("password").asString())) {
            throw new Refusal(401, "Invalid username or password");
          }
          String token = "session-" + HexFormat.of().toHexDigits(System.nanoTime());
          sessions.add(token);
          json(response, op, 200, JSON.createObjectNode().put("token", token));
        }
        case "SessionService_GetUserInfo" -> json(response, op, 200,
            JSON.createObjectNode().put("loggedIn", true).put("username", USERNAME).put("iss", "argocd"));
        case "ApplicationService_List" -> {
          ObjectNode list = JSON.createObjectNode();
          list.putObject("metadata").put("resourceVersion", String.valueOf(resourceVersion.get()));
          ArrayNode items = list.putArray("items");
          applications.values().stream().filter(app -> matches(app, request))
              .sorted((a, b) -> a.path("metadata").path("name").asString().compareTo(b.path("metadata").path("name").asString()))
              .forEach(items::add);
          json(response, op, 200, list);
        }
        case "ApplicationService_Get" -> json(response, op, 200, existing(name));
        case "ApplicationService_Create" -> json(response, op, 200, create((ObjectNode) body,
            "true".equals(request.getParameter("upsert"))));
        case "ApplicationService_Update" -> {
          ObjectNode current = existing(name);
          ObjectNode updated = current.deepCopy();
          updated.set("spec", body.path("spec"));
          updated.withObject("/metadata").set("labels", body.path("metadata").path("labels"));
          stamp(updated);
          applications.put(name, updated);
          publish("MODIFIED", updated);
          json(response, op, 200, updated);
        }
        case "ApplicationService_Patch" -> {
          ObjectNode current = existing(name);
          if (!"merge".equals(body.path("patchType").asString("merge"))) {
            throw new Refusal(400, "the fake applies merge patches only, not " + body.path("patchType").asString());
          }
          ObjectNode patched = current.deepCopy();
          mergePatch(patched, JSON.readTree(body.path("patch").asString("{}")));
          stamp(patched);
          applications.put(name, patched);
          publish("MODIFIED", patched);
          json(response, op, 200, patched);
        }
        case "ApplicationService_Delete" -> {
          ObjectNode app = existing(name);
          applications.remove(name);
          publish("DELETED", app);
          json(response, op, 200, JSON.createObjectNode());
        }
        case "ApplicationService_Sync" -> json(response, op, 200, sync(name, body));
        case "ApplicationService_Rollback" -> json(response, op, 200, rollback(name, body));
        case "ApplicationService_ResourceTree" -> {
          ObjectNode tree = JSON.createObjectNode();
          tree.set("nodes", treeOf(existing(parts[4])));
          json(response, op, 200, tree);
        }
        case "ApplicationService_ManagedResources" -> {
          existing(parts[4]);
          ObjectNode managed = JSON.createObjectNode();
          managed.putArray("items");
          json(response, op, 200, managed);
        }
        case "ApplicationService_RevisionMetadata" -> {
          ObjectNode app = existing(name);
          String revision = parts[6];
          int index = Integer.parseInt(Objects.requireNonNullElse(request.getParameter("sourceIndex"), "0"));
          JsonNode sources = app.path("spec").path("sources");
          String repo = sources.isArray() && sources.size() > index ? sources.get(index).path("repoURL").asString()
              : app.path("spec").path("source").path("repoURL").asString();
          ObjectNode meta = commits.apply(repo, revision);
          if (meta == null) {
            throw new Refusal(404, "revision " + revision + " not found in " + repo);
          }
          json(response, op, 200, meta);
        }
        case "ApplicationService_ListResourceEvents" -> {
          existing(name);
          ObjectNode events = JSON.createObjectNode();
          events.putObject("metadata");
          events.putArray("items");
          json(response, op, 200, events);
        }
        case "ApplicationService_ListResourceActions" -> {
          existing(name);
          ObjectNode actions = JSON.createObjectNode();
          ArrayNode list = actions.putArray("actions");
          if ("Deployment".equals(request.getParameter("kind"))) {
            for (String action : List.of("restart", "pause", "resume")) {
              list.addObject().put("name", action).put("disabled", !action.equals("restart") && !action.equals("pause"));
            }
          }
          json(response, op, 200, actions);
        }
        case "ApplicationService_RunResourceActionV2" -> {
          ObjectNode app = existing(name);
          if (!"restart".equals(body.path("action").asString())) {
            throw new Refusal(400, "action " + body.path("action").asString() + " is not available on "
                + body.path("kind").asString() + " " + body.path("resourceName").asString());
          }
          String deployment = body.path("resourceName").asString();
          ArrayNode tree = treeOf(app);
          boolean known = false;
          for (JsonNode node : tree) {
            known |= "Deployment".equals(node.path("kind").asString()) && deployment.equals(node.path("name").asString());
          }
          if (!known) {
            throw new Refusal(404, "Deployment " + deployment + " not found as part of application " + name);
          }
          json(response, op, 200, JSON.createObjectNode());
        }
        case "ApplicationService_PodLogs2" -> streamLogs(op, request, response, name);
        case "ApplicationService_Watch" -> watch(op, request, response);
        case "ProjectService_List" -> {
          ObjectNode list = JSON.createObjectNode();
          list.putObject("metadata");
          ArrayNode items = list.putArray("items");
          applications.values().stream().map(app -> app.path("spec").path("project").asString()).distinct().sorted()
              .forEach(project -> items.addObject().putObject("metadata").put("name", project));
          json(response, op, 200, list);
        }
        default -> throw new Refusal(501, op.operationId() + " is not simulated by the fake Argo CD");
      }
    }

    private ObjectNode existing(String name) throws Refusal {
      ObjectNode app = applications.get(name);
      if (app == null) {
        throw new Refusal(404, "applications.argoproj.io \"" + name + "\" not found");
      }
      return app;
    }

    private ObjectNode create(ObjectNode body, boolean upsert) throws Refusal {
      String name = body.path("metadata").path("name").asString("");
      if (!name.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?") || name.length() > 253) {
        throw new Refusal(400, "application name '" + name + "' is invalid");
      }
      if (body.path("spec").path("destination").isMissingNode() || body.path("spec").path("project").asString("").isEmpty()) {
        throw new Refusal(400, "application spec for " + name + " is invalid: InvalidSpecError: spec.project and "
            + "spec.destination are required");
      }
      ObjectNode existing = applications.get(name);
      if (existing != null && !upsert && !existing.path("spec").equals(body.path("spec"))) {
        throw new Refusal(400, "existing application spec is different; use upsert flag to force update");
      }
      ObjectNode app = body.deepCopy();
      app.withObject("/metadata").put("namespace", app.path("metadata").path("namespace").asString("argocd"));
      if (existing != null) {
        app.set("status", existing.path("status"));
        app.withObject("/metadata").put("uid", existing.path("metadata").path("uid").asString());
      } else {
        app.withObject("/metadata").put("uid", sha(name + System.nanoTime()).substring(0, 32));
        app.withObject("/metadata").put("creationTimestamp", now());
        ObjectNode status = app.putObject("status");
        status.putObject("sync").put("status", "OutOfSync");
        status.putObject("health").put("status", "Missing");
      }
      stamp(app);
      applications.put(name, app);
      publish(existing == null ? "ADDED" : "MODIFIED", app);
      return app;
    }

    private ObjectNode sync(String name, JsonNode request) throws Refusal {
      ObjectNode app = existing(name).deepCopy();
      boolean dryRun = request.path("dryRun").asBoolean(false);
      ObjectNode status = app.withObject("/status");
      List<String> revs = new ArrayList<>();
      JsonNode sources = app.path("spec").path("sources");
      int position = 1;
      for (JsonNode source : sources.isArray() && !sources.isEmpty() ? sources : List.of(app.path("spec").path("source"))) {
        String asked = request.path("revision").asString("");
        for (int i = 0; i < request.path("sourcePositions").size(); i++) {
          if (request.path("sourcePositions").get(i).asLong() == position) {
            asked = request.path("revisions").get(i).asString();
          }
        }
        revs.add(asked.isEmpty() ? revisions.apply(source.path("repoURL").asString(),
            source.path("targetRevision").asString("HEAD")) : asked);
        position++;
      }
      ObjectNode operation = app.putObject("operation");
      operation.putObject("sync").put("prune", request.path("prune").asBoolean(false)).put("dryRun", dryRun);
      operation.putObject("initiatedBy").put("username", USERNAME);
      ObjectNode state = status.putObject("operationState");
      state.put("phase", "Succeeded").put("message", dryRun ? "successfully synced (dry run)" : "successfully synced (all tasks run)")
          .put("startedAt", now()).put("finishedAt", now());
      state.set("operation", operation.deepCopy());
      app.remove("operation");
      if (!dryRun) {
        recordDeployment(status, revs, app.path("spec"));
        status.withObject("/sync").put("status", "Synced");
        status.withObject("/health").put("status", "Healthy");
      }
      stamp(app);
      applications.put(name, app);
      publish("MODIFIED", app);
      return app;
    }

    private ObjectNode rollback(String name, JsonNode request) throws Refusal {
      ObjectNode app = existing(name).deepCopy();
      if (!app.path("spec").path("syncPolicy").path("automated").isMissingNode()
          && app.path("spec").path("syncPolicy").path("automated").path("enabled").asBoolean(true)) {
        throw new Refusal(400, "rollback cannot be initiated when auto-sync is enabled");
      }
      long id = request.path("id").asLong(-1);
      JsonNode entry = null;
      for (JsonNode h : app.path("status").path("history")) {
        if (h.path("id").asLong() == id) {
          entry = h;
        }
      }
      if (entry == null) {
        throw new Refusal(400, "application " + name + " does not have deployment with id " + id);
      }
      List<String> revs = new ArrayList<>();
      entry.path("revisions").forEach(r -> revs.add(r.asString()));
      if (revs.isEmpty()) {
        revs.add(entry.path("revision").asString());
      }
      ObjectNode status = app.withObject("/status");
      recordDeployment(status, revs, entry.has("sources") ? JSON.createObjectNode().set("sources", entry.path("sources"))
          : JSON.createObjectNode().set("source", entry.path("source")));
      status.putObject("operationState").put("phase", "Succeeded").put("message", "rolled back to " + id)
          .put("startedAt", now()).put("finishedAt", now());
      status.withObject("/sync").put("status", "OutOfSync");
      stamp(app);
      applications.put(name, app);
      publish("MODIFIED", app);
      return app;
    }

    private void recordDeployment(ObjectNode status, List<String> revs, JsonNode spec) {
      ArrayNode history = status.withArray("/history");
      long next = 0;
      for (JsonNode h : history) {
        next = Math.max(next, h.path("id").asLong() + 1);
      }
      ObjectNode entry = history.addObject().put("id", next).put("deployedAt", now())
          .put("deployStartedAt", now());
      if (spec.path("sources").isArray()) {
        ArrayNode r = entry.putArray("revisions");
        revs.forEach(r::add);
        entry.set("sources", spec.path("sources"));
        ArrayNode synced = status.withObject("/sync").putArray("revisions");
        revs.forEach(synced::add);
        status.withObject("/sync").remove("revision");
      } else {
        entry.put("revision", revs.get(0));
        entry.set("source", spec.path("source"));
        status.withObject("/sync").put("revision", revs.get(0));
      }
      entry.putObject("initiatedBy").put("username", USERNAME);
      status.withObject("/operationState").put("finishedAt", now());
      status.put("reconciledAt", now());
      while (history.size() > 10) { // Argo CD keeps ten by default
        history.remove(0);
      }
    }

    private ArrayNode treeOf(ObjectNode app) {
      String name = app.path("metadata").path("name").asString();
      ArrayNode custom = trees.get(name);
      if (custom != null) {
        return custom;
      }
      String namespace = app.path("spec").path("destination").path("namespace").asString("default");
      String health = app.path("status").path("health").path("status").asString("Unknown");
      ArrayNode nodes = JSON.createArrayNode();
      String deploymentUid = sha(name + "/deploy").substring(0, 36);
      String rsUid = sha(name + "/rs").substring(0, 36);
      node(nodes, "apps", "v1", "Deployment", namespace, name, deploymentUid, null, health);
      node(nodes, "apps", "v1", "ReplicaSet", namespace, name + "-5d9f7c", rsUid, deploymentUid, health);
      for (int i = 0; i < replicas.getOrDefault(name, 2); i++) {
        ObjectNode pod = node(nodes, "", "v1", "Pod", namespace, name + "-5d9f7c-" + (char) ('a' + i) + "x1z",
            sha(name + "/pod" + i).substring(0, 36), rsUid, health);
        pod.putArray("images").add("ghcr.io/acme/" + name + "@sha256:" + sha(name).substring(0, 64));
        ArrayNode info = pod.putArray("info");
        info.addObject().put("name", "Status Reason").put("value", "Running");
        info.addObject().put("name", "Containers").put("value", "1/1");
      }
      node(nodes, "", "v1", "Service", namespace, name, sha(name + "/svc").substring(0, 36), null, "Healthy");
      return nodes;
    }

    private ObjectNode node(ArrayNode nodes, String group, String version, String kind, String namespace, String name,
        String uid, String parent, String health) {
      ObjectNode node = nodes.addObject().put("group", group).put("version", version).put("kind", kind)
          .put("namespace", namespace).put("name", name).put("uid", uid).put("resourceVersion", "1")
          .put("createdAt", now());
      if (parent != null) {
        node.putArray("parentRefs").addObject().put("group", "apps").put("kind", "ReplicaSet".equals(kind) ? "Deployment" : "ReplicaSet")
            .put("namespace", namespace).put("uid", parent);
      }
      node.putObject("health").put("status", health);
      return node;
    }

    private void watch(ArgoCdApiContract.Operation op, HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      BlockingQueue<ObjectNode> queue = new LinkedBlockingQueue<>();
      int generation = streamGeneration.get();
      String since = request.getParameter("resourceVersion");
      response.setStatus(200);
      response.setContentType("application/json");
      OutputStream out = response.getOutputStream();
      watchers.add(queue);
      try {
        if (since == null || since.isEmpty()) {
          for (ObjectNode app : applications.values()) {
            if (matches(app, request)) {
              line(out, op, event("ADDED", app));
            }
          }
        }
        response.flushBuffer();
        while (!closed.get() && generation == streamGeneration.get()) {
          ObjectNode event = queue.poll(100, TimeUnit.MILLISECONDS);
          if (event != null && matches((ObjectNode) event.path("result").path("application"), request)) {
            line(out, op, event);
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (IOException gone) {
        // the client closed the stream
      } finally {
        watchers.remove(queue);
      }
    }

    private void streamLogs(ArgoCdApiContract.Operation op, HttpServletRequest request, HttpServletResponse response,
        String name) throws IOException, Refusal {
      existing(name);
      String pod = request.getParameter("podName");
      int tail = Integer.parseInt(Objects.requireNonNullElse(request.getParameter("tailLines"), "100"));
      String filter = Objects.requireNonNullElse(request.getParameter("filter"), "");
      boolean follow = "true".equals(request.getParameter("follow"));
      long since = Long.parseLong(Objects.requireNonNullElse(request.getParameter("sinceSeconds"), "0"));
      Instant after = since > 0 ? Instant.now().minusSeconds(since) : Instant.MIN;
      List<ObjectNode> lines = logs.getOrDefault(pod, List.of()).stream()
          .filter(l -> l.path("content").asString().contains(filter))
          .filter(l -> !Instant.parse(l.path("timeStampStr").asString()).isBefore(after)).toList();
      BlockingQueue<ObjectNode> queue = new LinkedBlockingQueue<>();
      int generation = streamGeneration.get();
      if (follow) {
        logFollowers.add(queue);
      }
      response.setStatus(200);
      response.setContentType("application/json");
      OutputStream out = response.getOutputStream();
      try {
        for (ObjectNode entry : lines.subList(Math.max(0, lines.size() - tail), lines.size())) {
          line(out, op, JSON.createObjectNode().set("result", entry));
        }
        response.flushBuffer();
        while (follow && !closed.get() && generation == streamGeneration.get()) {
          ObjectNode entry = queue.poll(100, TimeUnit.MILLISECONDS);
          if (entry != null && pod.equals(entry.path("podName").asString()) && entry.path("content").asString().contains(filter)) {
            line(out, op, JSON.createObjectNode().set("result", entry));
          }
        }
        if (!follow) {
          line(out, op, JSON.createObjectNode().set("result", JSON.createObjectNode().put("content", "")
              .put("podName", pod).put("last", true)));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (IOException gone) {
        // the client closed the stream
      } finally {
        logFollowers.remove(queue);
      }
    }

    private void line(OutputStream out, ArgoCdApiContract.Operation op, ObjectNode line) throws IOException {
      check(op, 200, line);
      out.write(JSON.writeValueAsBytes(line));
      out.write('\n');
      out.flush();
    }

    private boolean authorized(HttpServletRequest request) {
      String header = request.getHeader("Authorization");
      return header != null && header.startsWith("Bearer ")
          && (header.substring(7).equals(TOKEN) || sessions.contains(header.substring(7)));
    }

    private void json(HttpServletResponse response, ArgoCdApiContract.Operation op, int status, JsonNode body)
        throws IOException {
      if (op != null) {
        check(op, status, body);
      }
      response.setStatus(status);
      response.setContentType("application/json");
      response.getOutputStream().write(JSON.writeValueAsBytes(body));
    }

    private void error(HttpServletResponse response, ArgoCdApiContract.Operation op, int status, int code, String message)
        throws IOException {
      json(response, op, status, JSON.createObjectNode().put("code", code).put("message", message)
          .put("error", message));
    }

    private void check(ArgoCdApiContract.Operation op, int status, JsonNode body) {
      violations.addAll(contract.checkResponse(op, status, body));
    }
  }

  /** RFC 7386: objects merge, null removes, anything else replaces. */
  private static void mergePatch(ObjectNode target, JsonNode patch) {
    for (Map.Entry<String, JsonNode> field : patch.properties()) {
      if (field.getValue().isNull()) {
        target.remove(field.getKey());
      } else if (field.getValue().isObject() && target.path(field.getKey()).isObject()) {
        mergePatch((ObjectNode) target.get(field.getKey()), field.getValue());
      } else {
        target.set(field.getKey(), field.getValue().deepCopy());
      }
    }
  }

  private static boolean matches(ObjectNode app, HttpServletRequest request) {
    String name = request.getParameter("name");
    if (name != null && !name.isEmpty() && !name.equals(app.path("metadata").path("name").asString())) {
      return false;
    }
    String[] projects = request.getParameterValues("projects");
    if (projects != null && projects.length > 0
        && !List.of(projects).contains(app.path("spec").path("project").asString())) {
      return false;
    }
    String selector = request.getParameter("selector");
    if (selector != null && !selector.isBlank()) {
      JsonNode labels = app.path("metadata").path("labels");
      for (String term : selector.split(",")) {
        String[] kv = term.trim().split("=", 2);
        if (kv.length == 1 ? !labels.has(kv[0]) : !kv[1].equals(labels.path(kv[0]).asString(null))) {
          return false;
        }
      }
    }
    return true;
  }

  private void publish(String type, ObjectNode app) {
    ObjectNode event = event(type, app);
    watchers.forEach(queue -> queue.add(event));
  }

  private static ObjectNode event(String type, ObjectNode app) {
    ObjectNode event = JSON.createObjectNode();
    event.putObject("result").put("type", type).set("application", app.deepCopy());
    return event;
  }

  private void stamp(ObjectNode app) {
    app.withObject("/metadata").put("resourceVersion", String.valueOf(resourceVersion.incrementAndGet()));
  }

  private void pause() {
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
  }

  static String sha(String text) {
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int grpcCode(int status) {
    return switch (status) {
      case 400 -> 3;
      case 401 -> 16;
      case 403 -> 7;
      case 404 -> 5;
      case 409 -> 6;
      case 503 -> 14;
      case 504 -> 4;
      default -> 13;
    };
  }

  private static String failureMessage(int status) {
    return switch (status) {
      case 401 -> "invalid session: token is expired or invalid";
      case 403 -> "permission denied: applications, get, default/payments-dev, sub: paved";
      case 404 -> "not found";
      case 409 -> "existing application spec is different, use upsert flag to force update";
      case 503 -> "the server is currently unable to handle the request";
      default -> "an internal error occurred";
    };
  }

  /** A refusal with Argo CD's status and message. */
  private static final class Refusal extends Exception {
    private final int status;

    Refusal(int status, String message) {
      super(message);
      this.status = status;
    }
  }

  /** Closes connections without an answer while the fake is offline. */
  private final class Unreachable extends ValveBase {
    Unreachable() {
      super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, jakarta.servlet.ServletException {
      if (offline) {
        request.getCoyoteRequest().action(ActionCode.CLOSE_NOW, null);
        return;
      }
      getNext().invoke(request, response);
    }
  }

  /** Argo CD's labels on a golden path's application, for tests building one by hand. */
  public static ObjectNode application(String name, String service, String environment, String project) {
    ObjectNode app = JSON.createObjectNode();
    ObjectNode metadata = app.putObject("metadata").put("name", name).put("namespace", "argocd");
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("paved.dev/service", service);
    labels.put("paved.dev/environment", environment);
    ObjectNode l = metadata.putObject("labels");
    labels.forEach(l::put);
    ObjectNode spec = app.putObject("spec").put("project", project);
    spec.putObject("source").put("repoURL", "https://git.acme.example/acme/" + service + ".git")
        .put("targetRevision", "main").put("path", "chart");
    spec.putObject("destination").put("server", "https://kubernetes.default.svc").put("namespace", service + "-" + environment);
    ObjectNode status = app.putObject("status");
    status.putObject("sync").put("status", "Synced");
    status.putObject("health").put("status", "Healthy");
    return app;
  }
}
