package dev.patchbay.model.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;

/**
 * One streaming pass over a file's JSON before anything is built from it: the limits of
 * {@link FileLimits} (depth, number and text lengths, element and entry counts), no text that holds
 * half of a UTF-16 pair, one JSON object and nothing after it, and the header's format and version.
 * Every refusal carries the line and column of the token at fault; nothing here holds more memory
 * than one token.
 */
final class StructureScan {
  /**
   * The header fields, as written (version and minor null unless a whole number that fits an int;
   * minor also when absent).
   */
  record Header(String format, Integer version, boolean hasVersion, Integer minor, boolean hasMinor) {}

  private final JsonFactory factory;
  private final String source;
  private String format;
  private Integer version;
  private boolean hasVersion;
  private Integer minor;
  private boolean hasMinor;

  private StructureScan(JsonFactory factory, String source) {
    this.factory = factory;
    this.source = source;
  }

  static Header scan(JsonFactory factory, String text, String source) throws TopologyFileException {
    return new StructureScan(factory, source).run(text);
  }

  private Header run(String text) throws TopologyFileException {
    try (JsonParser p = factory.createParser(text)) {
      try {
        if (p.nextToken() != JsonToken.START_OBJECT) {
          throw refused(p, "expected a JSON object with \"format\": \"" + TopologyFiles.FORMAT + "\"");
        }
        JsonToken t;
        while ((t = p.nextToken()) != null) {
          token(p, t);
          if (t == JsonToken.END_OBJECT && p.getParsingContext().inRoot()) {
            break;
          }
        }
        if (p.nextToken() != null) {
          throw refused(p, "there is more text after the topology's closing '}'");
        }
      } catch (StreamConstraintsException e) {
        throw refused(p, limitWords(e.getOriginalMessage()));
      } catch (JsonProcessingException e) {
        throw JsonErrors.located(source, e);
      }
    } catch (IOException e) {
      throw new TopologyFileException(source, 0, 0, "cannot read the text: " + JsonErrors.words(e));
    }
    return new Header(format, version, hasVersion, minor, hasMinor);
  }

  private void token(JsonParser p, JsonToken t) throws IOException, TopologyFileException {
    boolean opens = t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY;
    JsonStreamContext container = opens ? p.getParsingContext().getParent() : p.getParsingContext();
    if (container.inArray() && (opens || t.isScalarValue())) {
      count(p, container, isElements(container) ? FileLimits.MAX_ELEMENTS : FileLimits.MAX_ENTRIES);
    } else if (t == JsonToken.FIELD_NAME) {
      count(p, container, FileLimits.MAX_ENTRIES);
    }
    if (t == JsonToken.VALUE_STRING || t == JsonToken.FIELD_NAME) {
      wholeCharacters(p, p.getText());
    }
    if (t.isScalarValue() && container.inObject() && container.getParent().inRoot()) {
      header(container.getCurrentName(), p, t);
    }
  }

  private void count(JsonParser p, JsonStreamContext container, int limit) throws TopologyFileException {
    if (container.getCurrentIndex() >= limit) {
      String what = isElements(container) ? "elements" : "entries in one list or object";
      throw refused(p, "more than " + FileLimits.number(limit) + " " + what + "; Patchbay opens designs of up to "
          + FileLimits.number(FileLimits.MAX_ELEMENTS) + " elements");
    }
  }

  private static boolean isElements(JsonStreamContext array) {
    JsonStreamContext top = array.getParent();
    return array.inArray() && top != null && top.inObject() && top.getParent() != null && top.getParent().inRoot()
        && "elements".equals(top.getCurrentName());
  }

  private void header(String field, JsonParser p, JsonToken t) throws IOException {
    if ("format".equals(field)) {
      format = t == JsonToken.VALUE_STRING ? p.getText() : null;
    } else if ("version".equals(field)) {
      hasVersion = true;
      version = wholeNumber(p, t);
    } else if ("minor".equals(field)) {
      hasMinor = true;
      minor = wholeNumber(p, t);
    }
  }

  private static Integer wholeNumber(JsonParser p, JsonToken t) throws IOException {
    return t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT ? p.getIntValue() : null;
  }

  /** Text in a file is Unicode: a lone surrogate (written as a \\ud800 escape) is no character and no encoder writes it. */
  private void wholeCharacters(JsonParser p, String text) throws TopologyFileException {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw refused(p, String.format(java.util.Locale.ROOT, "a text holds \\u%04x, half of a UTF-16 pair, which is"
            + " no character; write the character itself or its full pair", (int) c));
      }
    }
  }

  /** Jackson's limit messages name its own classes; these say which limit, in the file's terms. */
  private static String limitWords(String jackson) {
    String m = jackson == null ? "" : jackson;
    if (m.contains("nesting depth")) {
      return "brackets are nested more than " + FileLimits.MAX_DEPTH + " deep; a topology needs five levels";
    } else if (m.contains("Number value length")) {
      return "a number is longer than " + FileLimits.MAX_NUMBER_LENGTH + " characters; no value of a topology"
          + " needs more than a few digits";
    } else if (m.contains("String value length") || m.contains("Name length")) {
      return "a text is longer than " + FileLimits.number(FileLimits.MAX_STRING_LENGTH) + " characters";
    }
    return "the text is longer than " + FileLimits.number(FileLimits.MAX_BYTES) + " characters";
  }

  private TopologyFileException refused(JsonParser p, String detail) {
    JsonLocation at = p.currentTokenLocation();
    if (at == null || at.getLineNr() < 1) {
      at = p.currentLocation();
    }
    return new TopologyFileException(source, Math.max(at.getLineNr(), 0), Math.max(at.getColumnNr(), 0), detail);
  }

  /**
   * Where a part of the file starts, by JSON pointer ("/elements/3", "/layout/g1"), for refusals
   * made after the file was read; 0:0 if the text does not have it.
   */
  static int[] locate(JsonFactory factory, String text, String pointer) {
    try (JsonParser p = factory.createParser(text)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        boolean opens = t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY;
        JsonStreamContext at = opens ? p.getParsingContext().getParent() : p.getParsingContext();
        if (at != null && (t == JsonToken.FIELD_NAME || opens || t.isScalarValue())
            && pointer.equals(at.pathAsPointer().toString())) {
          JsonLocation l = p.currentTokenLocation();
          return new int[] {l.getLineNr(), l.getColumnNr()};
        }
      }
    } catch (IOException e) {
      // The text was read once already; a failure now only loses the place.
    }
    return new int[] {0, 0};
  }
}
