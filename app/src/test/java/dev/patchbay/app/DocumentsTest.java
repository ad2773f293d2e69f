package dev.patchbay.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The README opens the door and stays short: what Patchbay is, the two commands, a tour and links;
 * the rest lives in documents beside the code. Every link between the documents leads somewhere.
 */
class DocumentsTest {
  /** The README's budget: past it, move the text into the document beside the code it describes. */
  static final int README_MAX_BYTES = 12 * 1024;

  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

  static Path root() {
    String samples = System.getProperty("patchbay.samples");
    return samples != null ? Path.of(samples).toAbsolutePath().getParent() : Path.of("..").toAbsolutePath();
  }

  static Stream<Path> documents() throws IOException {
    List<Path> docs = new ArrayList<>(List.of(root().resolve("README.md")));
    for (String module : List.of("app", "model", "backends")) {
      try (Stream<Path> files = Files.list(root().resolve(module))) {
        files.filter(f -> f.toString().endsWith(".md")).sorted().forEach(docs::add);
      }
    }
    return docs.stream();
  }

  @Test
  void theReadmeStaysWithinItsBudget() throws IOException {
    long size = Files.size(root().resolve("README.md"));
    assertTrue(size <= README_MAX_BYTES, "README.md is " + size + " bytes, more than " + README_MAX_BYTES);
  }

  @Test
  void theReadmeGivesTheCommandCiRuns() throws IOException {
    String readme = Files.readString(root().resolve("README.md"), StandardCharsets.UTF_8);
    String run = Files.readString(root().resolve(".ci/run"), StandardCharsets.UTF_8);
    String command = "sudo .ci/setup test && mvn -B verify -Pall";
    assertTrue(readme.contains(command), "the README's test command");
    assertTrue(run.contains(command.substring("sudo ".length())), ".ci/run runs the README's test command");
  }

  @ParameterizedTest
  @MethodSource("documents")
  void everyLinkLeadsToAFileAndHeadingThatExist(Path doc) throws IOException {
    List<String> broken = new ArrayList<>();
    Matcher m = LINK.matcher(Files.readString(doc, StandardCharsets.UTF_8));
    while (m.find()) {
      String target = m.group(1);
      if (target.matches("[a-z]+:.*")) {
        continue; // a web address: not ours to check here
      }
      int hash = target.indexOf('#');
      Path file = hash == 0 ? doc : doc.getParent().resolve(hash < 0 ? target : target.substring(0, hash)).normalize();
      if (!Files.exists(file)) {
        broken.add(target + " (no such file)");
      } else if (hash >= 0 && !anchors(file).contains(target.substring(hash + 1))) {
        broken.add(target + " (no such heading)");
      }
    }
    assertEquals(List.of(), broken, doc.toString());
  }

  /** GitHub's anchors: a heading in lower case, punctuation dropped, spaces as '-'. */
  private static List<String> anchors(Path markdown) throws IOException {
    return Files.readAllLines(markdown, StandardCharsets.UTF_8).stream()
        .filter(l -> l.startsWith("#"))
        .map(l -> l.replaceFirst("^#+\\s*", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-'))
        .toList();
  }
}
