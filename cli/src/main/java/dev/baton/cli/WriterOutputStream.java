package dev.baton.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 bytes written to a {@link PrintWriter}: lets the engine's streaming export write to the
 * command's standard output (which tests capture as text). A character split across two writes
 * is kept until its last byte arrives. Not thread-safe.
 */
final class WriterOutputStream extends OutputStream {
  private final PrintWriter writer;
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPLACE)
      .onUnmappableCharacter(CodingErrorAction.REPLACE);
  private final ByteBuffer bytes = ByteBuffer.allocate(8192);
  private final CharBuffer chars = CharBuffer.allocate(8192);

  WriterOutputStream(PrintWriter writer) {
    this.writer = writer;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    int i = off;
    int end = off + len;
    while (i < end) {
      int n = Math.min(bytes.remaining(), end - i);
      bytes.put(b, i, n);
      i += n;
      decode(false);
    }
  }

  @Override
  public void flush() {
    writer.flush();
  }

  /** Writes out what is left (a dangling partial character becomes U+FFFD) and flushes. */
  @Override
  public void close() throws IOException {
    decode(true);
    writer.flush();
  }

  private void decode(boolean endOfInput) {
    bytes.flip();
    while (true) {
      var result = decoder.decode(bytes, chars, endOfInput);
      drainChars();
      if (!result.isOverflow()) {
        break;
      }
    }
    if (endOfInput) {
      decoder.flush(chars);
      drainChars();
    }
    bytes.compact();
  }

  private void drainChars() {
    chars.flip();
    writer.append(chars);
    chars.clear();
  }
}
