package dev.patchbay.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeout;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, hole 7: broken and hostile files through the command line (check, export, plan), in
 * this JVM. Each refusal names the file, gives line:column where the fault has a place, says what
 * is wrong in the file's terms (no Java class, no exception name), prints nothing raw that could
 * drive a terminal, and stays small however large the file; and what export or plan would refuse,
 * check refuses first.
 */
class BadFilesCliTest {
  /** Java's and Jackson's names, which no message may carry. */
  static final Pattern JAVA = Pattern.compile("\\b(java|javax|com\\.fasterxml|dev\\.patchbay|picocli)\\."
      + "|Exception|Error\\b|\\[Source|JsonToken|Input length|`(int|long|double|float|boolean|short|byte)`");
  /** A control character other than the line feed that ends a line. */
  static final Pattern RAW_CONTROL = Pattern.compile("[\\x00-\\x09\\x0b-\\x1f\\x7f\\u0080-\\u009f\\u202a-\\u202e]");

  @TempDir
  Path dir;

  record Run(int code, String out, String err) {
    String all() {
      return out + err;
    }
  }

  static Run run(String... args) {
    Capped out = new Capped();
    Capped err = new Capped();
    int code = PatchbayCli.run(new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true), args);
    return new Run(code, out.toString(), err.toString());
  }

  /** Output kept up to 1 MB, counted beyond: a runaway report fails the test instead of filling the heap. */
  static final class Capped extends Writer {
    final StringBuilder kept = new StringBuilder();
    long written;

    @Override
    public void write(char[] buf, int off, int len) {
      written += len;
      if (kept.length() < 1_000_000) {
        kept.append(buf, off, Math.min(len, 1_000_000 - kept.length()));
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    @Override
    public String toString() {
      assertTrue(written < 1_000_000, "more than 1 MB of output: " + written + " characters");
      return kept.toString();
    }
  }

  private Path file(String name, String text) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, text, StandardCharsets.UTF_8);
    return f;
  }

  private static String header() {
    return "{\"format\": \"patchbay-topology\", \"version\": 1, ";
  }

  /** One clear line on stderr: the command, the file, line:column when asked, no Java, nothing raw. */
  private static void assertRefusal(Run r, String command, Path file, boolean located, String words) {
    assertEquals(PatchbayCli.UNREADABLE, r.code(), r.all());
    assertEquals(1, r.err().lines().count(), "one line: " + r.err());
    String prefix = "patchbay " + command + ": " + file + (located ? ":" : "");
    assertTrue(r.err().startsWith(prefix), r.err());
    if (located) {
      assertTrue(r.err().substring(prefix.length()).matches("(?s)\\d+:\\d+: .*"), "line:column: " + r.err());
    }
    assertTrue(r.err().contains(words), r.err());
    assertClean(r);
  }

  static void assertClean(Run r) {
    assertFalse(JAVA.matcher(r.all()).find(), () -> "Java in a message: " + r.all());
    assertFalse(RAW_CONTROL.matcher(r.all()).find(), () -> "a raw control character: " + r.all());
  }

  /** Every command that reads a design refuses the file the same way. */
  private void assertEveryCommandRefuses(Path f, boolean located, String words) {
    assertRefusal(run("check", f.toString()), "check", f, located, words);
    assertRefusal(run("export", f.toString(), "--format", "ascii"), "export", f, located, words);
    assertRefusal(run("plan", f.toString()), "plan", f, located, words);
  }

  @Test
  void tenThousandNestedBracketsAreTooDeep() throws Exception {
    Path f = file("deep.json", header() + "\"name\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}");
    assertEveryCommandRefuses(f, true, "nested more than 32 deep");
  }

  @Test
  void aThousandDigitNumberIsTooLong() throws Exception {
    Path f = file("digits.json", header() + "\"elements\": [{\"kind\": \"hub\", \"id\": \"h\", \"name\": \"h\","
        + " \"hubId\": " + "9".repeat(1000) + "}]}");
    assertEveryCommandRefuses(f, true, "a number is longer than 40 characters");
  }

  @Test
  void aTwentyMegabyteTextIsTooLong() throws Exception {
    Path f = file("string.json", header() + "\"name\": \"" + "x".repeat(20 * 1024 * 1024) + "\"}");
    assertEveryCommandRefuses(f, true, "a text is longer than 100,000 characters");
  }

  @Test
  void aLoneSurrogateInANameIsNoCharacter() throws Exception {
    Path f = file("surrogate.json", header() + "\"elements\": [{\"kind\": \"hub\", \"id\": \"h\", \"name\":"
        + " \"a\\ud800b\", \"hubId\": 0}]}");
    assertEveryCommandRefuses(f, true, "\\ud800, half of a UTF-16 pair");
  }

  @Test
  void bytesThatAreNotUtf8AreLocated() throws Exception {
    Path f = dir.resolve("latin1.json");
    Files.write(f, (header() + "\n\"name\": \"caf\u00e9\"}").getBytes(StandardCharsets.ISO_8859_1));
    assertRefusal(run("check", f.toString()), "check", f, true, "0xe9 is not UTF-8");
    assertTrue(run("check", f.toString()).err().contains("latin1.json:2:"), "the second line");
  }

  @Test
  void aNewlineOrEscInAnIdIsEscapedOnOneLine() throws Exception {
    Path f = file("id.json", header() + "\"elements\": [{\"kind\": \"hub\", \"id\": \"a\\nb\\u001b[31mred\","
        + " \"name\": \"h\", \"hubId\": 0}]}");
    assertEveryCommandRefuses(f, true, "the id \"a\\nb\\e[31mred\"");
  }

  @Test
  void aNewlineOrEscInANameCannotForgeALineOfTheReport() throws Exception {
    String text = Files.readString(sample("hub-nics.json"))
        .replace("\"name\": \"guest\"", "\"name\": \"vm\\nerror [fake] all is well\\u001b]0;owned\\u0007\"");
    Path f = file("name.json", text);
    Run r = run("check", f.toString());
    assertEquals(PatchbayCli.FINDINGS, r.code(), r.all());
    assertTrue(r.out().contains("error [qemu.name]"), r.out());
    assertTrue(r.out().lines().noneMatch(l -> l.startsWith("error [fake]")), r.out());
    assertTrue(r.out().contains("vm\\nerror [fake] all is well\\e]0;owned\\u0007"), r.out());
    assertClean(r);
  }

  @Test
  void anEmptyPathSaysSoInsteadOfIsADirectory() {
    for (String command : List.of("check", "plan")) {
      Run r = run(command, "");
      assertEquals(PatchbayCli.UNREADABLE, r.code(), r.all());
      assertTrue(r.err().contains("the path is empty") && !r.err().contains("Is a directory"), r.err());
      assertClean(r);
    }
    Run folder = run("check", dir.toString());
    assertTrue(folder.err().contains(dir + ": this is a folder"), folder.err());
  }

  /** Half-written host settings: check refuses them, and export names the file when it does too. */
  @Test
  void halfWrittenHostSettingsAreRefusedByCheckFirst() throws Exception {
    ObjectNode nat = load("nat-routing.json");
    ((com.fasterxml.jackson.databind.node.ArrayNode) nat.withObject("host").withArray("nat")).addObject().put("out", "eth0");
    assertCheckFirst(write("nat.json", nat), "nat.incomplete");
    ObjectNode route = load("wifi-proxy-arp.json");
    ((com.fasterxml.jackson.databind.node.ArrayNode) route.withObject("host").withArray("routes")).addObject();
    assertCheckFirst(write("route.json", route), "route.incomplete");
    ObjectNode uplink = load("nat-routing.json");
    for (JsonNode e : uplink.withArray("elements")) {
      if (e.path("id").asText().equals("eth0")) {
        ((ObjectNode) e).put("name", "a'b\"c");
      }
    }
    assertCheckFirst(write("uplink.json", uplink), "ifname.unsafe");
  }

  private void assertCheckFirst(Path f, String rule) {
    Run check = run("check", f.toString());
    assertEquals(PatchbayCli.FINDINGS, check.code(), check.all());
    assertTrue(check.out().contains("error [" + rule + "]"), check.out());
    assertClean(check);
    Run export = run("export", f.toString(), "--format", "script", "-o", dir.resolve("s").toString());
    assertEquals(PatchbayCli.UNREADABLE, export.code(), export.all());
    assertTrue(export.err().startsWith("patchbay export: " + f + ": "), export.err());
    assertClean(export);
    Run plan = run("plan", f.toString());
    assertEquals(PatchbayCli.FINDINGS, plan.code(), plan.all());
    assertClean(plan);
  }

  /** The file: 50 MB, 571,507 taps on their own /24s (check took 5.3 GB and printed 1.3 GB). */
  @Test
  void halfAMillionTapsAreRefusedQuicklyInLittleMemory() throws Exception {
    Path big = taps("taps50.json", 571_507, true);
    assertTrue(Files.size(big) > 50_000_000, "as large as the issue's file: " + Files.size(big));
    Path compact = taps("taps-compact.json", 571_507, false);
    assertTrue(Files.size(compact) < 32 * 1024 * 1024, "small enough to be read: " + Files.size(compact));
    long peak = peakHeapDuring(() -> assertTimeout(Duration.ofSeconds(30), () -> {
      assertRefusal(run("check", big.toString()), "check", big, false, "larger than 33,554,432 bytes");
      assertRefusal(run("export", big.toString(), "--format", "ascii"), "export", big, false, "larger than");
      assertRefusal(run("check", compact.toString()), "check", compact, true, "more than 10,000 elements");
      assertRefusal(run("export", compact.toString(), "--format", "ascii"), "export", compact, true, "more than 10,000");
    }));
    assertTrue(peak < 400L << 20, "peak heap while refusing: " + (peak >> 20) + " MB");
  }

  /** At the limit, 10,000 taps on one subnet: every finding kind is bounded, the report too. */
  @Test
  void tenThousandTapsOnOneSubnetGiveABoundedReport() throws Exception {
    StringBuilder sb = new StringBuilder(header()).append("\"elements\": [");
    for (int i = 0; i < 10_000; i++) {
      sb.append(i == 0 ? "" : ",").append("{\"kind\": \"tap\", \"id\": \"t").append(i).append("\", \"name\": \"tap")
          .append(i).append("\", \"address\": \"10.0.").append(i / 250).append('.').append(i % 250 + 1).append("/16\"}");
    }
    Path f = file("one-subnet.json", sb.append("]}").toString());
    Run r = assertTimeout(Duration.ofSeconds(60), () -> run("check", f.toString()));
    assertEquals(PatchbayCli.FINDINGS, r.code(), r.err());
    assertTrue(r.out().length() < 200_000, "report of " + r.out().length() + " characters");
    assertTrue(r.out().contains("... 9,979 more subnet.overlap findings not shown"), r.out());
    assertTrue(r.out().contains("... 9,980 more tap.unheld findings not shown"), r.out());
    assertTrue(r.out().endsWith(f + ": 9999 error(s), 10000 other finding(s)\n"), r.out());
    JsonNode json = new ObjectMapper().readTree(run("check", f.toString(), "--json").out());
    assertEquals(2 * FindingsReport.PER_RULE, json.get("diagnostics").size());
    assertEquals(9980, json.get("omitted").get("tap.unheld").asInt());
  }

  private Path taps(String name, int n, boolean withAddresses) throws IOException {
    Path f = dir.resolve(name);
    try (Writer w = Files.newBufferedWriter(f)) {
      w.write("{\n  \"format\": \"patchbay-topology\",\n  \"version\": 1,\n  \"name\": \"taps\",\n  \"elements\": [\n");
      for (int i = 0; i < n; i++) {
        w.write(withAddresses
            ? (i == 0 ? "" : ",\n") + "    {\"kind\": \"tap\", \"id\": \"t" + i + "\", \"name\": \"tap" + i
                + "\", \"address\": \"10." + ((i >> 8) & 255) + "." + (i & 255) + ".1/24\"}"
            : (i == 0 ? "" : ",") + "{\"kind\":\"tap\",\"id\":\"t" + i + "\",\"name\":\"t" + i + "\"}");
      }
      w.write("\n  ]\n}\n");
    }
    return f;
  }

  /** The highest heap use while the action runs, summed over the heap's pools (an upper bound). */
  private static long peakHeapDuring(Runnable action) {
    System.gc();
    List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP).toList();
    long before = pools.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
    pools.forEach(MemoryPoolMXBean::resetPeakUsage);
    action.run();
    return pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() - before;
  }

  static Path sample(String name) {
    return CliTest.samples().resolve(name);
  }

  private static ObjectNode load(String sample) throws IOException {
    return (ObjectNode) new ObjectMapper().readTree(Files.readString(sample(sample)));
  }

  private Path write(String name, JsonNode tree) throws IOException {
    return file(name, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(tree));
  }
}
