package dev.paved.plugin.argocd;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.catalina.connector.Connector;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;

/**
 * A private certificate authority and a server certificate for 127.0.0.1 signed by it, made with the JDK's
 * keytool, so a test can check that the client trusts exactly the authority it is given.
 */
final class TestCertificates {
  private static final String PASSWORD = "changeit";

  private TestCertificates() {}

  /** Switches the connector to HTTPS with a fresh certificate; returns the authority's PEM file. */
  static Path serveTls(Connector connector, Path folder) throws IOException {
    Path ca = folder.resolve("ca.p12");
    Path server = folder.resolve("server.p12");
    Path caPem = folder.resolve("ca.pem");
    Path request = folder.resolve("server.csr");
    Path signed = folder.resolve("server.pem");
    keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-dname", "CN=Fake Argo CD test authority",
        "-ext", "bc:c", "-validity", "2", "-keystore", ca.toString());
    keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", ca.toString(), "-file", caPem.toString());
    keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-dname", "CN=127.0.0.1", "-validity", "2",
        "-keystore", server.toString());
    keytool("-certreq", "-alias", "server", "-keystore", server.toString(), "-file", request.toString());
    keytool("-gencert", "-alias", "ca", "-keystore", ca.toString(), "-infile", request.toString(), "-outfile",
        signed.toString(), "-rfc", "-ext", "san=ip:127.0.0.1", "-validity", "2");
    keytool("-importcert", "-noprompt", "-alias", "ca", "-keystore", server.toString(), "-file", caPem.toString());
    keytool("-importcert", "-alias", "server", "-keystore", server.toString(), "-file", signed.toString());
    connector.setSecure(true);
    connector.setScheme("https");
    connector.setProperty("SSLEnabled", "true");
    SSLHostConfig host = new SSLHostConfig();
    SSLHostConfigCertificate certificate = new SSLHostConfigCertificate(host, SSLHostConfigCertificate.Type.UNDEFINED);
    certificate.setCertificateKeystoreFile(server.toString());
    certificate.setCertificateKeystorePassword(PASSWORD);
    certificate.setCertificateKeyAlias("server");
    host.addCertificate(certificate);
    connector.addSslHostConfig(host);
    return caPem;
  }

  private static void keytool(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
    command.addAll(List.of(args));
    command.addAll(List.of("-storepass", PASSWORD, "-storetype", "PKCS12"));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      String output = new String(process.getInputStream().readAllBytes());
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IOException("keytool " + args[0] + " failed: " + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
