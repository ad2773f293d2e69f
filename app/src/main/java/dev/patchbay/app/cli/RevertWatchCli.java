package dev.patchbay.app.cli;

import dev.patchbay.backends.apply.ConfirmWatch;
import dev.patchbay.model.net.LabName;
import dev.patchbay.backends.apply.Labs;
import dev.patchbay.backends.qemu.LabGuestStarter;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Hidden {@code __revert-watch LAB}: waits for {@code patchbay confirm LAB} until the journal's
 * deadline, else takes the lab down. {@code up} starts it as a separate process in its own session
 * (setsid), so it outlives the terminal or ssh connection that the change may have cut.
 */
@Command(name = "__revert-watch", hidden = true)
public final class RevertWatchCli implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "LAB")
  String lab;

  @Override
  public Integer call() throws IOException, InterruptedException {
    Labs labs = Labs.standard();
    // down (at the deadline) stops the lab's guests too: a sandbox's namespaces would not take QEMU along.
    ConfirmWatch.Outcome outcome = ConfirmWatch.await(labs.withGuests(LabGuestStarter.forDown(labs.root(),
        LabName.checked(lab))), LabName.checked(lab));
    spec.commandLine().getOut().println("lab " + lab + ": " + outcome.name().toLowerCase(java.util.Locale.ROOT));
    return PatchbayCli.OK;
  }

  /** Starts the watcher: the same Java, the same class path, the same state directory. */
  static void startDetached(String lab) throws IOException {
    List<String> command = new ArrayList<>();
    if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
      command.add("/usr/bin/setsid");
    }
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    String state = System.getProperty("patchbay.state");
    if (state != null) {
      command.add("-Dpatchbay.state=" + state);
    }
    command.addAll(List.of("dev.patchbay.app.Main", "__revert-watch", LabName.checked(lab)));
    Path log = Labs.standard().journal(lab).file().resolveSibling("revert-watch.log");
    if (Files.isSymbolicLink(log)) {
      throw new IOException(log + " is a symbolic link; Patchbay writes its own files only, never through a link");
    }
    ProcessBuilder watcher = new ProcessBuilder(command);
    // The class path goes in the environment, not the arguments: a long one (a build's, ~60 jars)
    // pushed the lab's name past the 4 KiB of /proc/PID/cmdline that ProcessHandle reads, and
    // nothing could tell which lab a watcher serves.
    watcher.environment().put("CLASSPATH", System.getProperty("java.class.path"));
    watcher.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
  }
}
