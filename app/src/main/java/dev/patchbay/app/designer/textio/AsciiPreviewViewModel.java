package dev.patchbay.app.designer.textio;

import dev.patchbay.model.diagram.Charset;
import dev.patchbay.model.diagram.DiagramStyle;
import dev.patchbay.model.topology.Topology;
import java.util.function.Supplier;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * File > Export > ASCII preview: the text diagram of the design, redrawn as charset, width or style
 * change; compact by default, as {@code patchbay export --format ascii} draws it.
 */
public final class AsciiPreviewViewModel {
  private final Supplier<Topology> topology;
  private final ObjectProperty<Charset> charset = new SimpleObjectProperty<>(Charset.ASCII);
  private final IntegerProperty width = new SimpleIntegerProperty(100);
  private final ObjectProperty<DiagramStyle> style = new SimpleObjectProperty<>(DiagramStyle.COMPACT);
  private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");

  public AsciiPreviewViewModel(Supplier<Topology> topology) {
    this.topology = topology;
    charset.addListener((o, a, b) -> render());
    width.addListener((o, a, b) -> render());
    style.addListener((o, a, b) -> render());
    render();
  }

  public void render() {
    text.set(style.get().render(topology.get(), charset.get(), Math.max(20, width.get())));
  }

  public ObjectProperty<Charset> charsetProperty() {
    return charset;
  }

  public ObjectProperty<DiagramStyle> styleProperty() {
    return style;
  }

  public IntegerProperty widthProperty() {
    return width;
  }

  /**
   * Saves the diagram shown now (its charset, style and width) to a file, as UTF-8; the reason when
   * it could not be written, or empty once it is.
   */
  public java.util.Optional<String> saveTo(java.nio.file.Path file) {
    try {
      dev.patchbay.app.designer.export.ExportFiles.writeText(text.get(), file);
      return java.util.Optional.empty();
    } catch (java.io.IOException e) {
      return java.util.Optional.of(e.getMessage() == null ? e.toString() : e.getMessage());
    }
  }

  public ReadOnlyStringProperty textProperty() {
    return text.getReadOnlyProperty();
  }
}
