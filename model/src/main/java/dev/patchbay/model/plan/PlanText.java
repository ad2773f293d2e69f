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
    return s.accept(SIGN);
  }

  /** One line saying what the step does, in the words of ip(8), sysctl and nft. */
  public static String describe(Step step) {
    return step.accept(WORDS);
  }

  private static final Step.Visitor<Character, RuntimeException> SIGN = new Step.Visitor<>() {
    public Character createTap(Step.CreateTap s) {
      return '+';
    }

    public Character deleteTap(Step.DeleteTap s) {
      return '-';
    }

    public Character createBridge(Step.CreateBridge s) {
      return '+';
    }

    public Character deleteBridge(Step.DeleteBridge s) {
      return '-';
    }

    public Character enslave(Step.Enslave s) {
      return '~';
    }

    public Character release(Step.Release s) {
      return '~';
    }

    public Character setUp(Step.SetUp s) {
      return '~';
    }

    public Character setDown(Step.SetDown s) {
      return '~';
    }

    public Character addAddress(Step.AddAddress s) {
      return '+';
    }

    public Character removeAddress(Step.RemoveAddress s) {
      return '-';
    }

    public Character addRoute(Step.AddRoute s) {
      return '+';
    }

    public Character removeRoute(Step.RemoveRoute s) {
      return '-';
    }

    public Character setSysctl(Step.SetSysctl s) {
      return '~';
    }

    public Character loadNat(Step.LoadNat s) {
      return '+';
    }

    public Character deleteNat(Step.DeleteNat s) {
      return '-';
    }

    public Character clearUplinkAddresses(Step.ClearUplinkAddresses s) {
      return '~';
    }

    public Character restoreUplinkAddresses(Step.RestoreUplinkAddresses s) {
      return '~';
    }

    public Character startVdeSwitch(Step.StartVdeSwitch s) {
      return '+';
    }

    public Character stopVdeSwitch(Step.StopVdeSwitch s) {
      return '-';
    }

    public Character startGuest(Step.StartGuest s) {
      return '+';
    }

    public Character stopGuest(Step.StopGuest s) {
      return '-';
    }
  };

  private static final Step.Visitor<String, RuntimeException> WORDS = new Step.Visitor<>() {
    public String createTap(Step.CreateTap s) {
      return "create tap " + s.name() + (s.owner() == null ? "" : " (owner " + s.owner() + ")");
    }

    public String deleteTap(Step.DeleteTap s) {
      return "delete tap " + s.name();
    }

    public String createBridge(Step.CreateBridge s) {
      return "create bridge " + s.name() + " (stp " + (s.stp() ? "on" : "off") + ")";
    }

    public String deleteBridge(Step.DeleteBridge s) {
      return "delete bridge " + s.name();
    }

    public String enslave(Step.Enslave s) {
      return "enslave " + s.device() + " to bridge " + s.bridge();
    }

    public String release(Step.Release s) {
      return "release " + s.device() + " from bridge " + s.bridge();
    }

    public String setUp(Step.SetUp s) {
      return "set " + s.device() + " up";
    }

    public String setDown(Step.SetDown s) {
      return "set " + s.device() + " down";
    }

    public String addAddress(Step.AddAddress s) {
      return "add address " + s.cidr() + " to " + s.device();
    }

    public String removeAddress(Step.RemoveAddress s) {
      return "remove address " + s.cidr() + " from " + s.device();
    }

    public String addRoute(Step.AddRoute s) {
      return "add route " + route(s.destination(), s.via(), s.device());
    }

    public String removeRoute(Step.RemoveRoute s) {
      return "remove route " + route(s.destination(), s.via(), s.device());
    }

    public String setSysctl(Step.SetSysctl s) {
      return "set " + s.key() + " " + (s.from() == null ? "(value on the host)" : s.from()) + " -> "
          + (s.to() == null ? "(value saved before)" : s.to());
    }

    public String loadNat(Step.LoadNat s) {
      return "load nft table ip " + s.table() + ": " + s.rules().stream()
          .map(r -> "masquerade " + r.source() + " out of " + r.out()).collect(Collectors.joining(", "));
    }

    public String deleteNat(Step.DeleteNat s) {
      return "delete nft table ip " + s.table();
    }

    public String clearUplinkAddresses(Step.ClearUplinkAddresses s) {
      return "move " + s.uplink() + "'s addresses and routes aside (remembered for the reverse)";
    }

    public String restoreUplinkAddresses(Step.RestoreUplinkAddresses s) {
      return "restore " + s.uplink() + "'s remembered addresses and routes";
    }

    public String startVdeSwitch(Step.StartVdeSwitch s) {
      return "start vde_switch " + s.name() + ": " + Shell.join(Scripts.vdeSwitch(s));
    }

    public String stopVdeSwitch(Step.StopVdeSwitch s) {
      return "stop vde_switch " + s.name();
    }

    public String startGuest(Step.StartGuest s) {
      return "start guest " + s.guest() + ": " + Shell.join(s.arguments());
    }

    public String stopGuest(Step.StopGuest s) {
      return "stop guest " + s.guest();
    }
  };

  static String route(String destination, String via, String device) {
    return destination + (via == null ? "" : " via " + via) + (device == null ? "" : " dev " + device);
  }
}
