package dev.patchbay.model.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.patchbay.model.Samples;
import dev.patchbay.model.topology.Element;
import dev.patchbay.model.topology.HostForward;
import dev.patchbay.model.topology.HostSettings;
import dev.patchbay.model.topology.IpConfig;
import dev.patchbay.model.topology.Lan;
import dev.patchbay.model.topology.Link;
import dev.patchbay.model.topology.Nic;
import dev.patchbay.model.topology.Note;
import dev.patchbay.model.topology.Point;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * model/FORMAT.schema.json describes the files Patchbay reads and writes: every sample and an older
 * file with the "seed" field validate against it, and it names exactly the fields of the records the
 * loader maps, so a field added to the format without the schema fails here.
 */
class FormatSchemaTest {
  private static final Path SCHEMA = Path.of("FORMAT.schema.json");
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Path> files() {
    return Stream.concat(Samples.all().stream(),
        Stream.of(Path.of("src", "test", "resources", "format", "nat-bridge-with-seed.json")));
  }

  @ParameterizedTest
  @MethodSource("files")
  void everySampleValidates(Path file) throws IOException {
    List<Error> errors = schema().validate(Files.readString(file, StandardCharsets.UTF_8), InputFormat.JSON);
    assertEquals(List.of(), errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList(),
        file.toString());
  }

  @Test
  void aFieldTheLoaderRefusesTheSchemaRefusesToo() throws Exception {
    Path sample = Samples.named("nat-bridge.json");
    ObjectNode tree = (ObjectNode) JSON.readTree(sample.toFile());
    ((ObjectNode) tree.get("elements").get(0)).put("colour", "red");
    String text = JSON.writeValueAsString(tree);
    assertThrows(TopologyFileException.class, () -> TopologyFiles.parse(text, "edited"));
    assertFalse(schema().validate(text, InputFormat.JSON).isEmpty(), "the schema lets an unknown field through");
  }

  static Stream<Arguments> records() {
    JsonSubTypes kinds = Element.class.getAnnotation(JsonSubTypes.class);
    Stream<Arguments> elements = Arrays.stream(kinds.value())
        .map(k -> Arguments.of("/$defs/" + k.name(), k.value(), Set.of("kind")));
    return Stream.concat(elements, Stream.of(
        Arguments.of("", TopologyDocument.class, Set.of()),
        Arguments.of("/$defs/nic", Nic.class, Set.of()),
        Arguments.of("/$defs/ip", IpConfig.class, Set.of()),
        Arguments.of("/$defs/host", HostSettings.class, Set.of()),
        Arguments.of("/$defs/host/properties/nat/items", HostSettings.Nat.class, Set.of()),
        Arguments.of("/$defs/host/properties/routes/items", HostSettings.Route.class, Set.of()),
        Arguments.of("/$defs/user/properties/hostfwd/items", HostForward.class, Set.of()),
        Arguments.of("/$defs/lan/properties/routes/items", Lan.Route.class, Set.of()),
        Arguments.of("/$defs/link", Link.class, Set.of()),
        Arguments.of("/$defs/note", Note.class, Set.of()),
        Arguments.of("/$defs/point", Point.class, Set.of())));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("records")
  void theSchemaNamesEveryFieldOfTheRecord(String pointer, Class<?> record, Set<String> more) throws IOException {
    JsonNode properties = JSON.readTree(SCHEMA.toFile()).at(pointer + "/properties");
    assertTrue(properties.isObject(), "no properties at " + pointer);
    Set<String> inSchema = new TreeSet<>();
    properties.fieldNames().forEachRemaining(inSchema::add);
    Set<String> inRecord = Arrays.stream(record.getRecordComponents()).map(c -> c.getName())
        .collect(Collectors.toCollection(TreeSet::new));
    inRecord.addAll(more);
    assertEquals(inRecord, inSchema, pointer);
  }

  private static Schema schema() throws IOException {
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(Files.readString(SCHEMA, StandardCharsets.UTF_8), InputFormat.JSON);
  }
}
