package dev.patchbay.app.cli;

import dev.patchbay.model.format.TopologyFileException;
import dev.patchbay.model.format.TopologyFiles;
import dev.patchbay.model.importer.FileImport;
import dev.patchbay.model.importer.ImportException;
import dev.patchbay.model.importer.Imported;
import dev.patchbay.model.importer.Importer;
import dev.patchbay.model.importer.Importers;
import dev.patchbay.model.importer.Skipped;
import dev.patchbay.model.topology.Guest;
import dev.patchbay.model.topology.Topology;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code patchbay import FILE... -o OUT.json [--from FORMAT]}: another tool's files as a topology,
 * and the sources that are no file ({@code import qemu} command lines, {@code import host}).
 */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = {"Make a topology file from another tool's files, the format found",
        "from their content (--from names it). Several files are one lab.",
        "What cannot be imported is listed, and left in the note",
        "'not-imported' that patchbay check reports. Also: 'import qemu'",
        "(command lines as arguments) and 'import host' (this machine).",
        "Exit status: 0 written, 2 a file unreadable or not recognised,",
        "an unknown --from, or OUT not writable."},
    subcommands = {ImportQemuCli.class, ImportHostCli.class})
public final class ImportCli implements Callable<Integer> {
  /** --from host: the host is read through netlink, never from a file. */
  static final String HOST = "host";

  @Spec
  CommandSpec spec;

  @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "The topology file to write (.json).")
  Path output;

  @Option(names = "--from", paramLabel = "FORMAT", completionCandidates = Formats.class,
      description = "The files' format: ${COMPLETION-CANDIDATES}.")
  String from;

  @Option(names = "--name", paramLabel = "NAME", description = "The topology's name (default: from the file).")
  String name;

  @Parameters(paramLabel = "FILE", arity = "0..*", description = "Files of one lab (a project, a topology, domain XML...).")
  List<Path> files;

  /** What --from takes: every importer's id, and host (which points at 'import host'). */
  static final class Formats implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return java.util.stream.Stream.concat(Importers.all().stream().map(Importer::id), java.util.stream.Stream.of(HOST))
          .iterator();
    }
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    if (files == null || files.isEmpty()) {
      throw new CommandLine.ParameterException(spec.commandLine(), "missing FILE; see patchbay import --help");
    }
    if (output == null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "missing -o OUT.json: where to write the topology");
    }
    if (HOST.equals(from)) {
      err.println("patchbay import: --from host reads this machine, not a file; run: patchbay import host -o "
          + output);
      return PatchbayCli.UNREADABLE;
    }
    if (files.stream().anyMatch(f -> sameFile(f, output))) {
      err.println("patchbay import: " + output + " is one of the files being imported; write the topology elsewhere");
      return PatchbayCli.UNREADABLE;
    }
    Imported imported;
    try {
      imported = FileImport.read(files, from);
    } catch (TopologyFileException | ImportException e) {
      err.println("patchbay import: " + e.getMessage());
      return PatchbayCli.UNREADABLE;
    }
    Topology t = imported.topology();
    if (name != null) {
      t.setMetadata(name, t.description(), t.seed());
    }
    TopologyFiles.save(t, output);
    report(spec.commandLine().getOut(), imported);
    return PatchbayCli.OK;
  }

  private static boolean sameFile(Path a, Path b) {
    try {
      return java.nio.file.Files.exists(b) && java.nio.file.Files.isSameFile(a, b);
    } catch (IOException e) {
      return false;
    }
  }

  /** What every import says once the topology is written. */
  static String wrote(Path output, Topology t) {
    return "wrote " + output + ": " + t.elementsOf(Guest.class).count() + " guest(s), "
        + t.elements().size() + " elements, " + t.links().size() + " links";
  }

  private void report(PrintWriter out, Imported imported) {
    Topology t = imported.topology();
    out.println(wrote(output, t));
    imported.warnings().forEach(w -> out.println("warning: " + w));
    for (Skipped s : imported.skipped()) {
      out.println("not imported: " + s.line());
    }
    if (!imported.skipped().isEmpty()) {
      out.println(imported.skipped().size() + " thing(s) not imported; they are listed in the note '"
          + Importers.NOTE_ID + "' and by patchbay check");
    }
    out.flush();
  }
}
