package dev.patchbay.app.designer.canvas;

import dev.patchbay.model.topology.ElementKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.paint.Color;
import javafx.scene.shape.FillRule;
import javafx.scene.shape.SVGPath;

/** The element icons from /assets/icons (one path on a 24x24 view box each), as SVGPath nodes. */
public final class Icons {
  private static final Pattern D = Pattern.compile("\\sd=\"([^\"]+)\"");
  private static final Pattern FILL = Pattern.compile("\\sfill=\"(#[0-9a-fA-F]{6})\"");
  private static final Map<ElementKind, String[]> CACHE = new EnumMap<>(ElementKind.class);

  private Icons() {}

  /** A new icon node, scaled from 24 to {@code size} units. */
  public static SVGPath of(ElementKind kind, double size) {
    String[] pathAndFill = CACHE.computeIfAbsent(kind, Icons::load);
    SVGPath p = new SVGPath();
    p.setContent(pathAndFill[0]);
    p.setFill(Color.web(pathAndFill[1]));
    p.setFillRule(FillRule.EVEN_ODD);
    p.setScaleX(size / 24);
    p.setScaleY(size / 24);
    p.getStyleClass().add("icon");
    return p;
  }

  /** The icon wrapped in a group, whose bounds are the scaled icon's (for layout in boxes). */
  public static javafx.scene.Group node(ElementKind kind, double size) {
    return new javafx.scene.Group(of(kind, size));
  }

  /** The colour the icon is drawn in, for accents around it. */
  public static Color colour(ElementKind kind) {
    return Color.web(CACHE.computeIfAbsent(kind, Icons::load)[1]);
  }

  private static String[] load(ElementKind kind) {
    String file = "/assets/icons/" + kind.fileName() + ".svg";
    try (InputStream in = Icons.class.getResourceAsStream(file)) {
      if (in == null) {
        throw new IllegalStateException("icon " + file + " is not packaged");
      }
      String svg = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      Matcher d = D.matcher(svg);
      if (!d.find()) {
        throw new IllegalStateException("icon " + file + " has no <path d=...>");
      }
      Matcher fill = FILL.matcher(svg);
      return new String[] {d.group(1), fill.find() ? fill.group(1) : "#333333"};
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
