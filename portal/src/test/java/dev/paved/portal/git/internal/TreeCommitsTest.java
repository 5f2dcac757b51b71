package dev.paved.portal.git.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.internal.storage.dfs.DfsRepositoryDescription;
import org.eclipse.jgit.internal.storage.dfs.InMemoryRepository;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;

class TreeCommitsTest {
  static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void commitsBuildOnTheParentAndKnowWhenAFolderIsAlreadyExactlyWritten() throws Exception {
    try (InMemoryRepository repo = new InMemoryRepository(new DfsRepositoryDescription("t"))) {
      PersonIdent who = new PersonIdent("Jane", "jane@acme.example");
      ObjectId first = TreeCommits.commit(repo, null, Map.of("README.md", b("# gitops\n")), List.of(), who, who, "first");
      Map<String, byte[]> payments = Map.of("payments/dev/values.yaml", b("replicas: 1\n"),
          "payments/prod/values.yaml", b("replicas: 3\n"));
      ObjectId second = TreeCommits.commit(repo, first, payments, List.of(), who, who, "add payments");

      assertThat(TreeCommits.exists(repo, second, "README.md")).as("kept from the parent").isTrue();
      assertThat(TreeCommits.holdsExactly(repo, second, "payments", payments)).isTrue();
      assertThat(TreeCommits.holdsExactly(repo, second, "payments", Map.of("payments/dev/values.yaml", b("replicas: 1\n"))))
          .as("a file more in the repository").isFalse();
      assertThat(TreeCommits.holdsExactly(repo, second, "payments", Map.of("payments/dev/values.yaml", b("replicas: 2\n"),
          "payments/prod/values.yaml", b("replicas: 3\n")))).as("other content").isFalse();

      ObjectId third = TreeCommits.commit(repo, second, Map.of(), List.of("payments"), who, who, "remove payments");
      assertThat(TreeCommits.exists(repo, third, "payments")).isFalse();
      assertThat(TreeCommits.sameTree(repo, first, third)).isTrue();
    }
  }
}
