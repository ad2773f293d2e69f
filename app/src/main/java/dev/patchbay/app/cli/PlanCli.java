package dev.patchbay.app.cli;

import dev.patchbay.model.net.LabName;
import dev.patchbay.backends.apply.Labs;
import dev.patchbay.backends.apply.TargetSpec;
import dev.patchbay.model.check.Severity;
import dev.patchbay.model.check.rules.StandardRules;
import dev.patchbay.model.plan.Plan;
import dev.patchbay.model.plan.PlanText;
import dev.patchbay.model.plan.Planner;
import dev.patchbay.model.plan.Step;
import dev.patchbay.model.topology.Topology;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code patchbay plan FILE}: the steps that build the topology on a host, like terraform plan. */
@Command(name = "plan", mixinStandardHelpOptions = true,
    description = {"Show the steps that build a topology on this host, in order, like",
        "terraform plan, without changing anything: + adds something, ~ changes",
        "something that exists, - removes something. Planned for a host that has",
        "none of the topology yet (its uplinks exist); sysctl values are read from",
        "this host's /proc/sys. When the lab is up (patchbay up), shows what",
        "re-applying the file would do there: what the design no longer has is",
        "removed, what it lacks is added.",
        "Exit status: 0 shown, 1 the topology has errors (see patchbay check),",
        "2 file unreadable."})
public final class PlanCli implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  DesignFile design;

  @Option(names = "--reverse", description = "Show the plan that takes the topology off the host instead.")
  boolean reverse;

  @Option(names = "--legacy", description = "Start guests with the old -net nic,vlan=N command lines.")
  boolean legacy;

  @Option(names = "--json", description = "Print {\"steps\":[{\"sign\",\"text\",\"readsHost\",\"step\"}...]} instead of text.")
  boolean json;

  @Option(names = "--lab", paramLabel = "NAME", description = "The lab's name (default: from the file name, as for up).")
  String lab;

  /** Where sysctls are read; a test points it at a fake tree. */
  @Option(names = "--proc-sys", hidden = true, defaultValue = "/proc/sys")
  Path procSys;

  @Override
  public Integer call() throws JsonProcessingException {
    Topology t;
    try {
      t = Topologies.load(spec, design.file);
    } catch (Topologies.Unreadable e) {
      spec.commandLine().getErr().println("patchbay plan: " + e.getMessage());
      return PatchbayCli.UNREADABLE;
    }
    long errors = StandardRules.validator().check(t).stream().filter(d -> d.severity() == Severity.ERROR).count();
    if (errors > 0) {
      // Like terraform, no plan for a broken configuration: the host would fail halfway through it.
      spec.commandLine().getErr().println("patchbay plan: " + design.file + " has " + errors
          + " error(s) and cannot be built; patchbay check " + design.file + " explains them");
      return PatchbayCli.FINDINGS;
    }
    String name = LabName.of(lab, design.file);
    var out = spec.commandLine().getOut();
    if (!reverse && !legacy && applied(t, name, out)) {
      return PatchbayCli.OK;
    }
    Plan plan;
    try {
      plan = (legacy ? Planner.legacy() : Planner.modern()).forLab(name).full(t);
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("patchbay plan: " + design.file + ": " + UserMessages.of(e));
      return PatchbayCli.UNREADABLE;
    }
    plan = plan.knowingSysctls(currentSysctls(plan));
    if (json) {
      out.println(json(reverse ? plan.reverse() : plan));
      out.flush();
      return PatchbayCli.OK;
    }
    out.println((reverse ? "Taking \"" : "Building \"") + t.name() + "\" " + (reverse ? "off" : "on")
        + " this host takes " + plan.steps().size() + " steps:");
    out.println();
    out.print(PlanText.render(reverse ? plan.reverse() : plan));
    out.flush();
    return PatchbayCli.OK;
  }

  /**
   * For a lab that is up: the diff against its target and journal (like terraform plan against its
   * state), printed; false when the lab is not up. Reading a namespace needs the rights `up` needed.
   */
  private boolean applied(Topology t, String name, java.io.PrintWriter out) throws JsonProcessingException {
    Optional<TargetSpec> where;
    Plan plan;
    try {
      Labs labs = Labs.standard();
      where = labs.appliedTo(name);
      if (where.isEmpty()) {
        return false;
      }
      plan = labs.planFor(t, name, where.get());
    } catch (IOException | RuntimeException e) {
      spec.commandLine().getErr().println("patchbay plan: lab " + name + " is up but its state cannot be read ("
          + e.getMessage() + "); showing the full plan");
      return false;
    }
    if (json) {
      out.println(json(plan));
    } else {
      out.println("Lab " + name + " is up in " + UpCli.describe(where.get(), name) + "; re-applying \"" + t.name()
          + "\" there takes " + plan.steps().size() + " steps:");
      out.println();
      out.print(PlanText.render(plan));
    }
    out.flush();
    return true;
  }

  /** Each step with its sign, its words and its fields ("kind" names the record: CreateTap, ...). */
  private static String json(Plan plan) throws JsonProcessingException {
    List<Map<String, Object>> steps = new ArrayList<>();
    for (Step s : plan.steps()) {
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("kind", s.getClass().getSimpleName());
      fields.putAll(MAPPER.convertValue(s, new TypeReference<Map<String, Object>>() {}));
      Map<String, Object> step = new LinkedHashMap<>();
      step.put("sign", String.valueOf(PlanText.sign(s)));
      step.put("text", PlanText.describe(s));
      step.put("readsHost", s.needsHostState());
      step.put("step", fields);
      steps.add(step);
    }
    return MAPPER.writeValueAsString(Map.of("steps", steps));
  }

  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Map<String, String> currentSysctls(Plan plan) {
    Map<String, String> values = new HashMap<>();
    for (Step.SetSysctl s : plan.stepsOf(Step.SetSysctl.class)) {
      Path p = procSys.resolve(Planner.procSysPath(s.key()));
      try {
        values.put(s.key(), Files.readString(p).trim());
      } catch (IOException e) {
        // An interface that does not exist yet (a tap) has no entry: its previous value stays unknown.
      }
    }
    return values;
  }
}
