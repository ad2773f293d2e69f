package dev.patchbay.app.designer.properties;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;

/**
 * A list of one-line rules (host forwards, NAT rules, routes): type a line, Add, select, Remove.
 * The typed line is checked as it is typed; each Add or Remove commits the whole list as one edit.
 */
public final class RuleListEditor extends VBox {
  private final ListView<String> list = new ListView<>();
  private final TextField input = new TextField();
  private final Label problem = new Label();
  private final Function<String, Optional<String>> check;
  private final Function<List<String>, Optional<String>> commit;

  /**
   * @param check what is wrong with one typed line, if anything
   * @param commit stores the whole list; returns a problem if the model refused it
   */
  public RuleListEditor(String idPrefix, String prompt, Function<String, Optional<String>> check,
      Function<List<String>, Optional<String>> commit, ValidationSupport validation) {
    this.check = check;
    this.commit = commit;
    setSpacing(4);
    list.setId(idPrefix + "List");
    list.setPrefHeight(90);
    input.setId(idPrefix + "Input");
    input.setPromptText(prompt);
    problem.getStyleClass().add("field-problem");
    problem.setWrapText(true);
    Button add = new Button("Add");
    add.setId(idPrefix + "Add");
    Button remove = new Button("Remove");
    remove.setId(idPrefix + "Remove");
    remove.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
    add.setOnAction(e -> add());
    input.setOnAction(e -> add());
    remove.setOnAction(e -> remove());
    validation.registerValidator(input, false, (c, v) -> ValidationResult.fromErrorIf(c,
        check.apply((String) v).orElse(""), v != null && !((String) v).isBlank() && check.apply((String) v).isPresent()));
    HBox.setHgrow(input, Priority.ALWAYS);
    getChildren().addAll(list, new HBox(4, input, add, remove), problem);
  }

  public void setLines(List<String> lines) {
    if (!list.getItems().equals(lines)) {
      list.getItems().setAll(lines);
    }
  }

  private void add() {
    String line = input.getText() == null ? "" : input.getText().trim();
    Optional<String> bad = check.apply(line);
    if (line.isEmpty() || bad.isPresent()) {
      problem.setText(bad.orElse(""));
      return;
    }
    List<String> lines = new ArrayList<>(list.getItems());
    lines.add(line);
    store(lines);
    input.clear();
  }

  private void remove() {
    List<String> lines = new ArrayList<>(list.getItems());
    lines.remove(list.getSelectionModel().getSelectedIndex());
    store(lines);
  }

  private void store(List<String> lines) {
    Optional<String> refused = commit.apply(lines);
    problem.setText(refused.orElse(""));
    if (refused.isEmpty()) {
      setLines(lines);
    }
  }
}
