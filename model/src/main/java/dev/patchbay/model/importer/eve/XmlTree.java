package dev.patchbay.model.importer.eve;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.xml.XmlFactory;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import dev.patchbay.model.importer.ImportException;
import dev.patchbay.model.importer.SourceFile;
import dev.patchbay.model.text.Printable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;

/**
 * An XML file as Jackson's tree (attributes and child elements both fields, a repeated element an
 * array), read with DTDs off: a lab file from someone else cannot make the reader fetch a file or a
 * URL (XXE) or expand entities into gigabytes (billion laughs); a file that declares entities and
 * uses them is refused as naming an undeclared entity.
 */
final class XmlTree {
  private static final int MAX_DEPTH = 64;

  private XmlTree() {}

  static JsonNode read(SourceFile source) {
    XMLInputFactory in = XMLInputFactory.newFactory();
    in.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    in.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    XmlFactory factory = XmlFactory.builder().xmlInputFactory(in)
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build()).build();
    try {
      JsonNode root = new XmlMapper(factory).readTree(source.bytes());
      if (root == null || root.isMissingNode()) {
        throw new ImportException(source.name() + ": the file is empty; expected an EVE-NG lab (<lab>)");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw new ImportException(source.name() + place(e) + ": not well-formed XML, or XML Patchbay"
          + " refuses (DTDs and entities are not read): " + Printable.line(firstLine(e.getOriginalMessage())));
    } catch (IOException e) {
      throw new ImportException(source.name() + ": cannot be read: " + Printable.line(String.valueOf(e.getMessage())));
    }
  }

  /** The elements of a repeated child: none, one (an object) or several (an array); empty text is none. */
  static List<JsonNode> all(JsonNode parent, String field) {
    JsonNode n = parent == null ? null : parent.get(field);
    List<JsonNode> out = new ArrayList<>();
    if (n == null || n.isNull() || (n.isTextual() && n.asText().isBlank())) {
      return out;
    }
    if (n.isArray()) {
      n.forEach(out::add);
    } else {
      out.add(n);
    }
    return out;
  }

  /** Jackson's location, or the XML reader's when Jackson passes on a StAX error without one. */
  private static String place(JsonProcessingException e) {
    if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
      return place(e.getLocation());
    }
    if (e.getCause() instanceof javax.xml.stream.XMLStreamException x && x.getLocation() != null
        && x.getLocation().getLineNumber() > 0) {
      return ": line " + x.getLocation().getLineNumber() + ", column " + x.getLocation().getColumnNumber();
    }
    return "";
  }

  private static String place(JsonLocation at) {
    return at == null || at.getLineNr() < 1 ? "" : ": line " + at.getLineNr() + ", column " + at.getColumnNr();
  }

  private static String firstLine(String message) {
    String m = message == null ? "" : message.strip();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
