package dev.patchbay.model.format;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.patchbay.model.text.Printable;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Jackson's complaints about a file, said in the file's terms: the field's path, what was expected
 * ("a whole number", "a list"), what was found. Jackson's own messages name Java types
 * ({@code `java.util.ArrayList<...>`}); none of that reaches the user.
 */
final class JsonErrors {
  /** Anything that reads like Java rather than like the file. */
  private static final Pattern JAVA = Pattern.compile("`|\\b(java|javax|com\\.fasterxml|dev\\.patchbay)\\.|Exception"
      + "|\\bclass\\b|\\[Source|\\bint\\b|\\blong\\b|\\bdouble\\b|\\bInteger\\b|\\bString\\b|JsonToken");

  private JsonErrors() {}

  static TopologyFileException located(String source, JsonProcessingException e) {
    JsonLocation loc = e.getLocation();
    if ((loc == null || loc.getLineNr() < 1) && e.getProcessor() instanceof JsonParser p) {
      loc = p.currentTokenLocation();
    }
    int line = loc == null ? 0 : Math.max(loc.getLineNr(), 0);
    int column = loc == null ? 0 : Math.max(loc.getColumnNr(), 0);
    return new TopologyFileException(source, line, column, describe(e));
  }

  static String describe(JsonProcessingException e) {
    String path = e instanceof JsonMappingException m ? path(m) : "";
    String where = path.isEmpty() ? "" : " at " + path;
    String words = specific(e, path, where);
    if (words == null) {
      words = plain(e) + where;
    }
    return JAVA.matcher(words).find() ? "unexpected " + found(e) + where : words;
  }

  /** The kinds of mistake a file can make, each in its own words; null for a plain syntax error. */
  private static String specific(JsonProcessingException e, String path, String where) {
    if (e instanceof UnrecognizedPropertyException u) {
      Collection<Object> ids = u.getKnownPropertyIds();
      String known = ids == null ? "" : ids.stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
      return "unknown field " + quoted(u.getPropertyName()) + where + (known.isEmpty() ? "" : "; known fields: " + known);
    }
    if (e instanceof InvalidTypeIdException t) {
      String kinds = "; expected one of guest, hub, tap, bridge, uplink, socket, vde, user, lan, internet";
      return t.getTypeId() == null ? "an element has no \"kind\"" + where + kinds
          : "unknown element kind " + quoted(t.getTypeId()) + where + kinds;
    }
    if (e instanceof ValueInstantiationException || e.getCause() instanceof IllegalArgumentException) {
      Throwable cause = e.getCause();
      String m = cause == null ? null : cause.getMessage();
      return m == null || JAVA.matcher(m).find() ? null : m + where;
    }
    if (e instanceof InputCoercionException || e.getCause() instanceof InputCoercionException
        || String.valueOf(e.getOriginalMessage()).contains("out of range of")) {
      return "the number " + found(e) + " is too large; expected a whole number from -2,147,483,648 to"
          + " 2,147,483,647" + where;
    }
    if (e instanceof InvalidNullException n) {
      String field = path.isEmpty() ? "a field" : path;
      return field + " is missing or null; expected " + (n.getTargetType() == null ? "a value" : expected(n.getTargetType()));
    }
    if (e instanceof InvalidFormatException f) {
      return Printable.quoted(String.valueOf(f.getValue())) + " is not " + expected(f.getTargetType()) + where;
    }
    if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
      return "expected " + expected(m.getTargetType()) + where + ", found " + found(e);
    }
    return null;
  }

  /** What a value of the target type looks like in a file. */
  private static String expected(Class<?> type) {
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return "a whole number";
    } else if (type == double.class || type == Double.class || type == float.class) {
      return "a number";
    } else if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    } else if (type == String.class) {
      return "a text in double quotes";
    } else if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "a list [ ... ]";
    } else if (type.isEnum()) {
      return "one of " + java.util.Arrays.stream(type.getEnumConstants()).map(c -> c.toString().toLowerCase(
          java.util.Locale.ROOT)).collect(Collectors.joining(", "));
    } else if (type == dev.patchbay.model.topology.Endpoint.class) {
      return "an end such as \"guest1:nic0\" or \"br0\"";
    }
    return Map.class.isAssignableFrom(type) || !type.isPrimitive() ? "an object { ... }" : "a value";
  }

  /** What the file had where the mistake is, from the parser's current token. */
  private static String found(JsonProcessingException e) {
    if (!(e.getProcessor() instanceof JsonParser p) || p.currentToken() == null) {
      return "value";
    }
    JsonToken t = p.currentToken();
    try {
      return switch (t) {
        case START_OBJECT, END_OBJECT, FIELD_NAME -> "an object { ... }";
        case START_ARRAY, END_ARRAY -> "a list [ ... ]";
        case VALUE_STRING -> "the text " + Printable.quoted(abbreviated(p.getText()));
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> abbreviated(p.getText());
        case VALUE_TRUE, VALUE_FALSE -> p.getText();
        case VALUE_NULL -> "null";
        default -> "value";
      };
    } catch (java.io.IOException io) {
      return "value";
    }
  }

  private static String abbreviated(String s) {
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
  }

  /** Jackson's message for a syntax error, without its source excerpt and with its quotes made safe. */
  private static String plain(JsonProcessingException e) {
    String msg = e.getOriginalMessage() == null ? "the JSON cannot be read" : e.getOriginalMessage();
    int cut = msg.indexOf(" at [Source");
    msg = cut >= 0 ? msg.substring(0, cut) : msg;
    msg = msg.replaceAll("\\(start marker at \\[Source[^)]*\\)", "").replaceAll("\\s+", " ").trim();
    return Printable.line(msg);
  }

  /** An I/O failure's message, or a word for it when it has none. */
  static String words(java.io.IOException e) {
    return e.getMessage() == null || JAVA.matcher(e.getMessage()).find() ? "input error" : Printable.line(e.getMessage());
  }

  private static String quoted(String s) {
    return "\"" + Printable.line(s) + "\"";
  }

  static String path(JsonMappingException m) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference r : m.getPath()) {
      if (r.getIndex() >= 0) {
        sb.append('[').append(r.getIndex()).append(']');
      } else if (r.getFieldName() != null) {
        if (!sb.isEmpty()) {
          sb.append('.');
        }
        sb.append(Printable.line(r.getFieldName()));
      }
    }
    return sb.toString();
  }
}
