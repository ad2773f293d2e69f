package dev.patchbay.app.export;

import dev.patchbay.model.topology.ElementKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * The canvas icons, one {@code <path>} on a 24x24 view box per element kind, read from
 * /assets/icons/KIND.svg on the class path (the app jar and the shaded jar carry assets/ there).
 */
final class SvgIcons {
  /** One icon: the path's outline, fill colour and fill rule. */
  record Icon(String d, String fill, String fillRule) {}

  private static final Map<ElementKind, Icon> ICONS = load();

  private SvgIcons() {}

  static Icon of(ElementKind kind) {
    return ICONS.get(kind);
  }

  private static Map<ElementKind, Icon> load() {
    Map<ElementKind, Icon> out = new EnumMap<>(ElementKind.class);
    for (ElementKind k : ElementKind.values()) {
      out.put(k, read("/assets/icons/" + k.fileName() + ".svg"));
    }
    return out;
  }

  private static Icon read(String resource) {
    try (InputStream in = SvgIcons.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("icon " + resource + " is missing from the class path");
      }
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setNamespaceAware(true);
      Element path = (Element) f.newDocumentBuilder().parse(in).getElementsByTagNameNS("*", "path").item(0);
      if (path == null) {
        throw new IllegalStateException("icon " + resource + " has no <path>");
      }
      return new Icon(path.getAttribute("d"), orDefault(path.getAttribute("fill"), "#333333"),
          orDefault(path.getAttribute("fill-rule"), "nonzero"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ParserConfigurationException | SAXException e) {
      throw new IllegalStateException("icon " + resource + " is not readable SVG: " + e.getMessage(), e);
    }
  }

  private static String orDefault(String value, String fallback) {
    return value == null || value.isEmpty() ? fallback : value;
  }
}
