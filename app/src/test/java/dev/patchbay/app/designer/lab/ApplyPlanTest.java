package dev.patchbay.app.designer.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.backends.apply.TargetSpec;
import org.junit.jupiter.api.Test;

/** What the Apply dialog says for each target, before anything changes. */
class ApplyPlanTest {
  @Test
  void aSandboxGetsThePlanAndNoWarningNorCountdown() throws Exception {
    ApplyPlan p = ApplyPlan.of(LabApplyFlowTest.sample("bridged-lan.json"), TargetSpec.sandbox(), "lab");
    assertNull(p.warning());
    assertEquals(0, p.confirmSeconds(), "a sandbox cannot cut this machine off");
    assertTrue(p.header().contains("private network namespaces"), p.header());
    assertTrue(p.planText().contains("create bridge br0"), p.planText());
  }

  @Test
  void theHostGetsAWarningAndACountdownWhenTheStepsCanCutItOff() throws Exception {
    ApplyPlan p = ApplyPlan.of(LabApplyFlowTest.sample("bridged-lan.json"), TargetSpec.host(), "lab");
    assertTrue(p.cutsOff(), "the bridged-LAN scenario bridges the uplink and moves its address");
    assertEquals(ApplyPlan.CONFIRM_SECONDS, p.confirmSeconds());
    assertTrue(p.warning().startsWith("This is not a sandbox") && p.warning().contains("Keep Changes within 60 s"),
        p.warning());
    assertTrue(p.header().contains("THIS HOST") && p.header().contains(p.steps() + " steps"), p.header());
  }

  @Test
  void theHostGetsAWarningButNoCountdownWhenNothingCanCutItOff() throws Exception {
    ApplyPlan p = ApplyPlan.of(LabApplyFlowTest.sample("nat-bridge.json"), TargetSpec.host(), "lab");
    assertTrue(p.warning().startsWith("This is not a sandbox"), p.warning());
    assertEquals(0, p.confirmSeconds(), p.warning());
    assertTrue(!p.warning().contains("Keep Changes"), p.warning());
  }
}
