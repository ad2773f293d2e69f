package dev.patchbay.model.plan;

import dev.patchbay.model.qemu.Shell;
import java.util.stream.Collectors;

/** A plan in human form, like {@code terraform plan}: one line per step and a summary. */
public final class PlanText {
  private PlanText() {}

  public static String render(Plan plan) {
    if (plan.isEmpty()) {
      return "No changes. The host already matches the topology.\n";
    }
    StringBuilder sb = new StringBuilder();
    int add = 0;
    int change = 0;
    int destroy = 0;
    for (Step s : plan.steps()) {
      char sign = sign(s);
      sb.append("  ").append(sign).append(' ').append(describe(s));
      if (s.needsHostState()) {
        sb.append("  [reads the host first]");
      }
      sb.append('\n');
      add += sign == '+' ? 1 : 0;
      change += sign == '~' ? 1 : 0;
      destroy += sign == '-' ? 1 : 0;
    }
    sb.append('\n').append("Plan: ").append(add).append(" to add, ").append(change).append(" to change, ")
        .append(destroy).append(" to destroy.\n");
    return sb.toString();
  }

  /** + makes something, - removes something, ~ changes something that exists. */
  public static char sign(Step s) {
    if (s instanceof Step.CreateTap || s instanceof Step.CreateBridge || s instanceof Step.AddAddress
        || s instanceof Step.AddRoute || s instanceof Step.LoadNat || s instanceof Step.StartGuest
        || s instanceof Step.StartVdeSwitch) {
      return '+';
    }
    if (s instanceof Step.DeleteTap || s instanceof Step.DeleteBridge || s instanceof Step.RemoveAddress
        || s instanceof Step.RemoveRoute || s instanceof Step.DeleteNat || s instanceof Step.StopGuest
        || s instanceof Step.StopVdeSwitch) {
      return '-';
    }
    return '~';
  }

  /** One line saying what the step does, in the words of ip(8), sysctl and nft. */
  public static String describe(Step step) {
    if (step instanceof Step.CreateTap s) {
      return "create tap " + s.name() + (s.owner() == null ? "" : " (owner " + s.owner() + ")");
    } else if (step instanceof Step.DeleteTap s) {
      return "delete tap " + s.name();
    } else if (step instanceof Step.CreateBridge s) {
      return "create bridge " + s.name() + " (stp " + (s.stp() ? "on" : "off") + ")";
    } else if (step instanceof Step.DeleteBridge s) {
      return "delete bridge " + s.name();
    } else if (step instanceof Step.Enslave s) {
      return "enslave " + s.device() + " to bridge " + s.bridge();
    } else if (step instanceof Step.Release s) {
      return "release " + s.device() + " from bridge " + s.bridge();
    } else if (step instanceof Step.SetUp s) {
      return "set " + s.device() + " up";
    } else if (step instanceof Step.SetDown s) {
      return "set " + s.device() + " down";
    } else if (step instanceof Step.AddAddress s) {
      return "add address " + s.cidr() + " to " + s.device();
    } else if (step instanceof Step.RemoveAddress s) {
      return "remove address " + s.cidr() + " from " + s.device();
    } else if (step instanceof Step.AddRoute s) {
      return "add route " + route(s.destination(), s.via(), s.device());
    } else if (step instanceof Step.RemoveRoute s) {
      return "remove route " + route(s.destination(), s.via(), s.device());
    }
    return describeMore(step);
  }

  private static String describeMore(Step step) {
    if (step instanceof Step.SetSysctl s) {
      return "set " + s.key() + " " + (s.from() == null ? "(value on the host)" : s.from()) + " -> "
          + (s.to() == null ? "(value saved before)" : s.to());
    } else if (step instanceof Step.LoadNat s) {
      return "load nft table ip " + s.table() + ": " + s.rules().stream()
          .map(r -> "masquerade " + r.source() + " out of " + r.out()).collect(Collectors.joining(", "));
    } else if (step instanceof Step.DeleteNat s) {
      return "delete nft table ip " + s.table();
    } else if (step instanceof Step.ClearUplinkAddresses s) {
      return "move " + s.uplink() + "'s addresses and routes aside (remembered for the reverse)";
    } else if (step instanceof Step.RestoreUplinkAddresses s) {
      return "restore " + s.uplink() + "'s remembered addresses and routes";
    } else if (step instanceof Step.StartVdeSwitch s) {
      return "start vde_switch " + s.name() + ": " + Shell.join(Scripts.vdeSwitch(s));
    } else if (step instanceof Step.StopVdeSwitch s) {
      return "stop vde_switch " + s.name();
    } else if (step instanceof Step.StartGuest s) {
      return "start guest " + s.guest() + ": " + Shell.join(s.arguments());
    } else if (step instanceof Step.StopGuest s) {
      return "stop guest " + s.guest();
    }
    throw new IllegalStateException("no words for " + step);
  }

  static String route(String destination, String via, String device) {
    return destination + (via == null ? "" : " via " + via) + (device == null ? "" : " dev " + device);
  }
}
