package dev.patchbay.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.patchbay.app.bundle.FileDiskImages;
import dev.patchbay.model.check.Diagnostic;
import dev.patchbay.model.check.Validator;
import dev.patchbay.model.check.rules.StandardRules;
import dev.patchbay.model.text.Printable;
import dev.patchbay.model.topology.Topology;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code patchbay check FILE [--json]}: exit 0 with no error, 1 with errors, 2 if unreadable. */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = {"Check a topology and explain what will not work and how to fix it.",
        "Exit status: 0 no errors (warnings allowed), 1 errors found, 2 file unreadable."})
public final class CheckCli implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "A Patchbay topology file (.json).")
  Path file;

  @Option(names = "--json", description = "Print {\"diagnostics\":[...]} instead of text.")
  boolean json;

  @Option(names = "--explain", paramLabel = "RULE", description = "Explain a rule (e.g. mac.duplicate) and exit.")
  String explain;

  @Option(names = "--rules", description = "List every rule with its severity and explanation, and exit.")
  boolean listRules;

  @Override
  public Integer call() throws JsonProcessingException {
    if (explain != null || listRules) {
      return RuleHelp.print(spec, explain);
    }
    if (file == null) {
      spec.commandLine().getErr().println("patchbay check: missing FILE");
      return PatchbayCli.UNREADABLE;
    }
    Topology t;
    try {
      t = Topologies.load(spec, file);
    } catch (Topologies.Unreadable e) {
      spec.commandLine().getErr().println("patchbay check: " + e.getMessage());
      return PatchbayCli.UNREADABLE;
    }
    List<Diagnostic> diagnostics = StandardRules.validator(FileDiskImages.beside(file)).check(t);
    if (json) {
      FindingsReport report = FindingsReport.of(diagnostics);
      Map<String, Object> doc = new java.util.LinkedHashMap<>();
      doc.put("diagnostics", report.shown());
      if (!report.omitted().isEmpty()) {
        doc.put("omitted", report.omitted());
      }
      spec.commandLine().getOut().println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(doc));
    } else {
      printText(t, diagnostics);
    }
    return Validator.hasErrors(diagnostics) ? PatchbayCli.FINDINGS : PatchbayCli.OK;
  }

  private void printText(Topology t, List<Diagnostic> diagnostics) {
    var out = spec.commandLine().getOut();
    if (diagnostics.isEmpty()) {
      out.println(file + ": no problems found in \"" + Printable.line(t.name()) + "\"");
      return;
    }
    FindingsReport report = FindingsReport.of(diagnostics);
    for (Diagnostic d : report.shown()) {
      // Messages quote names and values from the file: each stays on its own line.
      out.println(d.severity().word() + " [" + d.rule() + "] " + Printable.line(d.message()));
      if (d.explanation() != null && !d.explanation().equals(d.message())) {
        out.println("    why: " + Printable.line(d.explanation()));
      }
      if (d.fixHint() != null) {
        out.println("    fix: " + Printable.line(d.fixHint()));
      }
    }
    report.omittedLines().forEach(out::println);
    long errors = diagnostics.stream().filter(d -> d.severity().word().equals("error")).count();
    out.println(file + ": " + errors + " error(s), " + (diagnostics.size() - errors) + " other finding(s)");
  }
}
