package dev.baton.engine.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import dev.baton.engine.audit.DocumentCompression;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;

/** Stored documents inflated to bytes, and when those bytes may be read instead of the text. */
class DocumentsTest {

  @Test
  void shouldInflateToTheBytesAndTextThatWereStored() {
    // given: a document larger than the first buffer, with Chinese text
    String json = "{\"name\":\"示例医疗器械有限公司\",\"pad\":\"" + "x".repeat(100_000) + "\"}";
    byte[] stored = Documents.compress(json, DocumentCompression.DEFLATE);
    Documents.Inflated inflated = new Documents.Inflated();
    // when
    inflated.inflate(stored);
    // then
    assertThat(Arrays.copyOf(inflated.bytes(), inflated.length()))
        .isEqualTo(json.getBytes(StandardCharsets.UTF_8));
    assertThat(inflated.text()).isEqualTo(json).isEqualTo(Documents.decompress(stored));
    assertThat(inflated.wellFormed()).isTrue();
    // and a shorter one after it, in the same buffer
    inflated.inflate(Documents.compress("{}", DocumentCompression.DEFLATE));
    assertThat(inflated.text()).isEqualTo("{}");
  }

  @Test
  void shouldStoreUncompressedInAZlibStreamThatReadsTheSame() {
    // given: the same document compressed and stored
    String json = "{\"name\":\"示例医疗器械有限公司\",\"pad\":\"" + "x".repeat(150_000) + "\"}";
    byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
    byte[] deflated = Documents.compress(json, DocumentCompression.DEFLATE);
    byte[] stored = Documents.compress(json, DocumentCompression.STORE);
    // then: a zlib stream (header 0x78 0x01: no compression) holding the bytes as they are...
    assertThat(stored.length).isBetween(utf8.length, utf8.length + 64);
    assertThat(deflated.length).isLessThan(utf8.length / 10);
    assertThat(stored[0]).isEqualTo((byte) 0x78);
    assertThat(stored[1]).isEqualTo((byte) 0x01);
    // ...that any zlib reader inflates to the same text
    Inflater inflater = new Inflater();
    inflater.setInput(stored);
    byte[] back = new byte[utf8.length + 1];
    int n;
    try {
      n = inflater.inflate(back);
    } catch (DataFormatException e) {
      throw new AssertionError(e);
    }
    assertThat(inflater.finished()).isTrue();
    assertThat(Arrays.copyOf(back, n)).isEqualTo(utf8);
    assertThat(Documents.decompress(stored)).isEqualTo(json)
        .isEqualTo(Documents.decompress(deflated));
  }

  @Test
  void shouldRefuseAStoredValueThatIsNotZlibData() {
    Documents.Inflated inflated = new Documents.Inflated();
    assertThatThrownBy(() -> inflated.inflate("not zlib".getBytes(StandardCharsets.US_ASCII)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not zlib data");
  }

  @Test
  void shouldCallBytesWellFormedExactlyWhenAStrictUtf8DecoderAcceptsThem() {
    // given: the edges of table 3-7 and random bytes biased to multi-byte forms
    byte[][] edges = {
        bytes(0xC2, 0x80), bytes(0xC1, 0xBF), bytes(0xE0, 0xA0, 0x80), bytes(0xE0, 0x9F, 0xBF),
        bytes(0xED, 0x9F, 0xBF), bytes(0xED, 0xA0, 0x80), bytes(0xEF, 0xBF, 0xBF),
        bytes(0xF0, 0x90, 0x80, 0x80), bytes(0xF0, 0x8F, 0xBF, 0xBF),
        bytes(0xF4, 0x8F, 0xBF, 0xBF), bytes(0xF4, 0x90, 0x80, 0x80), bytes(0xF5, 0x80, 0x80,
        0x80), bytes(0xE4, 0xB8), bytes(0x80), bytes(0x41, 0xC3)};
    for (byte[] b : edges) {
      assertThat(wellFormed(b)).as(Arrays.toString(b)).isEqualTo(strict(b));
    }
    Random random = new Random(15);
    int[] pool = {0x41, 0x80, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xE4, 0xED, 0xEF, 0xF0,
        0xF4, 0xF5, 0xFF};
    for (int n = 0; n < 40_000; n++) {
      // short arrays, and longer ones that are mostly ASCII (read eight bytes at a time)
      boolean longer = n % 2 == 1;
      byte[] b = new byte[1 + random.nextInt(longer ? 40 : 6)];
      for (int i = 0; i < b.length; i++) {
        b[i] = (byte) (longer && random.nextInt(10) > 0 ? 0x20 + random.nextInt(0x5F)
            : random.nextBoolean() ? pool[random.nextInt(pool.length)] : random.nextInt(256));
      }
      assertThat(wellFormed(b)).as(Arrays.toString(b)).isEqualTo(strict(b));
    }
  }

  private static boolean wellFormed(byte[] b) {
    Deflater d = new Deflater();
    d.setInput(b);
    d.finish();
    byte[] out = new byte[b.length + 64];
    int n = d.deflate(out);
    Documents.Inflated inflated = new Documents.Inflated();
    inflated.inflate(Arrays.copyOf(out, n));
    return inflated.wellFormed();
  }

  private static boolean strict(byte[] b) {
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static byte[] bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }
}
