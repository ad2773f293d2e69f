package dev.patchbay.app.designer.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.app.designer.console.ConsolesView;
import dev.patchbay.backends.lab.AgentClient;
import dev.patchbay.backends.lab.AgentServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The console window's terminal tab, against a scripted lab service behind a real agent protocol
 * (AgentClient to AgentServer over pipes): keys typed reach the guest as the bytes a VT100 sends,
 * the guest's output shows, and the tab's status says it is connected.
 */
@ExtendWith(ApplicationExtension.class)
class ConsoleTabUiTest {
  private static final long WAIT = 30;
  private final ScriptedService scripted = new ScriptedService();
  private AgentClient agent;
  private ConsolesView consoles;

  /** The agent served on a thread of this JVM, through pipes as the designer reaches the real one. */
  private static AgentClient.Transport pipe(ScriptedService service) throws IOException {
    PipedOutputStream requests = new PipedOutputStream();
    PipedInputStream agentIn = new PipedInputStream(requests, 1 << 16);
    PipedInputStream answers = new PipedInputStream(1 << 20);
    PipedOutputStream agentOut = new PipedOutputStream(answers);
    Writer toAgent = new OutputStreamWriter(requests, StandardCharsets.UTF_8);
    BufferedReader fromAgent = new BufferedReader(new InputStreamReader(answers, StandardCharsets.UTF_8));
    Thread server = new Thread(() -> {
      try (PrintWriter out = new PrintWriter(new OutputStreamWriter(agentOut, StandardCharsets.UTF_8))) {
        new AgentServer(service).serve(new BufferedReader(new InputStreamReader(agentIn, StandardCharsets.UTF_8)), out);
      } catch (IOException e) {
        // the test closed the pipe
      }
    }, "scripted-agent");
    server.setDaemon(true);
    server.start();
    return new AgentClient.Transport() {
      @Override
      public String readLine() throws IOException {
        return fromAgent.readLine();
      }

      @Override
      public void writeLine(String line) throws IOException {
        toAgent.write(line + "\n");
        toAgent.flush();
      }

      @Override
      public String whyEnded() {
        return "the test's agent ended";
      }

      @Override
      public void close() {
        try {
          toAgent.close();
        } catch (IOException e) {
          // closed already
        }
      }
    };
  }

  @Start
  void start(Stage stage) throws Exception {
    Platform.setImplicitExit(false);
    agent = AgentClient.connect(pipe(scripted));
    // The designer shows these tabs in a window of their own (ConsoleWindow); here in the test's stage.
    consoles = new ConsolesView((guest, listener) -> agent.openConsole("lab1", guest, listener),
        java.util.concurrent.Executors.newSingleThreadExecutor(), Platform::runLater);
    stage.setScene(new javafx.scene.Scene(consoles, 800, 500));
    stage.show();
  }

  @AfterEach
  void closeAgent() {
    agent.close();
  }

  private TextArea terminal(FxRobot robot) {
    return robot.lookup("#consoleTerminal").queryAs(TextArea.class);
  }

  @Test
  void typingIntoTheTabSendsTheKeysBytesAndTheGuestsAnswerShows(FxRobot robot) throws Exception {
    robot.interact(() -> consoles.show("GUEST1"));
    WaitForAsyncUtils.waitFor(WAIT, TimeUnit.SECONDS, () -> terminal(robot).getText().contains("GUEST1 login:"));
    WaitForAsyncUtils.waitFor(WAIT, TimeUnit.SECONDS,
        () -> robot.lookup("#consoleStatus").queryAs(Label.class).getText().startsWith("Connected"));
    robot.clickOn("#consoleTerminal");
    robot.write("root");
    robot.type(KeyCode.ENTER);
    robot.press(KeyCode.CONTROL).type(KeyCode.C).release(KeyCode.CONTROL);
    robot.type(KeyCode.UP, KeyCode.BACK_SPACE);
    WaitForAsyncUtils.waitFor(WAIT, TimeUnit.SECONDS, () -> scripted.typedText().length() >= 10);
    assertEquals("root\r\u0003\u001b[A\u007f", scripted.typedText(), "each key once, as a VT100 sends it");
    assertEquals("", terminal(robot).getText().replace("\nGUEST1 login: ", ""),
        "the terminal does not echo: the guest does");
    scripted.consoleListener.output("root\r\n\u001b[1;34m~ #\u001b[0m ".getBytes(StandardCharsets.UTF_8));
    WaitForAsyncUtils.waitFor(WAIT, TimeUnit.SECONDS, () -> terminal(robot).getText().endsWith("root\n~ # "));
    assertTrue(scripted.calls.contains("console-open GUEST1"));
  }

  @Test
  void openingTheSameGuestAgainReusesItsTabAndClosingAllHangsUp(FxRobot robot) throws Exception {
    robot.interact(() -> consoles.show("GUEST1"));
    WaitForAsyncUtils.waitFor(WAIT, TimeUnit.SECONDS, () -> terminal(robot).getText().contains("login:"));
    robot.interact(() -> consoles.show("GUEST1"));
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(1, robot.lookup("#consoleTabs").queryAs(javafx.scene.control.TabPane.class).getTabs().size());
    assertEquals(1, scripted.count("console-open GUEST1"), "one console per guest");
    robot.interact(consoles::closeAll);
    WaitForAsyncUtils.waitFor(WAIT, TimeUnit.SECONDS, () -> scripted.calls.contains("console-close GUEST1"));
  }
}
