package dev.patchbay.app.designer.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.app.designer.live.LiveCountersViewModel;
import dev.patchbay.backends.apply.TargetSpec;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Lab > Tear Down asks first, naming the lab and what goes; Cancel (the default) keeps it running. */
@ExtendWith(ApplicationExtension.class)
class TearDownUiTest {
  private final ScriptedService agent = new ScriptedService();
  private LabViewModel vm;
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    vm = new LabViewModel(kind -> agent, Executors.newSingleThreadScheduledExecutor(), Platform::runLater,
        new LiveCountersViewModel());
    stage.setScene(new Scene(new VBox(), 400, 200));
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

  private DialogPane ask(FxRobot robot) throws Exception {
    Platform.runLater(() -> TearDownDialog.confirmAndTearDown(stage, vm));
    waitUntil(() -> robot.lookup("#tearDownText").tryQuery().isPresent());
    return robot.lookup("#tearDownDialog").queryAs(DialogPane.class);
  }

  @Test
  void tearDownNamesTheLabAndWhatGoesAndCancelKeepsItUp(FxRobot robot) throws Exception {
    var design = LabApplyFlowTest.sample("nat-bridge.json");
    robot.interact(() -> vm.apply(design, "nat-bridge"));
    waitUntil(() -> vm.stateProperty().get() == LabViewModel.State.LIVE);
    DialogPane pane = ask(robot);
    assertEquals("Tear down lab nat-bridge?", pane.getHeaderText());
    String text = robot.lookup("#tearDownText").queryAs(TextArea.class).getText();
    assertTrue(text.contains("private sandbox"), text);
    assertTrue(text.contains("stops 2 guests: GUEST1, GUEST2"), text);
    assertTrue(text.contains("removes 2 taps: tap0, tap1"), text);
    assertTrue(text.contains("removes 1 bridge: br0"), text);
    Button cancel = (Button) pane.lookupButton(ButtonType.CANCEL);
    assertTrue(cancel.isDefaultButton(), "Enter keeps the lab");
    robot.clickOn(cancel);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(LabViewModel.State.LIVE, vm.stateProperty().get());
    assertEquals(0, agent.count("down"), "nothing was removed");

    DialogPane again = ask(robot);
    Button go = again.getButtonTypes().stream().filter(b -> b.getText().equals("Tear Down"))
        .map(b -> (Button) again.lookupButton(b)).findFirst().orElseThrow();
    robot.clickOn(go);
    waitUntil(() -> vm.stateProperty().get() == LabViewModel.State.DESIGN);
    assertEquals(1, agent.count("down"));
  }

  @Test
  void onThisHostTheQuestionSaysSoAndNamesWhatTheLabMovedOffTheUplink() throws Exception {
    var q = TearDownQuestion.of("lab1", TargetSpec.Kind.HOST, LabApplyFlowTest.sample("bridged-lan.json"));
    assertTrue(q.text().contains("THIS HOST"), q.text());
    assertTrue(q.text().contains("removes 1 bridge: br0"), q.text());
    assertTrue(q.text().contains("gives eth0 back the addresses"), q.text());
  }
}
