package dev.patchbay.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, hole 7, in bulk: every value of three samples replaced in turn by each of a dozen wrong
 * ones (null, a negative number, a list where a text belongs, a comma that would add a QEMU option,
 * a newline and ESC, a lone surrogate, ...), about 2,700 files. For each: check exits 0, 1 or 2
 * with clean words (no Java, nothing raw); a refusal to read is one line naming the file; and a file
 * check passes is one that plan and every export accept (check refuses first), while a file with
 * errors makes the script export refuse naming the file.
 */
class BrokenInputsCorpusTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** Wrong values, written into the file as JSON text (the surrogate as its escape, as a file would hold it). */
  private static final List<String> WRONG = List.of("null", "-1", "99999999999", "\"\"", "\"x,script=/tmp/evil\"",
      "\"a\\nb\\u001b[2J\"", "\"\\ud800\"", "[]", "{}", "true");

  @TempDir
  Path dir;

  @Test
  void everyWrongValueOfThreeSamplesIsRefusedInWordsAndCheckRefusesFirst() throws Exception {
    List<Path> files = new ArrayList<>();
    List<String> whats = new ArrayList<>();
    for (String sample : List.of("nat-routing.json", "socket-listen-connect.json", "vde-switch.json")) {
      JsonNode root = JSON.readTree(Files.readString(BadFilesCliTest.sample(sample)));
      List<String> pointers = new ArrayList<>();
      pointers(root, "", pointers);
      for (String pointer : pointers) {
        for (String wrong : WRONG) {
          Path f = dir.resolve("v" + files.size() + ".json");
          Files.writeString(f, variant(root, pointer, wrong));
          files.add(f);
          whats.add(sample + " " + pointer + " = " + wrong);
        }
      }
    }
    // The files are independent and the commands keep no state: both cores judge them.
    List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
    java.util.stream.IntStream.range(0, files.size()).parallel()
        .forEach(i -> judge(files.get(i), whats.get(i), i % 4 == 0, problems::add));
    assertEquals(List.of(), problems.subList(0, Math.min(20, problems.size())), problems.size() + " problems in "
        + files.size() + " files");
  }

  /** Every value's JSON pointer, except the header, which has its own tests. */
  private static void pointers(JsonNode node, String at, List<String> out) {
    if (!at.isEmpty() && !at.equals("/format") && !at.equals("/version")) {
      out.add(at);
    }
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        pointers(e.getValue(), at + "/" + e.getKey().replace("~", "~0").replace("/", "~1"), out);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        pointers(node.get(i), at + "/" + i, out);
      }
    }
  }

  /** The file's text with the value at the pointer replaced by the wrong JSON text. */
  private static String variant(JsonNode root, String pointer, String wrong) throws Exception {
    JsonNode copy = root.deepCopy();
    String marker = "@@WRONG@@";
    int cut = pointer.lastIndexOf('/');
    JsonNode parent = copy.at(pointer.substring(0, cut));
    String last = pointer.substring(cut + 1).replace("~1", "/").replace("~0", "~");
    if (parent instanceof ObjectNode o) {
      o.set(last, NODES.textNode(marker));
    } else {
      ((ArrayNode) parent).set(Integer.parseInt(last), NODES.textNode(marker));
    }
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(copy).replace("\"" + marker + "\"", wrong);
  }

  /** One file through check, and through plan and exports when check passes it (or, for every 4th, fails it). */
  private void judge(Path f, String what, boolean exportErrors, Consumer<String> problem) {
    BadFilesCliTest.Run check = BadFilesCliTest.run("check", f.toString());
    if (!clean(check)) {
      problem.accept(what + ": check said " + check.all());
      return;
    }
    if (check.code() == PatchbayCli.UNREADABLE) {
      if (check.err().lines().count() != 1 || !check.err().startsWith("patchbay check: " + f + ":")) {
        problem.accept(what + ": refusal is not one line naming the file: " + check.err());
      }
    } else if (check.code() == PatchbayCli.OK) {
      for (List<String> command : List.of(List.of("plan", f.toString()),
          List.of("export", f.toString(), "--format", "qemu"),
          List.of("export", f.toString(), "--format", "ascii"),
          List.of("export", f.toString(), "--format", "script", "-o", dir.resolve(f.getFileName() + ".out").toString()))) {
        BadFilesCliTest.Run r = BadFilesCliTest.run(command.toArray(String[]::new));
        if (r.code() != PatchbayCli.OK || !clean(r)) {
          problem.accept(what + ": check passed but " + command.get(0) + " " + command.subList(2, command.size())
              + " said " + r.code() + " " + r.all());
        }
      }
    } else if (check.code() == PatchbayCli.FINDINGS && exportErrors) {
      BadFilesCliTest.Run export = BadFilesCliTest.run("export", f.toString(), "--format", "script", "-o",
          dir.resolve(f.getFileName() + ".out").toString());
      if (export.code() != PatchbayCli.UNREADABLE || !export.err().startsWith("patchbay export: " + f + ": ")
          || !clean(export)) {
        problem.accept(what + ": a design with errors exported as " + export.code() + " " + export.all());
      }
    } else if (check.code() != PatchbayCli.FINDINGS) {
      problem.accept(what + ": check exited " + check.code());
    }
  }

  private static boolean clean(BadFilesCliTest.Run r) {
    return !BadFilesCliTest.JAVA.matcher(r.all()).find() && !BadFilesCliTest.RAW_CONTROL.matcher(r.all()).find();
  }
}
