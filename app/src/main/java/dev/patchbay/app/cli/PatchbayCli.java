package dev.patchbay.app.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: {@code patchbay COMMAND ...}. Each sub-command is its own class. */
@Command(
    name = "patchbay",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Design, check, export and run QEMU lab networks. Without a command, opens the designer.",
    subcommands = {
        CheckCli.class,
        ExportCli.class,
        ReachCli.class,
        PlanCli.class,
        UpCli.class, DownCli.class, ConfirmCli.class, LabsCli.class, RevertWatchCli.class, AgentCli.class,
        ImportCli.class, LayoutCli.class,
        PackCli.class, UnpackCli.class,
        StatsCli.class,
        VerifyCli.class, GuestsCli.class, LinkCli.class, ConsoleCli.class,
        DocsCli.class,
        CommandLine.HelpCommand.class,
    })
public final class PatchbayCli implements Runnable {
  /** Exit codes shared by every command. */
  public static final int OK = 0;
  public static final int FINDINGS = 1;
  public static final int UNREADABLE = 2;
  /** Another Patchbay works on the lab (up, down, confirm): nothing was changed. */
  public static final int BUSY = 5;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(new CommandLine(this), "missing command; see patchbay --help");
  }

  /** Runs the command line and returns the exit code; usage errors are one line on stderr. */
  public static int run(String... args) {
    if (Rootless.needed(args)) {
      // An unprivileged user's lab command runs inside the user's rootless sandbox.
      return Rootless.run(args, new PrintWriter(System.err, true));
    }
    // UTF-8 whatever the locale: the unicode diagram must not turn into '?' under LANG=C.
    return run(new PrintWriter(new java.io.OutputStreamWriter(System.out, java.nio.charset.StandardCharsets.UTF_8), true),
        new PrintWriter(System.err, true), args);
  }

  public static int run(PrintWriter out, PrintWriter err, String... args) {
    // One gate for every command's output: values from files cannot reach the terminal raw.
    PrintWriter safeOut = new PrintWriter(new TerminalWriter(out), true);
    PrintWriter safeErr = new PrintWriter(new TerminalWriter(err), true);
    CommandLine cl = new CommandLine(new PatchbayCli());
    cl.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
    // import --from qemu / --from host: a format's name may also be a subcommand's.
    cl.getSubcommands().get("import").setAllowSubcommandsAsOptionParameters(true);
    cl.setOut(safeOut);
    cl.setErr(safeErr);
    cl.setParameterExceptionHandler((ex, a) -> {
      safeErr.println("patchbay: " + ex.getMessage());
      return UNREADABLE;
    });
    cl.setExecutionExceptionHandler((ex, c, parsed) -> {
      safeErr.println("patchbay " + c.getCommandName() + ": " + UserMessages.of(ex));
      return UNREADABLE;
    });
    try {
      return cl.execute(args);
    } catch (OutOfMemoryError e) {
      safeErr.println("patchbay: out of memory; the design is too large for this Java heap (-Xmx)");
      return UNREADABLE;
    } finally {
      safeOut.flush();
      safeErr.flush();
    }
  }
}
