package dev.patchbay.backends.verify;

import dev.patchbay.model.reach.Reachability.Pair;
import dev.patchbay.model.reach.Reachability.Verdict;

/**
 * What the sandbox should show for a verdict. yes and no are what they say. An only-with holds in
 * the sandbox when its condition is one the sandbox provides, and is expected to fail otherwise:
 * <ul>
 *   <li>"only to hostfwd ports ...": the probe uses a forwarded port, so yes;
 *   <li>"... gateway ... forwards a port / those ports ...": the sandbox's LAN gateway routes the
 *       Internet namespace straight into the LAN subnet without NAT, which stands in for any port
 *       forward on it, so yes;
 *   <li>any other condition (a route the LAN gateway lacks, say), also when it comes together with a
 *       port forward ("routes ... via ... and ... forwards a port"): the sandbox does not provide it, so no.
 * </ul>
 */
public record Expectation(Verdict predicted, String condition, String expected, String why) {

  public static Expectation of(Pair p) {
    return switch (p.verdict()) {
      case YES -> new Expectation(Verdict.YES, p.condition(), "yes", "");
      case NO -> new Expectation(Verdict.NO, p.condition(), "no", "");
      case ONLY_WITH -> onlyWith(p.condition());
    };
  }

  static Expectation onlyWith(String condition) {
    String c = condition == null ? "" : condition;
    String rest = c.replaceFirst("^only to hostfwd ports [^,]*(, and )?", "");
    boolean needsRoute = rest.matches(".*routes \\S+ via .*");
    boolean forwardOnGateway = !needsRoute && rest.contains("gateway") && rest.matches(".*forwards (a port|those ports).*");
    if (rest.isEmpty()) {
      return new Expectation(Verdict.ONLY_WITH, c, "yes", "tested on a forwarded port");
    }
    if (forwardOnGateway) {
      return new Expectation(Verdict.ONLY_WITH, c, "yes",
          "the sandbox's LAN gateway routes the Internet into the LAN without NAT, which provides the port forward");
    }
    return new Expectation(Verdict.ONLY_WITH, c, "no", "the sandbox does not provide: " + rest);
  }
}
