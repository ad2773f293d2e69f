package dev.patchbay.model.plan;

import java.util.Objects;

/** Whether a live host already has what a step would make, so a re-plan can leave the step out. */
final class Satisfaction {
  private Satisfaction() {}

  // Java 17 has no pattern matching in switch: an instanceof chain, one line per kind of step.
  static boolean satisfied(Step step, LiveState live) {
    if (step instanceof Step.CreateTap s) {
      return live.link(s.name()).filter(l -> "tun".equals(l.kind())).isPresent();
    } else if (step instanceof Step.CreateBridge s) {
      return live.link(s.name()).filter(l -> "bridge".equals(l.kind())).isPresent();
    } else if (step instanceof Step.Enslave s) {
      return live.link(s.device()).filter(l -> s.bridge().equals(l.master())).isPresent();
    } else if (step instanceof Step.SetUp s) {
      return live.link(s.device()).filter(LiveState.Link::up).isPresent();
    } else if (step instanceof Step.AddAddress s) {
      return live.hasAddress(s.device(), s.cidr());
    } else if (step instanceof Step.AddRoute s) {
      return live.hasRoute(s.destination(), s.via(), s.device());
    } else if (step instanceof Step.SetSysctl s) {
      return live.sysctl(s.key()).filter(v -> Objects.equals(v, s.to())).isPresent();
    } else if (step instanceof Step.LoadNat s) {
      return live.nftTables().contains("ip " + s.table());
    } else if (step instanceof Step.ClearUplinkAddresses s) {
      return !live.hasAnyAddress(s.uplink());
    } else if (step instanceof Step.StartVdeSwitch s) {
      return live.processes().contains(s.name());
    } else if (step instanceof Step.StartGuest s) {
      return live.processes().contains(s.guest());
    }
    // Reverse steps come only from Plan.reverse(), never from a diff.
    return false;
  }
}
