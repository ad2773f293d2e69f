package dev.patchbay.model.importer.xml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.xml.XmlFactory;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import dev.patchbay.model.importer.ImportException;
import dev.patchbay.model.importer.SourceFile;
import dev.patchbay.model.text.Printable;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Another tool's XML file read as a Jackson tree, safely: a file from a colleague may carry a
 * DOCTYPE whose entities read local files (XXE) or expand a few bytes into gigabytes (billion
 * laughs). libvirt, CORE and EVE-NG write no DOCTYPE, so one is refused before anything is expanded, and
 * the parser is built with DTDs and external entities off in case one slips past. Elements nest
 * at most {@value #MAX_DEPTH} deep (no format read this way needs a tenth of that), so a file of
 * endless nesting is refused instead of exhausting the stack.
 *
 * <p>The tree is Jackson's XML view: attributes and child elements are fields, repeated elements
 * an array, and an element with both attributes and text keeps its text under the empty name.
 */
public final class XmlTree {
  static final int MAX_DEPTH = 64;
  private static final XMLInputFactory INPUT = inputFactory();
  private static final XmlMapper MAPPER = new XmlMapper(XmlFactory.builder().xmlInputFactory(INPUT)
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build()).build());

  /** A file's root element name and its content. */
  public record Document(String file, String root, JsonNode content) {}

  private XmlTree() {}

  private static XMLInputFactory inputFactory() {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
    f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, Boolean.FALSE);
    return f;
  }

  /** The root element's local name, or empty when the bytes are not XML (never throws: detection). */
  public static Optional<String> rootName(SourceFile file) {
    try {
      XMLStreamReader r = INPUT.createXMLStreamReader(new ByteArrayInputStream(file.bytes()));
      try {
        return Optional.of(toRoot(r, file, false).getLocalName());
      } finally {
        r.close();
      }
    } catch (XMLStreamException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Whether the file is XML whose root element is one of roots (never throws: detection). */
  public static boolean hasRoot(SourceFile file, Set<String> roots) {
    return rootName(file).filter(roots::contains).isPresent();
  }

  /**
   * The whole file, whose root element must be one of roots.
   *
   * @param expected what such a file is, for the message: "<scenario> (a CORE scenario saved as XML)"
   * @throws ImportException as {@link #read(SourceFile)}, or naming the root found and what was expected
   */
  public static Document read(SourceFile file, Set<String> roots, String expected) {
    Document doc = read(file);
    if (!roots.contains(doc.root())) {
      throw new ImportException(file.name() + ": the root element is <" + Printable.line(doc.root()) + ">; expected "
          + expected);
    }
    return doc;
  }

  /**
   * The whole file.
   *
   * @throws ImportException naming the file and the line and column where the XML breaks
   */
  public static Document read(SourceFile file) {
    XMLStreamReader r = null;
    try {
      r = INPUT.createXMLStreamReader(new ByteArrayInputStream(file.bytes()));
      String root = toRoot(r, file, true).getLocalName();
      JsonNode content = MAPPER.readValue(r, JsonNode.class);
      return new Document(file.name(), root, content == null ? MAPPER.createObjectNode() : content);
    } catch (XMLStreamException e) {
      throw new ImportException(file.name() + where(e.getLocation()) + ": not well-formed XML: " + reason(e));
    } catch (StreamConstraintsException e) {
      throw new ImportException(file.name() + (r == null ? "" : where(r.getLocation())) + ": elements nest more than "
          + MAX_DEPTH + " deep; refused (no format Patchbay imports nests a tenth as deep)");
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      // Jackson's own errors may carry no location; the reader knows where it stopped.
      String place = at != null && at.getLineNr() > 0 ? ": line " + at.getLineNr() + ", column " + at.getColumnNr()
          : r == null ? "" : where(r.getLocation());
      throw new ImportException(file.name() + place + ": not well-formed XML: " + Printable.line(firstLine(e.getOriginalMessage())));
    } catch (IOException e) {
      throw new ImportException(file.name() + ": cannot be read as XML: " + Printable.line(firstLine(e.getMessage())));
    }
  }

  /**
   * Moves to the root element. Reading refuses a DOCTYPE, so nothing in it is ever used; detection
   * passes over it, so that such a file is refused with this reason rather than as unknown.
   */
  private static XMLStreamReader toRoot(XMLStreamReader r, SourceFile file, boolean refuseDtd)
      throws XMLStreamException {
    while (r.hasNext()) {
      int event = r.next();
      if (event == XMLStreamConstants.DTD && refuseDtd) {
        throw new ImportException(file.name() + where(r.getLocation()) + ": has a DOCTYPE; Patchbay reads no DTD"
            + " (its entities could read other files or expand without end), and the tools it imports write none");
      }
      if (event == XMLStreamConstants.START_ELEMENT) {
        return r;
      }
    }
    throw new ImportException(file.name() + ": no XML element in the file");
  }

  private static String where(Location at) {
    return at == null || at.getLineNumber() < 0 ? "" : ": line " + at.getLineNumber() + ", column " + at.getColumnNumber();
  }

  private static String reason(XMLStreamException e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    // StAX prefixes the location it also reports; the message keeps the file's own words.
    int at = m.indexOf("Message: ");
    return Printable.line(firstLine(at >= 0 ? m.substring(at + 9) : m));
  }

  private static String firstLine(String m) {
    if (m == null) {
      return "";
    }
    int nl = m.indexOf('\n');
    String line = nl < 0 ? m : m.substring(0, nl);
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }
}
