package org.starkit.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starkit.render.Theme;

class ThemeErrorTest {
  @TempDir
  Path tmp;

  private Path themeWith(String template, String content) throws IOException {
    Path theme = tmp.resolve("theme");
    try (Stream<Path> files = Files.walk(Path.of("themes/default"))) {
      for (Path p : files.toList()) {
        Path t = theme.resolve(Path.of("themes/default").relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
    Files.writeString(theme.resolve(template), content);
    return theme;
  }

  private BuildResult check(Path theme) throws IOException {
    return new SiteBuilder().check(new BuildOptions(Fixtures.SMALL, "curriculum", tmp.resolve("site"),
        new Theme(theme, "mytheme"), Optional.empty(), false));
  }

  @Test
  void reportsUnknownVariableWithTemplateFileAndLine() throws IOException {
    BuildResult result = check(themeWith("tags.peb", "{% extends \"base.peb\" %}\n{% block content %}\n\n{{ tags.nothing }}\n{% endblock %}\n"));
    assertThat(result.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo("theme-error");
      assertThat(d.file()).isEqualTo("mytheme/tags.peb");
      assertThat(d.line()).isEqualTo(4);
    });
    assertThat(result.files()).isEmpty();
  }

  @Test
  void reportsSyntaxErrorInTemplate() throws IOException {
    BuildResult result = check(themeWith("404.peb", "{% extends \"base.peb\" %}\n{% block content %}\n{% if %}\n"));
    assertThat(result.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo("theme-error");
      assertThat(d.file()).isEqualTo("mytheme/404.peb");
      assertThat(d.line()).isEqualTo(3);
    });
  }

  @Test
  void escapesLessonTextInTemplates() throws IOException {
    Path source = Fixtures.copy(Fixtures.SMALL, tmp);
    Path hello = source.resolve("lessons/basics/hello.md");
    Files.writeString(hello, Files.readString(hello).replace("title: Hello, world", "title: \"<script>alert(1)</script>\""));
    BuildResult result = new SiteBuilder().check(Fixtures.options(source, tmp.resolve("site")));
    String page = result.files().stream().filter(f -> f.path().equals("lessons/hello/index.html")).findFirst()
        .orElseThrow().text();
    assertThat(page).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
  }
}
