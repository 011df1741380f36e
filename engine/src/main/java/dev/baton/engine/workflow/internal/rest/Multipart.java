package dev.baton.engine.workflow.internal.rest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** A {@code multipart/form-data} body (RFC 7578), as {@code POST /v2/deployments} takes it. */
final class Multipart {
  /** One part: its form field name, its file name (null for a plain field) and its bytes. */
  record Part(String name, String filename, byte[] content) {
    String text() {
      return new String(content, StandardCharsets.UTF_8);
    }
  }

  private Multipart() {}

  static List<Part> parse(String contentType, byte[] body) {
    String boundary = boundary(contentType);
    byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    List<Part> parts = new ArrayList<>();
    int pos = indexOf(body, delimiter, 0);
    if (pos < 0) {
      throw new BadRequest("Failed to read request: the multipart body has no part starting with"
          + " its boundary '" + boundary + "'");
    }
    while (true) {
      int after = pos + delimiter.length;
      if (after + 1 < body.length && body[after] == '-' && body[after + 1] == '-') {
        return parts; // closing delimiter
      }
      int headersStart = skipLineEnd(body, after);
      int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1),
          headersStart);
      if (headersEnd < 0) {
        throw new BadRequest("Failed to read request: a multipart part has no end of headers");
      }
      String headers = new String(body, headersStart, headersEnd - headersStart,
          StandardCharsets.UTF_8);
      int contentStart = headersEnd + 4;
      int next = indexOf(body, ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1),
          contentStart);
      if (next < 0) {
        throw new BadRequest("Failed to read request: the multipart body is not closed by its"
            + " boundary '" + boundary + "'");
      }
      parts.add(part(headers, Arrays.copyOfRange(body, contentStart, next)));
      pos = next + 2;
    }
  }

  private static Part part(String headers, byte[] content) {
    String name = null;
    String filename = null;
    for (String line : headers.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-disposition:")) {
        name = parameter(line, "name");
        filename = parameter(line, "filename");
      }
    }
    if (name == null) {
      throw new BadRequest("Failed to read request: a multipart part has no Content-Disposition"
          + " with a name");
    }
    return new Part(name, filename, content);
  }

  private static String parameter(String header, String key) {
    for (String piece : header.substring(header.indexOf(':') + 1).split(";")) {
      String p = piece.trim();
      int eq = p.indexOf('=');
      if (eq > 0 && p.substring(0, eq).trim().equalsIgnoreCase(key)) {
        String v = p.substring(eq + 1).trim();
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")
            ? v.substring(1, v.length() - 1) : v;
      }
    }
    return null;
  }

  private static String boundary(String contentType) {
    if (contentType == null
        || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      throw new BadRequest(415, "Unsupported Media Type", "Content-Type '" + contentType
          + "' is not supported: deployments are sent as multipart/form-data with one"
          + " 'resources' part per file");
    }
    String b = parameter("x:" + contentType.substring(contentType.indexOf(';') + 1), "boundary");
    if (b == null || b.isEmpty()) {
      throw new BadRequest("Failed to read request: the multipart Content-Type has no boundary");
    }
    return b;
  }

  private static int skipLineEnd(byte[] b, int i) {
    return i + 1 < b.length && b[i] == '\r' && b[i + 1] == '\n' ? i + 2 : i;
  }

  private static int indexOf(byte[] hay, byte[] needle, int from) {
    outer:
    for (int i = Math.max(0, from); i <= hay.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
