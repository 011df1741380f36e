package dev.baton.designer.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Text bodies of the API (JSON, YAML, plain text) must be valid UTF-8 and at most {@value
 * #MAX_BYTES} bytes: otherwise 400 (or 413) as a problem detail, before any endpoint reads a
 * body with replacement characters in it. Zip, multipart and other binary bodies are left to
 * their readers (the pack reader decodes strictly itself). Not a bean: {@link
 * dev.baton.designer.security.SecurityConfiguration} adds it to the API's filter chain.
 */
public class ApiBodyCheck extends OncePerRequestFilter {
  /** The largest text body taken. */
  public static final int MAX_BYTES = 16 * 1024 * 1024;
  private final ApiAuthenticationProblems problems;

  public ApiBodyCheck(ApiAuthenticationProblems problems) {
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    if (!isText(request.getContentType())) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = readAtMost(request.getInputStream(), MAX_BYTES + 1);
    if (body.length > MAX_BYTES) {
      problems.write(request, response, ApiProblems.of(HttpStatus.PAYLOAD_TOO_LARGE,
          "Body too large", "The request body has more than " + MAX_BYTES + " bytes; send"
              + " less. Nothing was changed."));
      return;
    }
    int bad = invalidUtf8At(body);
    if (bad >= 0) {
      problems.write(request, response, ApiProblems.invalid("The request body is not valid"
          + " UTF-8 (at byte " + bad + "); send it encoded as UTF-8. Nothing was changed.",
          java.util.List.of(ApiProblems.field("", "invalid UTF-8 at byte " + bad,
              "encode the body as UTF-8"))));
      return;
    }
    chain.doFilter(new CachedBody(request, body), response);
  }

  private static boolean isText(String contentType) {
    if (contentType == null) {
      return false;
    }
    String t = contentType.toLowerCase(Locale.ROOT);
    return t.startsWith("application/json") || t.contains("+json") || t.contains("yaml")
        || t.startsWith("text/");
  }

  private static byte[] readAtMost(InputStream in, int limit) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    int n;
    while (out.size() < limit && (n = in.read(buf, 0, Math.min(buf.length,
        limit - out.size()))) > 0) {
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }

  /** The offset of the first byte that is not UTF-8, or -1. */
  static int invalidUtf8At(byte[] bytes) {
    CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    try {
      d.decode(in);
      return -1;
    } catch (CharacterCodingException e) {
      return in.position();
    }
  }

  /** The request with its body read once and served again from memory. */
  private static final class CachedBody extends HttpServletRequestWrapper {
    private final byte[] body;

    CachedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("synchronous reads only");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
