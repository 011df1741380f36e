package dev.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WriterOutputStreamTest {

  @Test
  void shouldKeepCharactersWholeWhenTheirBytesArriveInSeparateWrites() throws IOException {
    // given
    String text = "客户 C-1001, 华东 ✔\n".repeat(1000);
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    StringWriter target = new StringWriter();

    // when
    try (WriterOutputStream out = new WriterOutputStream(new PrintWriter(target))) {
      for (int i = 0; i < bytes.length; i += 7) {
        out.write(bytes, i, Math.min(7, bytes.length - i));
      }
    }

    // then
    assertThat(target.toString()).isEqualTo(text);
  }
}
