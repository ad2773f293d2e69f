package dev.patchbay.model.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** An ordered list of steps; applying them in order builds the topology on a host. */
public record Plan(List<Step> steps) {

  public Plan {
    steps = List.copyOf(steps);
  }

  public boolean isEmpty() {
    return steps.isEmpty();
  }

  /** The plan that undoes this one: every step's inverse, last step first. */
  public Plan reverse() {
    List<Step> out = new ArrayList<>();
    for (Step s : steps) {
      out.add(s.inverse());
    }
    Collections.reverse(out);
    return new Plan(out);
  }

  /** The same plan with each sysctl step's previous value filled in where {@code values} has it. */
  public Plan knowingSysctls(java.util.Map<String, String> values) {
    return new Plan(steps.stream().map(s -> s instanceof Step.SetSysctl set && set.from() == null
        && values.containsKey(set.key()) ? new Step.SetSysctl(set.key(), values.get(set.key()), set.to()) : s).toList());
  }

  /** The steps of one kind, in plan order. */
  public <T extends Step> List<T> stepsOf(Class<T> type) {
    return steps.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
