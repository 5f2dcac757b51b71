package dev.paved.portal.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes audit entries as CSV (for spreadsheets) or JSON Lines (for log tools), streaming, whatever the size.
 * CSV cells that a spreadsheet would run as a formula are prefixed with an apostrophe: an actor or target
 * comes from users, and an export must not become a way to run formulas on an auditor's machine.
 */
public final class AuditExport {
  private static final List<String> HEADER = List.of("id", "at", "actor", "action", "target", "outcome", "details");

  private AuditExport() {}

  /** The formats an export can take. */
  public enum Format {
    CSV("text/csv", "csv"), JSONL("application/jsonl", "jsonl");

    private final String contentType;
    private final String extension;

    Format(String contentType, String extension) {
      this.contentType = contentType;
      this.extension = extension;
    }

    public String contentType() {
      return contentType;
    }

    public String extension() {
      return extension;
    }

    /** The format by its name, {@code csv} or {@code jsonl}. */
    public static Format of(String name) {
      for (Format f : values()) {
        if (f.extension.equalsIgnoreCase(name)) {
          return f;
        }
      }
      throw new IllegalArgumentException("format must be csv or jsonl, not '" + name + "'");
    }
  }

  /** Writes every entry matching the query to {@code out}. */
  public static void write(AuditTrail trail, AuditQuery query, Format format, OutputStream out) {
    try {
      if (format == Format.CSV) {
        out.write(csvLine(HEADER).getBytes(StandardCharsets.UTF_8));
      }
      trail.forEach(query, entry -> {
        try {
          out.write((format == Format.CSV ? csv(entry) : jsonLine(entry)).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String csv(AuditEntry e) {
    return csvLine(List.of(String.valueOf(e.id()), e.at().toString(), e.actor(), e.action(), e.target(), e.outcome(),
        e.details()));
  }

  private static String csvLine(List<String> cells) {
    StringBuilder line = new StringBuilder();
    for (String cell : cells) {
      if (!line.isEmpty()) {
        line.append(',');
      }
      String value = cell == null ? "" : cell;
      if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
        value = "'" + value;
      }
      line.append('"').append(value.replace("\"", "\"\"")).append('"');
    }
    return line.append("\r\n").toString();
  }

  static String jsonLine(AuditEntry e) {
    return "{\"id\":" + e.id() + ",\"at\":" + quote(e.at().toString()) + ",\"actor\":" + quote(e.actor())
        + ",\"action\":" + quote(e.action()) + ",\"target\":" + quote(e.target()) + ",\"outcome\":" + quote(e.outcome())
        + ",\"details\":" + (e.details() == null ? "{}" : e.details()) + "}\n";
  }

  private static String quote(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : (s == null ? "" : s).toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
