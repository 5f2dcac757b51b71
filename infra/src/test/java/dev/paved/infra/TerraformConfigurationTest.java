package dev.paved.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.paved.infra.TerraformFiles.Attribute;
import dev.paved.infra.TerraformFiles.Block;
import dev.paved.infra.TerraformFiles.Kind;
import dev.paved.infra.TerraformFiles.TfDir;
import dev.paved.infra.TerraformFiles.TfFile;
import dev.paved.infra.TerraformFiles.Token;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The Terraform in infra/terraform, checked without providers (none can be downloaded where the tests run, so
 * {@code terraform validate} cannot): formatting by Terraform itself, and the rest by reading the HCL with
 * {@link TerraformFiles}. Each rule is a method answering its problems, so {@link TheRulesThemselves} can show it
 * catches what it is meant to.
 */
class TerraformConfigurationTest {

  private static final Path ROOT = repositoryRoot();
  private static final Path TERRAFORM = ROOT.resolve("infra/terraform");
  private static final Path EXAMPLE = TERRAFORM.resolve("examples/platform");

  /** Maven runs the tests in infra/; an IDE may run them elsewhere in the repository. */
  private static Path repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("infra/terraform"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no infra/terraform above " + Path.of("").toAbsolutePath());
  }

  /** Every module directory, with a check that the scan found what is there (so no rule passes on nothing). */
  private static List<TfDir> directories() {
    List<TfDir> dirs = TerraformFiles.moduleDirectories(TERRAFORM).stream().map(TerraformFiles::load).toList();
    assertThat(dirs).extracting(d -> TERRAFORM.relativize(d.path()).toString().replace(File.separatorChar, '/'))
        .contains("modules/argocd", "modules/keycloak", "modules/postgresql", "modules/portal", "examples/platform");
    return dirs;
  }

  private static String where(TfDir dir, String file, int line) {
    return TERRAFORM.getParent().getParent().relativize(dir.path().resolve(file)) + ":" + line;
  }

  // 1. formatting ------------------------------------------------------------------------------------------------

  @Test
  void terraformFmtFindsNothingToChange() throws IOException, InterruptedException {
    Path terraform = terraformBinary().orElseGet(() -> fail(
        "No terraform binary (looked at /usr/local/bin/terraform and on the PATH): install Terraform 1.6 or later "
            + "(https://developer.hashicorp.com/terraform/install) to check the formatting of infra/terraform"));
    ProcessBuilder builder = new ProcessBuilder(terraform.toString(), "fmt", "-check", "-recursive", "-diff",
        "-no-color", TERRAFORM.toString()).redirectErrorStream(true);
    builder.environment().put("CHECKPOINT_DISABLE", "1");
    Process process = builder.start();
    // read before waiting: a long diff would otherwise fill the pipe and block terraform
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("terraform fmt finished").isTrue();
    assertThat(process.exitValue())
        .as("terraform fmt -check -recursive infra/terraform; run terraform fmt -recursive infra/terraform:%n%s",
            output)
        .isZero();
  }

  private static Optional<Path> terraformBinary() {
    Stream<Path> onPath = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .filter(p -> !p.isBlank()).map(p -> Path.of(p, "terraform"));
    return Stream.concat(Stream.of(Path.of("/usr/local/bin/terraform")), onPath).filter(Files::isExecutable)
        .findFirst();
  }

  // 2. variables used are declared -------------------------------------------------------------------------------

  @Test
  void everyVariableUsedIsDeclared() {
    assertThat(directories().stream().flatMap(d -> undeclaredVariables(d).stream())).isEmpty();
  }

  static List<String> undeclaredVariables(TfDir dir) {
    Set<String> declared = new LinkedHashSet<>();
    dir.blocks("variable").forEach(b -> declared.add(b.label(0)));
    List<String> problems = new ArrayList<>();
    for (TfFile file : dir.files()) {
      for (Map.Entry<String, Integer> used : TerraformFiles.references(file.tokens(), "var")) {
        if (!declared.contains(used.getKey())) {
          problems.add(where(dir, file.name(), used.getValue()) + ": var." + used.getKey() + " is not declared");
        }
      }
    }
    return problems;
  }

