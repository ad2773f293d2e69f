package dev.patchbay.app.cli;

import dev.patchbay.app.export.ExportFormat;
import dev.patchbay.app.export.ExportOptions;
import dev.patchbay.model.diagram.DiagramStyle;
import dev.patchbay.model.topology.Topology;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code patchbay export FILE --format F [--width N] [--charset C] [--style S] [-o OUT]}. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = {"Export a topology as a diagram, QEMU command lines or scripts.",
        "Exit status: 0 written, 2 file unreadable or bad options."})
public final class ExportCli implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  DesignFile design;

  @Option(names = {"-f", "--format"}, required = true, paramLabel = "FORMAT",
      completionCandidates = FormatNames.class,
      description = "Output format, one of: ${COMPLETION-CANDIDATES}")
  String format;

  @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write here instead of to standard output.")
  Path output;

  @Option(names = "--width", paramLabel = "N", defaultValue = "100",
      description = "Widest line of a text diagram (default: ${DEFAULT-VALUE}).")
  int width;

  @Option(names = "--charset", paramLabel = "CHARSET",
      description = "For text diagrams: ascii (7-bit, the default) or unicode (box-drawing characters).")
  String charset;

  @Option(names = "--style", paramLabel = "STYLE", defaultValue = "compact",
      description = "For text diagrams: compact (the default; host interfaces as notches, hubs as bars, about the"
          + " size of a hand-drawn diagram; the full style when the design does not fit it) or full (every"
          + " interface in its own box).")
  String style;

  @Option(names = "--legacy", description = "QEMU command lines in the old -net nic,vlan=N form.")
  boolean legacy;

  @Option(names = "--lab", paramLabel = "NAME",
      description = "For scripts: the lab's name, which names its nft table (default: from the file name, as for up).")
  String lab;

  /** The format names, for --help. */
  static final class FormatNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return ExportFormats.all().stream().map(ExportFormat::name).iterator();
    }
  }

  @Override
  public Integer call() throws IOException {
    var err = spec.commandLine().getErr();
    Optional<ExportFormat> f = chosenFormat(err);
    if (f.isEmpty()) {
      return PatchbayCli.UNREADABLE;
    }
    Topology t;
    try {
      t = Topologies.load(spec, design.file);
    } catch (Topologies.Unreadable e) {
      err.println("patchbay export: " + e.getMessage());
      return PatchbayCli.UNREADABLE;
    }
    return export(f.get(), t, err);
  }

  /** The format the options ask for, or empty after one line on stderr saying what is wrong with them. */
  private Optional<ExportFormat> chosenFormat(java.io.PrintWriter err) {
    String chosen = format;
    if (charset != null) {
      if (!charset.equals("ascii") && !charset.equals("unicode")) {
        err.println("patchbay export: unknown charset '" + charset + "'; expected ascii or unicode");
        return Optional.empty();
      }
      if (!format.equals("ascii") && !format.equals("unicode")) {
        err.println("patchbay export: --charset applies to the ascii and unicode formats, not " + format);
        return Optional.empty();
      }
      chosen = charset;
    }
    Optional<ExportFormat> f = ExportFormats.named(chosen);
    if (f.isEmpty()) {
      err.println("patchbay export: unknown format '" + format + "'; expected one of " + ExportFormats.names());
    } else if (f.get().needsOutput() && output == null) {
      err.println("patchbay export: --format " + f.get().name() + " writes files: give "
          + (f.get() == ScriptExport.FORMAT ? "a folder with -o DIR" : "a file with -o FILE"));
      return Optional.empty();
    } else if (!style.equals("compact") && !style.equals("full")) {
      err.println("patchbay export: unknown style '" + style + "'; expected compact or full");
      return Optional.empty();
    } else if (width < 20) {
      err.println("patchbay export: --width " + width + " is too narrow; give at least 20");
      return Optional.empty();
    }
    return f;
  }

  /** Writes the export; a refusal names the output when it is about the output, else the design's file. */
  private int export(ExportFormat f, Topology t, java.io.PrintWriter err) {
    try {
      f.export(t, new ExportOptions(width, legacy, dev.patchbay.model.net.LabName.of(lab, design.file),
          DiagramStyle.parse(style)), output,
          spec.commandLine().getOut());
    } catch (dev.patchbay.app.export.OutputFiles.Refused e) {
      err.println("patchbay export: " + e.getMessage());
      return PatchbayCli.UNREADABLE;
    } catch (IllegalArgumentException e) {
      err.println("patchbay export: " + design.file + ": " + UserMessages.of(e));
      return PatchbayCli.UNREADABLE;
    } catch (IOException e) {
      err.println("patchbay export: cannot write " + (output == null ? "the output" : output) + ": "
          + UserMessages.of(e));
      return PatchbayCli.UNREADABLE;
    }
    return PatchbayCli.OK;
  }
}
