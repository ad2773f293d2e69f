package dev.patchbay.backends.apply;

import dev.patchbay.model.plan.Step;
import java.io.IOException;

/**
 * Starts and stops a lab's processes (StartGuest, StartVdeSwitch and their inverses). The applier
 * only builds the host's network; the guest launcher (a separate component) plugs in here, behind
 * {@link LabSwitches}, which starts the VDE switches itself.
 */
public interface GuestStarter {
  /** Starts what the step names; returns what happened, in words for the user. */
  String start(Step step) throws IOException;

  String stop(Step step) throws IOException;

  /**
   * The same starter for another design: the one a lab ran before an edit, so that a re-apply that
   * fails restarts the guests it stopped as they were, not as the edited design has them.
   */
  default GuestStarter forDesign(dev.patchbay.model.topology.Topology design) {
    return this;
  }

  /**
   * Removes what the starter keeps for a lab that is gone (a failed first up): the run folders of
   * its guests, which stopping a guest leaves for {@code patchbay guests} to read.
   */
  default java.util.List<String> forget() throws IOException {
    return java.util.List.of();
  }

  /** Until the guest launcher is wired in: the step is recorded, nothing is launched. */
  GuestStarter DEFERRED = new GuestStarter() {
    @Override
    public String start(Step step) {
      return "not started: guests are started by the guest launcher";
    }

    @Override
    public String stop(Step step) {
      return "not stopped: guests are stopped by the guest launcher";
    }
  };
}