  // 3. variables are described, typed, and secrets are sensitive ---------------------------------------------------

  @Test
  void everyVariableHasADescriptionAndATypeAndSecretsAreSensitiveWithoutADefault() {
    assertThat(directories().stream().flatMap(d -> variableProblems(d).stream())).isEmpty();
  }

  static List<String> variableProblems(TfDir dir) {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<TfFile, Block> entry : dir.blocksWithFile("variable")) {
      Block variable = entry.getValue();
      String at = where(dir, entry.getKey().name(), variable.line()) + ": variable " + variable.label(0);
      if (variable.body().attribute("description").flatMap(Attribute::literal).filter(d -> !d.isBlank()).isEmpty()) {
        problems.add(at + " has no description");
      }
      if (variable.body().attribute("type").isEmpty()) {
        problems.add(at + " has no type");
      }
      if (namesASecret(variable.label(0))) {
        if (!variable.body().attribute("sensitive").map(a -> a.isWord("true")).orElse(false)) {
          problems.add(at + " looks like a secret but is not sensitive = true");
        }
        // null is the one default a secret may have: it makes the secret optional without writing one down
        Optional<Attribute> fallback = variable.body().attribute("default");
        if (fallback.isPresent() && !fallback.get().isWord("null")) {
          problems.add(at + " looks like a secret but has a default (only null is allowed)");
        }
      }
    }
    return problems;
  }

  // 4. module calls match the modules ------------------------------------------------------------------------------

  private static final Set<String> MODULE_META_ARGUMENTS =
      Set.of("source", "version", "providers", "depends_on", "count", "for_each");

  @Test
  void everyModuleCallGivesExactlyTheModulesVariables() {
    Function<Path, TfDir> loader = p -> Files.isDirectory(p) ? TerraformFiles.load(p) : null;
    List<TfDir> dirs = directories();
    assertThat(dirs.stream().mapToLong(d -> d.blocks("module").size()).sum()).as("module calls found").isPositive();
    assertThat(dirs.stream().flatMap(d -> moduleCallProblems(d, loader).stream())).isEmpty();
  }

  /** The loader answers a module directory's files, or null when there is no such directory. */
  static List<String> moduleCallProblems(TfDir dir, Function<Path, TfDir> loader) {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<TfFile, Block> entry : dir.blocksWithFile("module")) {
      Block call = entry.getValue();
      String at = where(dir, entry.getKey().name(), call.line()) + ": module " + call.label(0);
      Optional<String> source = call.body().attribute("source").flatMap(Attribute::literal);
      if (source.isEmpty()) {
        problems.add(at + " has no literal source");
        continue;
      }
      if (!source.get().startsWith("./") && !source.get().startsWith("../")) {
        // a registry module (namespace/name/provider) is pinned like a provider; Git sources carry ?ref=
        if (source.get().matches("[\\w-]+/[\\w-]+/[\\w-]+") && call.body().attribute("version").isEmpty()) {
          problems.add(at + " comes from the registry without a version");
        }
        continue;
      }
      TfDir module = loader.apply(dir.path().resolve(source.get()).normalize());
      if (module == null || module.files().isEmpty()) {
        problems.add(at + ": source " + source.get() + " is not a directory with .tf files");
        continue;
      }
      for (Attribute argument : call.body().attributes()) {
        if (!MODULE_META_ARGUMENTS.contains(argument.name()) && module.variable(argument.name()).isEmpty()) {
          problems.add(at + " sets " + argument.name() + ", which " + source.get() + " does not declare");
        }
      }
      for (Block variable : module.blocks("variable")) {
        if (variable.body().attribute("default").isEmpty() && call.body().attribute(variable.label(0)).isEmpty()) {
          problems.add(at + " does not set " + variable.label(0) + ", which " + source.get() + " requires");
        }
      }
    }
    return problems;
  }

  // 5. Terraform and providers pinned ------------------------------------------------------------------------------

  @Test
  void everyDirectoryPinsTerraformAndEachProviderItUsesAndEveryRemoteChart() {
    assertThat(directories().stream().flatMap(d -> providerProblems(d).stream())).isEmpty();
  }

  /** An exact version, or a constraint with an upper bound: ~> 3.1, or < 4.0 alongside a lower one. */
  static boolean pinned(String constraint) {
    return Arrays.stream(constraint.split(",")).map(String::strip).anyMatch(c ->
        c.matches("=?\\s*\\d+(\\.\\d+){0,2}([-+][\\w.]+)?") || c.startsWith("~>") || c.startsWith("<"));
  }

  static List<String> providerProblems(TfDir dir) {
    List<String> problems = new ArrayList<>();
    String at = where(dir, "", 0).replaceAll(":0$", "");
    List<Block> settings = dir.blocks("terraform");
    if (settings.stream()
        .noneMatch(t -> t.body().attribute("required_version").flatMap(Attribute::literal).isPresent())) {
      problems.add(at + ": no terraform { required_version = ... }");
    }
    Map<String, Map<String, List<Token>>> required = new HashMap<>();
    for (Block settingsBlock : settings) {
      for (Block providers : settingsBlock.body().blocks("required_providers")) {
        for (Attribute provider : providers.body().attributes()) {
          required.put(provider.name(), TerraformFiles.objectEntries(provider.value()));
        }
      }
    }
    required.forEach((name, entry) -> {
      if (literal(entry.get("source")).isEmpty()) {
        problems.add(at + ": provider " + name + " has no source");
      }
      Optional<String> version = literal(entry.get("version"));
      if (version.isEmpty() || !pinned(version.get())) {
        problems.add(at + ": provider " + name + " is not pinned (version = \"~> x.y\" or an exact version), but "
            + version.map(v -> "\"" + v + "\"").orElse("has no version"));
      }
    });
    Set<String> used = new LinkedHashSet<>();
    for (String kind : List.of("resource", "data", "ephemeral")) {
      for (Block block : dir.blocks(kind)) {
        String type = block.label(0);
        // terraform_data and friends belong to Terraform itself
        if (!type.startsWith("terraform_")) {
          used.add(type.contains("_") ? type.substring(0, type.indexOf('_')) : type);
        }
      }
    }
    dir.blocks("provider").forEach(p -> used.add(p.label(0)));
    for (String provider : used) {
      if (!required.containsKey(provider)) {
        problems.add(at + ": uses the " + provider + " provider without it in required_providers");
      }
    }
    for (Map.Entry<TfFile, Block> entry : dir.blocksWithFile("resource")) {
      Block release = entry.getValue();
      boolean remote = release.body().attribute("repository").filter(a -> !a.isWord("null")).isPresent();
      if (release.label(0).equals("helm_release") && remote && !chartVersionPinned(dir, release)) {
        problems.add(where(dir, entry.getKey().name(), release.line()) + ": helm_release " + release.label(1)
            + " takes a chart from a repository without an exact version (literal, or a variable's default)");
      }
    }
    return problems;
  }

  private static boolean chartVersionPinned(TfDir dir, Block release) {
    Optional<Attribute> version = release.body().attribute("version");
    if (version.isEmpty()) {
      return false;
    }
    Optional<String> value = version.get().literal();
    List<Map.Entry<String, Integer>> refs = TerraformFiles.references(version.get().value(), "var");
    if (value.isEmpty() && version.get().value().size() == 3 && refs.size() == 1) {
      value = dir.variable(refs.getFirst().getKey()).flatMap(v -> v.body().attribute("default"))
          .flatMap(Attribute::literal);
    }
    return value.filter(v -> v.matches("\\d+\\.\\d+\\.\\d+([-+][\\w.]+)?")).isPresent();
  }

  private static Optional<String> literal(List<Token> value) {
    return value == null ? Optional.empty() : new Attribute("", value, 0).literal();
  }

  // 6. no literal secrets ----------------------------------------------------------------------------------------

  @Test
  void noSecretIsWrittenDown() throws IOException {
    List<Path> files = TerraformFiles.configurationFiles(TERRAFORM);
    assertThat(files).anyMatch(f -> f.getFileName().toString().equals("terraform.tfvars.example"));
    List<String> problems = new ArrayList<>();
    for (Path file : files) {
      String name = ROOT.relativize(file).toString();
      problems.addAll(literalSecrets(TerraformFiles.parse(name, Files.readString(file, StandardCharsets.UTF_8))));
    }
    assertThat(problems).isEmpty();
  }

  private static final Set<String> SECRET_WORDS =
      Set.of("password", "passwords", "passwd", "passphrase", "secret", "secrets", "token", "tokens", "jwt", "apikey",
          "credential", "credentials");
  private static final Set<String> SECRET_KEY_KINDS = Set.of("private", "api", "access");
  private static final Set<String> FORM_WORDS = Set.of("wo", "value", "b64", "base64", "raw", "plain", "plaintext");

  /**
   * Whether a name (an attribute's, an object's or map's key, a variable's) says it holds a secret. The name is split
   * into words at _, -, . and camelCase humps (clientSecret, client-secret and client_secret alike), and what it
   * holds is its last word, as in English: password, secret, token, jwt, credentials, or a private_key, api_key or
   * access_key (trailing words that only say the form, such as client_secret_wo or password_b64, are looked past).
   * So a name that only says where a secret is kept holds none: token_secret_name, passwordKey, tokenKey and
   * clientSecretKey name a Secret object or a key in it (the chart's values contract needs them as literals), and
   * access_token_lifespan is a duration. Names starting with existing (existingSecret, existing_secret) name a Secret
   * object too.
   */
  static boolean namesASecret(String name) {
    List<String> words = new ArrayList<>(Arrays.stream(name.replaceAll("([a-z0-9])([A-Z])", "$1_$2")
        .toLowerCase(Locale.ROOT).split("[_.\\-]+")).filter(w -> !w.isEmpty()).toList());
    while (words.size() > 1 && FORM_WORDS.contains(words.getLast())) {
      words.removeLast();
    }
    if (words.isEmpty() || words.getFirst().equals("existing")) {
      return false;
    }
    String last = words.getLast();
    boolean keyOfAKind =
        last.equals("key") && words.size() >= 2 && SECRET_KEY_KINDS.contains(words.get(words.size() - 2));
    return SECRET_WORDS.contains(last) || keyOfAKind;
  }

  private static final Pattern PEM = Pattern.compile("-----BEGIN [A-Z ]*-----");
  private static final Pattern AWS_ACCESS_KEY = Pattern.compile("\\b(AKIA|ASIA)[0-9A-Z]{16}\\b");
  private static final Pattern JWT = Pattern.compile("\\beyJ[\\w-]{5,}\\.[\\w-]{5,}\\.[\\w-]*");

  /**
   * A name that names a secret ({@link #namesASecret}) given a non-empty string without template parts, anywhere: an
   * attribute, an object's or a map's entry, a value inside yamlencode({...}) or in a tfvars file. References (var.x,
   * random_password.x.result) and templates ("${var.x}") pass: the secret then comes from elsewhere. Also, in the
   * whole text, comments included: private keys (PEM), AWS access key ids, and JWTs.
   */
  static List<String> literalSecrets(TfFile file) {
    List<String> problems = new ArrayList<>();
    List<Token> tokens = TerraformFiles.flatten(file.tokens());
    for (int i = 0; i + 2 < tokens.size(); i++) {
      Token key = tokens.get(i);
      Token value = tokens.get(i + 2);
      boolean named = key.kind() == Kind.IDENT || key.kind() == Kind.STRING && !key.template();
      if (named && tokens.get(i + 1).is("=") && namesASecret(key.text()) && value.kind() == Kind.STRING
          && !value.template() && !value.text().isEmpty()) {
        problems.add(file.name() + ":" + key.line() + ": " + key.text() + " is given a literal string; take it from a "
            + "sensitive variable or a resource instead");
      }
    }
    String[] lines = file.text().split("\n", -1);
    for (int n = 0; n < lines.length; n++) {
      for (Map.Entry<String, Pattern> pattern : Map.of("a PEM block", PEM, "an AWS access key id", AWS_ACCESS_KEY,
          "a JWT", JWT).entrySet()) {
        if (pattern.getValue().matcher(lines[n]).find()) {
          problems.add(file.name() + ":" + (n + 1) + ": " + pattern.getKey());
        }
      }
    }
    return problems;
  }

  // 7. outputs ---------------------------------------------------------------------------------------------------

  @Test
  void everyOutputIsDescribedAndTheExampleOutputsTheAddresses() {
    List<TfDir> dirs = directories();
    assertThat(dirs.stream().flatMap(d -> outputProblems(d).stream())).isEmpty();
    TfDir example = dirs.stream().filter(d -> d.path().equals(EXAMPLE)).findFirst().orElseThrow();
    assertThat(example.blocks("output")).extracting(b -> b.label(0))
        .contains("portal_url", "argocd_url", "keycloak_issuer_uri");
  }

  static List<String> outputProblems(TfDir dir) {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<TfFile, Block> entry : dir.blocksWithFile("output")) {
      if (entry.getValue().body().attribute("description").flatMap(Attribute::literal).filter(d -> !d.isBlank())
          .isEmpty()) {
        problems.add(where(dir, entry.getKey().name(), entry.getValue().line()) + ": output "
            + entry.getValue().label(0) + " has no description");
      }
    }
    return problems;
  }

  // the rules and the reader, on small pieces of HCL -----------------------------------------------------------------

  /** Each rule reports what it exists to catch, and lets through what it must not flag. */
  @Nested
  class TheRulesThemselves {

    private final Path base = TERRAFORM.resolve("rule-test");

    private TfDir dir(String path, String... files) {
      List<TfFile> parsed = new ArrayList<>();
      for (int i = 0; i < files.length; i++) {
        parsed.add(TerraformFiles.parse("file" + i + ".tf", files[i]));
      }
      return new TfDir(base.resolve(path), parsed);
    }

    @Test
    void aLiteralPasswordIsReported() {
      TfFile file = TerraformFiles.parse("main.tf", """
          resource "kubernetes_secret_v1" "db" {
            data = {
              password = "hunter2"
            }
          }
          provider "keycloak" {
            password = <<EOT
          hunter2
          EOT
          }
          locals {
            values = yamlencode({ auth = { "postgres-password" = "hunter2", clientSecret = "s3cr3t" } })
          }
          """);
      assertThat(literalSecrets(file)).hasSize(4).anyMatch(p -> p.startsWith("main.tf:3: password"))
          .anyMatch(p -> p.contains("postgres-password")).anyMatch(p -> p.contains("clientSecret"));
    }

    @Test
    void referencesTemplatesAndTheNamesOfSecretsAreNotSecrets() {
      TfFile file = TerraformFiles.parse("main.tf", """
          resource "kubernetes_secret_v1" "db" {
            data = {
              password        = random_password.db.result
              "client-secret" = keycloak_openid_client.portal.client_secret
              token           = "${var.prefix}${var.token}"
              api_token       = ""
            }
          }
          locals {
            values = {
              existingSecret  = "paved-database"
              passwordKey     = "password"
              tokenKey        = "token"
              clientSecretKey = "client-secret"
              secretName      = "paved-tls"
            }
            token_secret_name = "paved-argocd"
            description       = "the password comes from a Secret" # password = "in a comment"
          }
          """);
      assertThat(literalSecrets(file)).isEmpty();
      assertThat(namesASecret("private_key")).isTrue();
      assertThat(namesASecret("api_key")).isTrue();
      assertThat(namesASecret("keycloak_admin_password")).isTrue();
      assertThat(namesASecret("clientSecret")).isTrue();
      assertThat(namesASecret("client_secret_name")).isFalse();
      assertThat(namesASecret("ssh_public_key")).isFalse();
      assertThat(namesASecret("access_token_lifespan")).isFalse();
      assertThat(namesASecret("client_secret_wo")).isTrue();
      assertThat(namesASecret("existingSecret")).isFalse();
    }

    @Test
    void keysAndTokensInTheTextAreReportedEvenInComments() {
      String jwt = "eyJhbGciOiJIUzI1NiJ9" + ".eyJzdWIiOiJwYXZlZCJ9" + ".c2lnbmF0dXJl";
      TfFile file = TerraformFiles.parse("terraform.tfvars.example", "# " + jwt + "\n"
          + "ca = <<EOT\n-----BEGIN " + "PRIVATE KEY-----\nEOT\n"
          + "id = \"AKIA" + "ABCDEFGHIJKLMNOP\"\n");
      assertThat(literalSecrets(file)).hasSize(3);
    }

    @Test
    void anUndeclaredVariableIsReportedWhereverItIsUsed() {
      TfDir dir = dir("m", """
          variable "declared" {
            type        = string
            description = "used"
          }
          resource "helm_release" "x" {
            name   = var.declared
            values = ["${var.in_template}", <<-EOT
              name: ${upper(var.in_heredoc)}
            EOT
            ]
            chart = var.missing # var.in_comment is not a use
            notes = "var.in_text is not a use either"
          }
          """);
      assertThat(undeclaredVariables(dir)).hasSize(3).anyMatch(p -> p.endsWith("var.in_template is not declared"))
          .anyMatch(p -> p.endsWith("var.in_heredoc is not declared"))
          .anyMatch(p -> p.endsWith(":11: var.missing is not declared"));
    }

    @Test
    void anUndescribedUntypedVariableAndAnUnprotectedSecretAreReported() {
      TfDir dir = dir("m", """
          variable "bare" {}
          variable "admin_password" {
            type        = string
            description = "a secret"
            default     = "hunter2"
          }
          variable "optional_token" {
            type        = string
            description = "an optional secret"
            sensitive   = true
            default     = null
          }
          variable "password_secret_name" {
            type        = string
            description = "names a Secret"
            default     = "paved-database"
          }
          """);
      assertThat(variableProblems(dir)).hasSize(4)
          .anyMatch(p -> p.endsWith("variable bare has no description"))
          .anyMatch(p -> p.endsWith("variable bare has no type"))
          .anyMatch(p -> p.endsWith("admin_password looks like a secret but is not sensitive = true"))
          .anyMatch(p -> p.endsWith("admin_password looks like a secret but has a default (only null is allowed)"));
    }

    @Test
    void aModuleArgumentThatDoesNotExistAndAMissingRequiredOneAreReported() {
      TfDir module = dir("modules/db", """
          variable "namespace" {
            type        = string
            description = "required"
          }
          variable "size" {
            type        = string
            description = "optional"
            default     = "8Gi"
          }
          """);
      TfDir root = dir("root", """
          module "db" {
            source     = "../modules/db"
            size       = "10Gi"
            sise       = "10Gi"
            depends_on = [kubernetes_namespace_v1.paved]
          }
          module "gone" {
            source = "../modules/gone"
          }
          module "vpc" {
            source = "terraform-aws-modules/vpc/aws"
          }
          """);
      Map<Path, TfDir> modules = Map.of(module.path(), module);
      assertThat(moduleCallProblems(root, modules::get)).hasSize(4)
          .anyMatch(p -> p.endsWith("module db sets sise, which ../modules/db does not declare"))
          .anyMatch(p -> p.endsWith("module db does not set namespace, which ../modules/db requires"))
          .anyMatch(p -> p.endsWith("module gone: source ../modules/gone is not a directory with .tf files"))
          .anyMatch(p -> p.endsWith("module vpc comes from the registry without a version"));
    }

    @Test
    void anUnpinnedOrUndeclaredProviderAndAnUnpinnedChartAreReported() {
      TfDir dir = dir("m", """
          terraform {
            required_providers {
              helm = {
                source = "hashicorp/helm"
              }
              kubernetes = { source = "hashicorp/kubernetes", version = ">= 2.0" }
              keycloak = {
                version = "~> 5.5"
              }
            }
          }
          variable "chart_version" {
            type        = string
            description = "a range, not a version"
            default     = "^9.0.0"
          }
          resource "random_password" "db" {
            length = 32
          }
          resource "helm_release" "argocd" {
            repository = "https://argoproj.github.io/argo-helm"
            chart      = "argo-cd"
            version    = var.chart_version
          }
          resource "helm_release" "postgresql" {
            repository = "oci://registry-1.docker.io/bitnamicharts"
            chart      = "postgresql"
          }
          resource "helm_release" "local" {
            chart = "./chart"
          }
          """);
      assertThat(providerProblems(dir)).hasSize(7)
          .anyMatch(p -> p.endsWith("no terraform { required_version = ... }"))
          .anyMatch(p -> p.endsWith(
              "provider helm is not pinned (version = \"~> x.y\" or an exact version), but has no version"))
          .anyMatch(p -> p.contains("provider kubernetes is not pinned") && p.endsWith("\">= 2.0\""))
          .anyMatch(p -> p.endsWith("provider keycloak has no source"))
          .anyMatch(p -> p.endsWith("uses the random provider without it in required_providers"))
          .anyMatch(p -> p.contains("helm_release argocd takes a chart"))
          .anyMatch(p -> p.contains("helm_release postgresql takes a chart"));
      assertThat(pinned("~> 3.1")).isTrue();
      assertThat(pinned("1.2.3")).isTrue();
      assertThat(pinned(">= 2.38, < 4.0")).isTrue();
      assertThat(pinned(">= 2.38")).isFalse();
    }

    @Test
    void anUndescribedOutputIsReported() {
      TfDir dir = dir("m", """
          output "url" {
            value = "https://paved.example.com"
          }
          output "described" {
            description = "fine"
            value       = 1
          }
          """);
      assertThat(outputProblems(dir)).singleElement(InstanceOfAssertFactories.STRING)
          .endsWith("output url has no description");
    }

    @Test
    void theReaderSkipsCommentsAndStringsAndFindsBlocksLabelsAndAttributes() {
      TfFile file = TerraformFiles.parse("main.tf", """
          # a comment with { a brace
          // another }
          /* and a
             block comment } */
          resource "helm_release" "x" {
            name   = "a } in a string # not a comment"
            values = [<<-EOT
              key: "{ not a block }"
              other: ${var.x}
            EOT
            ]
            metadata {
              labels = {
                a = "b"
              }
            }
            set = [
              { name = "a", value = "b" },
            ]
            lifecycle { ignore_changes = [values] }
          }
          locals { one = 1 }
          """);
      assertThat(file.body().blocks()).extracting(Block::type).containsExactly("resource", "locals");
      Block resource = file.body().blocks().getFirst();
      assertThat(resource.labels()).containsExactly("helm_release", "x");
      assertThat(resource.line()).isEqualTo(5);
      assertThat(resource.body().attributes()).extracting(Attribute::name).containsExactly("name", "values", "set");
      assertThat(resource.body().attribute("name").flatMap(Attribute::literal))
          .contains("a } in a string # not a comment");
      assertThat(resource.body().blocks()).extracting(Block::type).containsExactly("metadata", "lifecycle");
      assertThat(resource.body().blocks("lifecycle").getFirst().body().attribute("ignore_changes")).isPresent();
      assertThat(resource.body().blocks("metadata").getFirst().body().attribute("labels")).isPresent();
      assertThat(TerraformFiles.references(file.tokens(), "var")).extracting(Map.Entry::getKey).containsExactly("x");
      assertThat(file.body().blocks("locals").getFirst().body().attribute("one")).isPresent();
    }
  }
}
