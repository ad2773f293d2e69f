package dev.patchbay.model.importer.gns3;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchbay.model.importer.ImportException;
import dev.patchbay.model.importer.Importers;
import dev.patchbay.model.importer.SourceFile;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every value of every fixture replaced in turn by a value of another shape (null, a text, a
 * negative number, a list, an object): the import either reads the file or refuses it with an
 * ImportException naming the file; it never fails with anything else (a stack trace for the user).
 */
class Gns3HostileInputTest {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final List<JsonNode> WRONG = List.of(JSON.nullNode(), JSON.textNode("x"), JSON.numberNode(-1),
      JSON.arrayNode(), JSON.objectNode());

  static Stream<String> fixtures() {
    return Gns3Fixtures.PROJECTS.stream();
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void everyValueOfTheWrongShapeIsReadOrRefusedByName(String fixture) throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    JsonNode original = mapper.readTree(Gns3Fixtures.file(fixture).bytes());
    List<JsonNode> containers = new ArrayList<>();
    collect(original, containers);
    int tried = 0;
    for (int c = 0; c < containers.size(); c++) {
      int size = containers.get(c).size();
      for (int k = 0; k < size; k++) {
        for (JsonNode wrong : WRONG) {
          JsonNode copy = original.deepCopy();
          List<JsonNode> copies = new ArrayList<>();
          collect(copy, copies);
          replace(copies.get(c), k, wrong);
          attempt(fixture, mapper.writeValueAsString(copy));
          tried++;
        }
      }
    }
    assertTrue(tried > 100, "mutations tried: " + tried);
  }

  private static void attempt(String fixture, String text) {
    try {
      Importers.read(List.of(SourceFile.of(fixture, text)), "gns3");
    } catch (ImportException e) {
      assertTrue(e.getMessage().startsWith(fixture), e.getMessage());
    } catch (RuntimeException e) {
      fail("not an ImportException for " + text, e);
    }
  }

  private static void collect(JsonNode n, List<JsonNode> out) {
    if (n.isContainerNode()) {
      out.add(n);
      n.forEach(child -> collect(child, out));
    }
  }

  private static void replace(JsonNode container, int index, JsonNode value) {
    if (container instanceof ArrayNode a) {
      a.set(index, value);
    } else {
      Iterator<Map.Entry<String, JsonNode>> fields = ((ObjectNode) container).fields();
      for (int i = 0; i < index; i++) {
        fields.next();
      }
      ((ObjectNode) container).set(fields.next().getKey(), value);
    }
  }
}
