package dev.patchbay.model.text;

/**
 * Text from a file made safe to show: a name with a newline must not start a fake line, an ESC
 * must not drive the user's terminal, a bidi override must not reorder what the user reads. Every
 * message that echoes a value from a file, and every CLI output, passes through here.
 */
public final class Printable {
  private Printable() {}

  /**
   * The text on one line: every control character (newline included), format character (bidi
   * overrides, zero-width characters), line or paragraph separator, unassigned code point and
   * unpaired surrogate written as an escape such as {@code \n}, {@code \e} or {@code \u202e}.
   */
  public static String line(String text) {
    return escape(text, false);
  }

  /** The same, but newlines stay: for multi-line output whose own line breaks are wanted. */
  public static String lines(String text) {
    return escape(text, true);
  }

  /** Whether {@link #line} would change the text. */
  public static boolean isPlain(String text) {
    if (text == null) {
      return true;
    }
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (needsEscape(text, i, cp)) {
        return false;
      }
      i += Character.charCount(cp);
    }
    return true;
  }

  /**
   * A name as a message shows it: as it is when it is one plain word (letters, digits, '.', '-',
   * '_', any script), else in single quotes with control and invisible characters escaped; an
   * ordinary space stays a space, so "my guest" reads 'my guest', never with the space escaped.
   */
  public static String name(String name) {
    if (name == null) {
      return "(none)";
    }
    if (name.isEmpty()) {
      return "''";
    }
    for (int i = 0; i < name.length(); ) {
      int cp = name.codePointAt(i);
      if (!Character.isLetterOrDigit(cp) && cp != '.' && cp != '-' && cp != '_') {
        return quoted(name);
      }
      i += Character.charCount(cp);
    }
    return name;
  }

  /** One character in words a reader can see: "a space", "a tab", "'/'", or its escape in quotes. */
  public static String character(int cp) {
    return switch (cp) {
      case ' ' -> "a space";
      case '\t' -> "a tab (\\t)";
      case '\n' -> "a newline (\\n)";
      case '\r' -> "a carriage return (\\r)";
      default -> Character.isSpaceChar(cp) && !needsEscape(new String(Character.toChars(cp)), 0, cp)
          ? "a space character (" + String.format("\\u%04x", cp) + ")" : quoted(new String(Character.toChars(cp)));
    };
  }

  /**
   * Why a name or label cannot be shown on one line as it is, or empty when it can: its first
   * control, format (bidi override, zero-width), separator, unassigned or private-use character.
   * The one rule for names: the validator refuses what this finds, and messages escape it.
   */
  public static java.util.Optional<String> lineProblem(String text) {
    if (text == null) {
      return java.util.Optional.empty();
    }
    for (int i = 0; i < text.length(); ) {
      char c = text.charAt(i);
      if (c >= 0x20 && c < 0x7f) {
        i++; // printable ASCII, by far the most names: no character type to look up
        continue;
      }
      int cp = text.codePointAt(i);
      if (needsEscape(text, i, cp)) {
        return java.util.Optional.of("holds " + character(cp) + " at character " + (text.codePointCount(0, i) + 1));
      }
      i += Character.charCount(cp);
    }
    return java.util.Optional.empty();
  }

  /** The value in single quotes, escaped: how messages show a value taken from a file. */
  public static String quoted(String value) {
    return value == null ? "(none)" : "'" + line(value) + "'";
  }

  private static String escape(String text, boolean keepNewlines) {
    if (text == null) {
      return "null";
    }
    StringBuilder sb = null;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int next = i + Character.charCount(cp);
      boolean escape = needsEscape(text, i, cp) && !(keepNewlines && cp == '\n');
      if (escape && sb == null) {
        sb = new StringBuilder(text.length() + 8).append(text, 0, i);
      }
      if (escape) {
        sb.append(escaped(cp));
      } else if (sb != null) {
        sb.append(text, i, next);
      }
      i = next;
    }
    return sb == null ? text : sb.toString();
  }

  private static boolean needsEscape(String text, int i, int cp) {
    if (Character.isSurrogate(text.charAt(i)) && Character.charCount(cp) == 1) {
      return true; // an unpaired surrogate is no character at all, and no encoder can write it
    }
    return switch (Character.getType(cp)) {
      case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
          Character.UNASSIGNED, Character.PRIVATE_USE, Character.SURROGATE -> true;
      default -> false;
    };
  }

  private static String escaped(int cp) {
    return switch (cp) {
      case '\n' -> "\\n";
      case '\r' -> "\\r";
      case '\t' -> "\\t";
      case 0x1b -> "\\e";
      // Beyond the BMP as its two UTF-16 escapes: the same form JSON uses, so JSON output stays JSON.
      default -> cp > 0xFFFF ? String.format("\\u%04x\\u%04x", (int) Character.highSurrogate(cp),
          (int) Character.lowSurrogate(cp)) : String.format("\\u%04x", cp);
    };
  }
}
