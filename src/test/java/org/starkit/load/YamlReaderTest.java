package org.starkit.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.starkit.diagnostic.Diagnostic;

class YamlReaderTest {
  private final List<Diagnostic> problems = new ArrayList<>();

  private Optional<YamlNode> read(String yaml) {
    return new YamlReader().read(yaml, "x.md", 2, problems);
  }

  @Test
  void keepsScalarsAsWrittenWithFileLines() {
    YamlNode.Mapping map = (YamlNode.Mapping) read("title: no\nlevel: 01\n").orElseThrow();
    YamlNode.Scalar title = (YamlNode.Scalar) map.get("title").orElseThrow();
    assertThat(title.value()).isEqualTo("no");
    assertThat(title.line()).isEqualTo(2);
    assertThat(title.column()).isEqualTo(8);
    assertThat(((YamlNode.Scalar) map.get("level").orElseThrow()).value()).isEqualTo("01");
    assertThat(problems).isEmpty();
  }

  @Test
  void reportsSyntaxErrorsAtTheParsersPosition() {
    assertThat(read("title: ok\n  level: [beginner\n")).isEmpty();
    assertThat(problems).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo("yaml-syntax");
      assertThat(d.line()).isGreaterThanOrEqualTo(3);
    });
  }

  @Test
  void rejectsDuplicateKeysNamingTheFirst() {
    read("title: a\nlevel: beginner\ntitle: b\n");
    assertThat(problems).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo("duplicate-key");
      assertThat(d.line()).isEqualTo(4);
      assertThat(d.column()).isEqualTo(1);
      assertThat(d.message()).contains("line 2");
    });
  }

  @Test
  void refusesAliasBombs() {
    StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
    char prev = 'a';
    for (char c = 'b'; c <= 'j'; c++) {
      bomb.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        bomb.append(i == 0 ? "" : ", ").append('*').append(prev);
      }
      bomb.append("]\n");
      prev = c;
    }
    assertThat(read(bomb.toString())).isEmpty();
    assertThat(problems).singleElement().satisfies(d -> assertThat(d.code()).isIn("yaml-syntax", "yaml-too-complex"));
  }

  @Test
  void refusesCustomTags() {
    assertThat(read("title: !!javax.script.ScriptEngineManager [x]\n")).isEmpty();
    assertThat(problems).singleElement().satisfies(d -> assertThat(d.code()).isEqualTo("yaml-syntax"));
  }

  @Test
  void readsNullAndTildeAsEmpty() {
    YamlNode.Mapping map = (YamlNode.Mapping) read("a: ~\nb: null\nc:\nd: 'null'\n").orElseThrow();
    assertThat(((YamlNode.Scalar) map.get("a").orElseThrow()).isEmpty()).isTrue();
    assertThat(((YamlNode.Scalar) map.get("b").orElseThrow()).isEmpty()).isTrue();
    assertThat(((YamlNode.Scalar) map.get("c").orElseThrow()).isEmpty()).isTrue();
    assertThat(((YamlNode.Scalar) map.get("d").orElseThrow()).value()).isEqualTo("null");
  }
}
