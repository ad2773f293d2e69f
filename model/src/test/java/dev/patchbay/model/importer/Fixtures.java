package dev.patchbay.model.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.patchbay.model.check.Diagnostic;
import dev.patchbay.model.check.Severity;
import dev.patchbay.model.check.rules.StandardRules;
import dev.patchbay.model.format.TopologyFiles;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Topology;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Import fixtures under src/test/resources/imports/FORMAT/, read as the CLI would hand them over. */
public final class Fixtures {
  private Fixtures() {}

  public static SourceFile file(String format, String name) {
    String path = "/imports/" + format + "/" + name;
    try (InputStream in = Fixtures.class.getResourceAsStream(path)) {
      assertNotNull(in, path);
      return new SourceFile(name, in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Detected by content, read and finished as `patchbay import` does. */
  public static Imported imported(String format, String name) {
    return Importers.read(List.of(file(format, name)), null);
  }

  /** The validator's errors: an import must never produce a design that check refuses. */
  public static List<String> errors(Topology t) {
    return StandardRules.validator().check(t).stream().filter(d -> d.severity() == Severity.ERROR)
        .map(Diagnostic::message).toList();
  }

  /** The design written and read back: what the importer made is a valid Patchbay file. */
  public static Topology roundTrip(Topology t) {
    try {
      Topology back = TopologyFiles.parse(TopologyFiles.toJson(t), "round trip");
      assertEquals(TopologyFiles.toJson(t), TopologyFiles.toJson(back));
      return back;
    } catch (dev.patchbay.model.format.TopologyFileException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  /** A link between the two ends, either way round. */
  public static boolean linked(Topology t, String a, String b) {
    return t.links().stream().anyMatch(l -> ends(l, a, b));
  }

  private static boolean ends(Link l, String a, String b) {
    String x = l.a().toString();
    String y = l.b().toString();
    return (x.equals(a) && y.equals(b)) || (x.equals(b) && y.equals(a));
  }
}
