package dev.patchbay.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Hidden {@code __docs DIR}: what the package installs beside the program, made from the commands
 * themselves so it never drifts from them: a man page (man/patchbay.1, every command's --help) and
 * bash completion (completion/patchbay, picocli's AutoComplete).
 */
@Command(name = "__docs", hidden = true)
public final class DocsCli implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "DIR")
  Path dir;

  @Override
  public Integer call() throws IOException {
    CommandLine root = new CommandLine(new PatchbayCli());
    Files.createDirectories(dir.resolve("man"));
    Files.createDirectories(dir.resolve("completion"));
    Files.writeString(dir.resolve("man").resolve("patchbay.1"), manPage(root), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("completion").resolve("patchbay"), AutoComplete.bash("patchbay", root),
        StandardCharsets.UTF_8);
    return PatchbayCli.OK;
  }

  /** patchbay(1): the top-level help, then each visible command's --help, in troff. */
  static String manPage(CommandLine root) {
    StringBuilder man = new StringBuilder();
    man.append(".TH PATCHBAY 1 \"").append(LocalDate.now()).append("\" \"Patchbay\" \"User Commands\"\n");
    man.append(".SH NAME\npatchbay \\- design, check, export and run QEMU lab networks\n");
    man.append(".SH SYNOPSIS\n.B patchbay\n[\\fIFILE.json\\fR | \\fICOMMAND\\fR ...]\n");
    man.append(".SH DESCRIPTION\nWithout a command, patchbay opens the designer (on FILE.json when given).\n"
        + "With a command it runs headless. Labs run in a private sandbox of network namespaces, as an\n"
        + "ordinary user in a user namespace of the user's own; this host needs root.\n");
    man.append(".SH COMMANDS\n");
    for (Map.Entry<String, CommandLine> e : root.getSubcommands().entrySet()) {
      if (e.getValue().getCommandSpec().usageMessage().hidden() || e.getKey().equals("help")) {
        continue;
      }
      man.append(".SS ").append(e.getKey()).append("\n.nf\n").append(escape(usage(e.getValue()))).append(".fi\n");
    }
    man.append(".SH EXIT STATUS\n0 done, 1 the design has errors, 2 unreadable input or no such lab,\n"
        + "3 an apply failed and was rolled back, 4 refused by the user, 5 the lab is busy.\n");
    man.append(".SH SEE ALSO\n.BR ip (8),\n.BR nft (8),\n.BR qemu-system-x86_64 (1)\n");
    return man.toString();
  }

  private static String usage(CommandLine command) {
    StringWriter out = new StringWriter();
    command.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
    command.usage(new PrintWriter(out));
    return out.toString();
  }

  /** troff reads a leading '.' or '\'' as a request and '\' as an escape. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      String l = line.replace("\\", "\\e");
      out.append(l.startsWith(".") || l.startsWith("'") ? "\\&" + l : l).append('\n');
    }
    return out.toString();
  }
}
