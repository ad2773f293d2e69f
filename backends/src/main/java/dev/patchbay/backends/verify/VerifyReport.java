package dev.patchbay.backends.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every cell predicted against observed, as a table or as {@code {"cells":[...]}}; {@code notApplied}
 * names the planned steps a design with errors could not have applied ({@code --allow-errors}), with
 * why: the packets ran in the lab without them.
 */
public record VerifyReport(String lab, List<Cell> cells, List<String> notApplied) {

  public VerifyReport {
    cells = List.copyOf(cells);
    notApplied = List.copyOf(notApplied);
  }

  public VerifyReport(String lab, List<Cell> cells) {
    this(lab, cells, List.of());
  }

  public VerifyReport withNotApplied(List<String> steps) {
    return new VerifyReport(lab, cells, steps);
  }

  public long disagreements() {
    return cells.stream().filter(Cell::disagrees).count();
  }

  public long untested() {
    return cells.stream().filter(c -> c.agrees() == null).count();
  }

  public boolean allAgree() {
    return disagreements() == 0;
  }

  public String json() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("lab", lab);
    root.put("cells", cells);
    root.put("notApplied", notApplied);
    root.put("disagreements", disagreements());
    root.put("untested", untested());
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One line per cell; a disagreement is marked "DIFFERS" so it stands out. */
  public String table() {
    int from = width(cells.stream().map(Cell::from).toList(), 4);
    int to = width(cells.stream().map(Cell::to).toList(), 2);
    StringBuilder sb = new StringBuilder();
    if (!notApplied.isEmpty()) {
      sb.append("Not applied (the design has errors; the packets ran without these steps):").append(System.lineSeparator());
      notApplied.forEach(s -> sb.append("  ").append(s).append(System.lineSeparator()));
    }
    String fmt = "%-" + from + "s  %-" + to + "s  %-9s  %-8s  %-8s  %-7s  %s%n";
    sb.append(String.format(fmt, "from", "to", "predicted", "expected", "observed", "", "probe"));
    for (Cell c : cells) {
      String mark = c.agrees() == null ? "-" : c.agrees() ? "agrees" : "DIFFERS";
      sb.append(String.format(fmt, c.from(), c.to(), c.predicted(), c.expected(), c.observed(), mark, c.probe()));
      if (c.why() != null && !c.why().isEmpty()) {
        sb.append(String.format("%" + (from + to + 4) + "s(expected %s: %s)%n", "", c.expected(), c.why()));
      }
    }
    sb.append(String.format("%d cells: %d agree, %d differ, %d untested%n", cells.size(),
        cells.size() - disagreements() - untested(), disagreements(), untested()));
    return sb.toString();
  }

  private static int width(List<String> values, int min) {
    return Math.max(min, values.stream().mapToInt(String::length).max().orElse(0));
  }
}
