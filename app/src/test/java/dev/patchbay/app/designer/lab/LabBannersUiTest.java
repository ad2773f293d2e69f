package dev.patchbay.app.designer.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.app.designer.live.LiveCountersViewModel;
import dev.patchbay.backends.apply.TargetSpec;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The progress bar and the confirm-or-revert banner as a person sees and clicks them (Monocle, scripted agent). */
@ExtendWith(ApplicationExtension.class)
class LabBannersUiTest {
  private final ScriptedService agent = new ScriptedService();
  private LabViewModel vm;

  @Start
  void start(Stage stage) {
    vm = new LabViewModel(kind -> agent, Executors.newSingleThreadScheduledExecutor(), Platform::runLater,
        new LiveCountersViewModel());
    stage.setScene(new Scene(new VBox(new ApplyProgressView(vm.progress()), new ConfirmBannerView(vm.confirmation())),
        900, 200));
    stage.show();
  }

  @AfterEach
  void close() {
    vm.close();
  }

  private static void waitUntil(BooleanSupplier condition) throws Exception {
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
    WaitForAsyncUtils.waitForFxEvents();
  }

  private static boolean shown(FxRobot robot, String id) {
    return robot.lookup(id).tryQuery().map(Node::isVisible).orElse(false);
  }

  @Test
  void theBarShowsTheRunningStepAndCancelRollsBackToDesign(FxRobot robot) throws Exception {
    agent.upSteps = 5;
    agent.upWaitsForCancel = true;
    assertFalse(shown(robot, "#applyProgress"), "no bar before Apply");
    var design = LabApplyFlowTest.sample("nat-bridge.json");
    robot.interact(() -> vm.apply(design, "lab1"));
    waitUntil(() -> robot.lookup("#applyStep").queryAs(Label.class).getText().startsWith("Step 1 of 5"));
    assertTrue(shown(robot, "#applyProgress"));
    assertEquals(0.0, robot.lookup("#applyProgressBar").queryAs(ProgressBar.class).getProgress(), 1e-9);
    robot.clickOn("#applyCancel");
    waitUntil(() -> vm.stateProperty().get() == LabViewModel.State.DESIGN);
    assertFalse(shown(robot, "#applyProgress"), "the bar goes once the lab is rolled back");
    assertEquals(1, agent.cancels.get());
    assertTrue(vm.statusProperty().get().startsWith("Apply cancelled"), vm.statusProperty().get());
  }

  private void applyWithCountdown(FxRobot robot) throws Exception {
    agent.confirmBy = System.currentTimeMillis() + 60_000;
    var design = LabApplyFlowTest.sample("bridged-lan.json");
    robot.interact(() -> vm.apply(design, "lab1", TargetSpec.host(), 60));
    waitUntil(() -> shown(robot, "#confirmBanner"));
  }

  @Test
  void theBannerShowsTheSecondsLeftAndKeepChangesConfirms(FxRobot robot) throws Exception {
    applyWithCountdown(robot);
    String seconds = robot.lookup("#confirmSeconds").queryAs(Label.class).getText();
    assertTrue(seconds.matches("(59|60) s"), seconds);
    assertTrue(robot.lookup("#confirmText").queryAs(Label.class).getText().contains("Keep the changes"));
    robot.clickOn("#confirmKeep");
    waitUntil(() -> !shown(robot, "#confirmBanner"));
    assertEquals(1, agent.count("confirm"));
    assertEquals(LabViewModel.State.LIVE, vm.stateProperty().get());
  }

  @Test
  void revertNowTakesTheLabDownAndTheBannerGoes(FxRobot robot) throws Exception {
    applyWithCountdown(robot);
    robot.clickOn("#confirmRevert");
    waitUntil(() -> vm.stateProperty().get() == LabViewModel.State.DESIGN);
    assertFalse(shown(robot, "#confirmBanner"));
    assertEquals(1, agent.count("down"));
  }
}
