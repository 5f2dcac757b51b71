package dev.paved.plugin.gitea;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.eclipse.jgit.http.server.GitServlet;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.transport.resolver.FileResolver;
import org.eclipse.jgit.util.FileUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gitea as far as the plugin uses it, on 127.0.0.1 in an embedded Tomcat: the REST API endpoints for
 * the token's user and for looking up, creating and deleting repositories, answering with Gitea's status
 * codes (201, 204, 401, 404, 409, 422) and the fields of its JSON the plugin and people read, and JGit's {@link GitServlet} serving the
 * repositories over smart HTTP at {@code /<owner>/<repo>.git}, where pushing needs the token as a basic
 * auth password, as on Gitea.
 *
 * <p>Faults, switched on by tests: pushes refused (403), pushes dropped half-way (the connection is
 * closed after part of the pack is read), and the whole server gone ({@link #stop()}).
 */
public final class FakeGitea implements AutoCloseable {
  public static final String LOGIN = "paved-bot";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  /**
   * Held so the settings stay: Tomcat's start and stop messages, and its warnings about JGit's thread
   * locals when a context stops, would bury the test output.
   */
  private static final List<Logger> QUIET = List.of(Logger.getLogger("org.apache"),
      Logger.getLogger("org.apache.catalina.loader"));

  static {
    QUIET.get(0).setLevel(Level.WARNING);
    QUIET.get(1).setLevel(Level.SEVERE);
  }

  private final String token;
  private final Set<String> organizations;
  private final Path repositories;
  private final Tomcat tomcat;
  private final int port;
  private final List<String> apiCalls = new CopyOnWriteArrayList<>();
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile boolean refusePushes;
  private volatile boolean dropPushes;

  /** A server accepting this token, with these organizations the token's user may create repositories in. */
  public FakeGitea(String token, String... organizations) {
    this.token = token;
    this.organizations = ConcurrentHashMap.newKeySet();
    this.organizations.addAll(List.of(organizations));
    try {
      Path base = Files.createTempDirectory("fake-gitea-");
      repositories = Files.createDirectories(base.resolve("repos"));
      tomcat = new Tomcat();
      tomcat.setBaseDir(base.resolve("tomcat").toString());
      tomcat.setHostname("127.0.0.1");
      tomcat.setPort(0);
      tomcat.getConnector().setProperty("address", "127.0.0.1");
      Context context = tomcat.addContext("", base.toString());
      context.getPipeline().addValve(new DropPushes());

      Tomcat.addServlet(context, "api", new Api());
      context.addServletMappingDecoded("/api/v1/*", "api");

      GitServlet git = new GitServlet();
      git.setRepositoryResolver(new FileResolver<>(repositories.toFile(), true));
      git.setReceivePackFactory((request, db) -> new ReceivePack(db)); // the filter below decides who pushes
      Tomcat.addServlet(context, "git", git);
      context.addServletMappingDecoded("/*", "git");
      FilterDef auth = new FilterDef();
      auth.setFilterName("push-auth");
      auth.setFilter(new PushAuthentication());
      context.addFilterDef(auth);
      FilterMap map = new FilterMap();
      map.setFilterName("push-auth");
      map.addServletName("git");
      context.addFilterMap(map);

      tomcat.start();
      port = tomcat.getConnector().getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (LifecycleException e) {
      throw new IllegalStateException(e);
    }
  }

  public String url() {
    return "http://127.0.0.1:" + port;
  }

  public String hostName() {
    return "127.0.0.1:" + port;
  }

  /** Pushes are answered 403, as Gitea does for a user without write access. */
  public void refusePushes() {
    refusePushes = true;
  }

  /** The connection of a push is closed after part of the pack is read, as when a proxy or the network fails. */
  public void dropPushesMidway() {
    dropPushes = true;
  }

  /** The server goes away: nothing listens on its port any more. */
  /** Accepts pushes again after {@link #refusePushes} or {@link #dropPushesMidway}. */
  public void acceptPushes() {
    refusePushes = false;
    dropPushes = false;
  }

  public void stop() {
    close();
  }

  /** The API requests answered so far, as "METHOD /api/v1/path". */
  public List<String> apiCalls() {
    return List.copyOf(apiCalls);
  }

  /** Creates a repository directly, as someone using Gitea's web pages would. */
  public void createRepository(String owner, String name) {
    try (Repository repo = FileRepositoryBuilder.create(folder(owner, name).toFile())) {
      repo.create(true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public boolean hasRepository(String owner, String name) {
    return Files.isDirectory(folder(owner, name));
  }

  /** The repository's bare folder, to read what was pushed. */
  Repository open(String owner, String name) throws IOException {
    return FileRepositoryBuilder.create(folder(owner, name).toFile());
  }

  private Path folder(String owner, String name) {
    return repositories.resolve(owner.toLowerCase()).resolve(name.toLowerCase() + ".git");
  }

  @Override
  public void close() {
    if (closed.getAndSet(true)) {
      return;
    }
    try {
      tomcat.stop();
      tomcat.destroy();
    } catch (LifecycleException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The REST API: {@code /user}, {@code /repos/{owner}/{repo}}, {@code /user/repos}, {@code /orgs/{org}/repos}. */
  private final class Api extends HttpServlet {
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
      String path = request.getPathInfo() == null ? "" : request.getPathInfo();
      String method = request.getMethod();
      apiCalls.add(method + " /api/v1" + path);
      if (!("token " + token).equals(request.getHeader("Authorization"))) {
        // Gitea's answer to a wrong or missing token
        error(response, 401, "token is required");
        return;
      }
      String[] parts = path.substring(1).split("/");
      if (method.equals("GET") && path.equals("/user")) {
        json(response, 200, Map.of("id", 1, "login", LOGIN, "full_name", "Paved", "email", "paved@acme.example"));
      } else if (parts.length == 3 && parts[0].equals("repos") && method.equals("GET")) {
        if (hasRepository(parts[1], parts[2])) {
          json(response, 200, repository(parts[1], parts[2], ""));
        } else {
          error(response, 404, "The target couldn't be found.");
        }
      } else if (parts.length == 3 && parts[0].equals("repos") && method.equals("DELETE")) {
        if (hasRepository(parts[1], parts[2])) {
          FileUtils.delete(folder(parts[1], parts[2]).toFile(), FileUtils.RECURSIVE);
          response.setStatus(204);
        } else {
          error(response, 404, "The target couldn't be found.");
        }
      } else if (method.equals("POST") && path.equals("/user/repos")) {
        create(LOGIN, request, response);
      } else if (method.equals("POST") && parts.length == 3 && parts[0].equals("orgs") && parts[2].equals("repos")) {
        if (organizations.contains(parts[1])) {
          create(parts[1], request, response);
        } else {
          error(response, 404, "The target couldn't be found."); // newer Gitea; older ones answered 422
        }
      } else {
        error(response, 404, "not found");
      }
    }

    private void create(String owner, HttpServletRequest request, HttpServletResponse response) throws IOException {
      JsonNode option = JSON.readTree(request.getInputStream());
      String name = option.path("name").asString("");
      if (!name.matches("[A-Za-z0-9_.-]+")) {
        error(response, 422, "[Name]: Alpha or numeric or dash or underscore or dot characters only");
      } else if (hasRepository(owner, name)) {
        error(response, 409, "The repository with the same name already exists.");
      } else {
        createRepository(owner, name);
        json(response, 201, repository(owner, name, option.path("description").asString("")));
      }
    }

    private Map<String, Object> repository(String owner, String name, String description) {
      Map<String, Object> repo = new LinkedHashMap<>();
      repo.put("id", Math.abs((owner + "/" + name).hashCode()));
      repo.put("owner", Map.of("id", 1, "login", owner, "full_name", ""));
      repo.put("name", name);
      repo.put("full_name", owner + "/" + name);
      repo.put("description", description);
      repo.put("empty", true);
      repo.put("private", false);
      repo.put("html_url", url() + "/" + owner + "/" + name);
      repo.put("clone_url", url() + "/" + owner + "/" + name + ".git");
      repo.put("ssh_url", "git@127.0.0.1:" + owner + "/" + name + ".git");
      repo.put("default_branch", "main");
      return repo;
    }

    private void error(HttpServletResponse response, int status, String message) throws IOException {
      json(response, status, Map.of("message", message, "url", url() + "/api/swagger"));
    }

    private void json(HttpServletResponse response, int status, Object body) throws IOException {
      response.setStatus(status);
      response.setContentType("application/json;charset=utf-8");
      response.getOutputStream().write(JSON.writeValueAsBytes(body));
    }
  }

  /** Receive-pack (pushing) needs the token user's login and the token as basic auth, as on Gitea. */
  private final class PushAuthentication implements Filter {
    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
        throws IOException, ServletException {
      HttpServletRequest request = (HttpServletRequest) req;
      HttpServletResponse response = (HttpServletResponse) res;
      if (!isPush(request)) {
        chain.doFilter(req, res);
        return;
      }
      String expected = "Basic " + Base64.getEncoder().encodeToString((LOGIN + ":" + token)
          .getBytes(StandardCharsets.UTF_8));
      if (!expected.equals(request.getHeader("Authorization"))) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"Gitea\"");
        response.sendError(401, "Unauthorized");
      } else if (refusePushes) {
        response.sendError(403, "User permission denied");
      } else {
        chain.doFilter(req, res);
      }
    }
  }

  /**
   * Closes the connection of a push after reading part of its pack, without answering: what a client
   * sees when the network or a proxy fails mid-push. A valve, because only Tomcat itself can drop a
   * connection without writing a response.
   */
  private final class DropPushes extends ValveBase {
    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
      if (dropPushes && "POST".equals(request.getMethod()) && request.getRequestURI().endsWith("/git-receive-pack")) {
        request.getInputStream().readNBytes(16);
        request.getCoyoteRequest().action(ActionCode.CLOSE_NOW, null);
        return;
      }
      getNext().invoke(request, response);
    }
  }

  private static boolean isPush(HttpServletRequest request) {
    return request.getRequestURI().endsWith("/git-receive-pack")
        || "git-receive-pack".equals(request.getParameter("service"));
  }
}
