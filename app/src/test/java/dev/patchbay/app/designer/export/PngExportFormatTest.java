package dev.patchbay.app.designer.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.app.cli.ExportFormats;
import dev.patchbay.app.export.ExportFormat;
import dev.patchbay.app.export.ExportOptions;
import dev.patchbay.model.format.TopologyFiles;
import dev.patchbay.model.topology.Topology;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `patchbay export --format png` draws the canvas without a window. */
class PngExportFormatTest {
  private static final Path SAMPLES = Path.of(System.getProperty("patchbay.samples", "../samples"));

  @TempDir
  Path dir;

  private static boolean hasColour(BufferedImage img, int rgb) {
    for (int x = 0; x < img.getWidth(); x += 2) {
      for (int y = 0; y < img.getHeight(); y += 2) {
        if ((img.getRGB(x, y) & 0xFFFFFF) == rgb) {
          return true;
        }
      }
    }
    return false;
  }

  @Test
  void drawsTheHostBoxAndTheGuestsIntoAPng() throws Exception {
    Topology t = TopologyFiles.load(SAMPLES.resolve("nat-bridge.json"));
    Path out = dir.resolve("p2.png");
    ExportFormat png = ExportFormats.named("png").orElseThrow();
    png.export(t, ExportOptions.defaults(), out, null);
    BufferedImage img = ImageIO.read(out.toFile());
    assertTrue(img.getWidth() >= 600 && img.getHeight() >= 400, img.getWidth() + "x" + img.getHeight());
    assertTrue(hasColour(img, 0xF4F1EA), "no host box colour in the picture");
    assertTrue(hasColour(img, 0x3B6EA5), "no guest outline colour in the picture");
  }

  @Test
  void refusesToWriteAnImageToTheTerminal() throws Exception {
    Topology t = TopologyFiles.load(SAMPLES.resolve("nat-bridge.json"));
    IOException e = assertThrows(IOException.class,
        () -> ExportFormats.named("png").orElseThrow().export(t, ExportOptions.defaults(), null, null));
    assertEquals("--format png writes an image: give -o FILE.png", e.getMessage());
  }
}
