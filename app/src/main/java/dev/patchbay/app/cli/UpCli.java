package dev.patchbay.app.cli;

import dev.patchbay.backends.apply.Applier;
import dev.patchbay.backends.apply.TargetSpec;
import dev.patchbay.backends.lab.LabException;
import dev.patchbay.backends.lab.LabService;
import dev.patchbay.backends.lab.LocalLabService;
import dev.patchbay.model.plan.Plan;
import dev.patchbay.model.plan.PlanText;
import dev.patchbay.model.topology.Topology;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code patchbay up FILE}: builds the topology live, in a sandbox unless told otherwise. */
@Command(name = "up", mixinStandardHelpOptions = true,
    description = {"Build a topology live: in a private sandbox of network namespaces (the",
        "default), a named namespace (--netns) or this host (--target host). Prints the",
        "plan, applies it step by step (a failing step undoes the ones before it) and",
        "names the lab for patchbay down. Applying an applied lab changes nothing; an",
        "edited design applies only the difference (what it dropped is removed first).",
        "Exit status: 0 applied, 1 topology has errors, 2 unreadable, 3 apply failed",
        "and was rolled back, or refused before any step because something it needs is",
        "there and not the lab's, 4 refused by the user, 5 the lab is busy (another",
        "patchbay works on it). A guest whose disk image is missing refuses the",
        "build (exit 1) unless --probe-missing. A design with errors is refused (exit 1)",
        "unless --allow-errors: a fresh lab is then applied as far as it can be, each",
        "step that cannot be (refused, or failed and left out) named with why."})
public final class UpCli implements Callable<Integer> {
  static final int APPLY_FAILED = 3;
  static final int REFUSED = 4;

  @Spec
  CommandSpec spec;

  @Mixin
  DesignFile design;

  @Option(names = "--target", defaultValue = "sandbox", description = "sandbox (default) or host.")
  String target;

  @Option(names = "--netns", paramLabel = "NAME", description = "Apply inside this existing network namespace.")
  String netns;

  @Mixin
  LabOption lab;

  @Option(names = "--confirm", paramLabel = "SECONDS", defaultValue = "60",
      description = "Changes that can cut the host off revert unless confirmed within SECONDS (0: no countdown).")
  int confirmSeconds;

  @Option(names = "--yes", description = "Do not ask before changing the real host.")
  boolean yes;

  @Option(names = "--probe-missing",
      description = "Boot Patchbay's probe guest in place of a guest whose disk image is missing (else up refuses).")
  boolean probeMissing;

  @Option(names = "--allow-errors",
      description = "Apply a design with errors as far as it can be; the steps left out are named, with why.")
  boolean allowErrors;

  @Option(names = "--progress", description = "Print each step to stderr as it starts: [INDEX/TOTAL] STEP.")
  boolean progress;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    // Binding libc (jnr-ffi's start-up, a few hundred ms in a fresh JVM) overlaps reading and
    // checking the file: the plan needs the kernel right after.
    dev.patchbay.backends.netlink.Native.bindInBackground();
    Topology t;
    try {
      t = LaunchDisks.prepare("patchbay up", design.file, allowErrors ? Topologies.loadAllowingErrors(spec, design.file)
          : Topologies.loadBuildable(spec, design.file), probeMissing, out, err);
    } catch (Topologies.Refused r) {
      return r.code();
    }
    String name = lab.of(design.file);
    TargetSpec where = targetSpec();
    try (LocalLabService service = LabCommands.service()) {
      Plan plan = service.plan(name, t, where);
      out.println("Lab " + name + " in " + describe(where, name) + ": " + plan.steps().size() + " steps to apply");
      out.print(PlanText.render(plan));
      out.flush();
      if (where.kind() == TargetSpec.Kind.HOST && !yes && !plan.isEmpty() && !askYes(out)) {
        err.println("patchbay up: nothing changed");
        return REFUSED;
      }
      return apply(service,
          new LabService.UpRequest(name, t, where, confirmSeconds, design.file.toAbsolutePath().toString(),
              allowErrors), out, err);
    } catch (LabException e) {
      err.println("patchbay up: " + e.getMessage());
      return LabCommands.exitCode(e);
    }
  }

  private int apply(LabService service, LabService.UpRequest request, PrintWriter out, PrintWriter err)
      throws LabException {
    LabService.UpListener listener = !progress ? LabService.UpListener.NONE : (index, total, step) -> {
      err.println("[" + (index + 1) + "/" + total + "] " + step);
      err.flush();
    };
    LabService.UpAnswer result = service.up(request, listener);
    for (Applier.Done d : result.done()) {
      out.println("  done  " + PlanText.describe(d.step()) + ("done".equals(d.outcome()) ? "" : " (" + d.outcome() + ")"));
    }
    for (String s : result.notApplied()) {
      out.println("  not applied  " + s);
    }
    out.println("Lab " + request.lab() + " is up in " + result.where() + "; take it down with: patchbay down "
        + request.lab());
    if (result.needsConfirmation()) {
      out.println("These changes can cut the host off its network. Keep them with: patchbay confirm " + request.lab()
          + " within " + request.confirmSeconds() + " s; otherwise everything is reverted.");
    }
    out.flush();
    return PatchbayCli.OK;
  }

  private TargetSpec targetSpec() {
    if (netns != null) {
      return TargetSpec.netns(netns);
    }
    return switch (target) {
      case "sandbox" -> TargetSpec.sandbox();
      case "host" -> TargetSpec.host();
      default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--target must be sandbox or host, not '" + target + "'");
    };
  }

  static String describe(TargetSpec where, String lab) {
    return switch (where.kind()) {
      case SANDBOX -> "a sandbox (namespaces pb-" + lab + "-host, -lan, -inet)";
      case NETNS -> "network namespace " + where.namespace();
      case HOST -> "THIS HOST";
    };
  }

  private static boolean askYes(PrintWriter out) throws IOException {
    out.print("Apply these steps to this host? [y/N] ");
    out.flush();
    String answer = new BufferedReader(new InputStreamReader(System.in)).readLine();
    return answer != null && (answer.equalsIgnoreCase("y") || answer.equalsIgnoreCase("yes"));
  }
}
