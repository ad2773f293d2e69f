package dev.patchbay.model.format;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Upgrades older file versions one step at a time. Version 1 is the first published format, so the
 * chain is empty today; a future version N adds the step from N-1 here and bumps
 * {@link TopologyFiles#VERSION}, and files of every older version keep opening.
 */
final class Migrations {
  /** The oldest version this build can read. */
  static final int OLDEST = 1;

  /** STEPS.get(i) upgrades a tree of version OLDEST+i to OLDEST+i+1. */
  private static final List<UnaryOperator<ObjectNode>> STEPS = List.of();

  private Migrations() {}

  static ObjectNode upgrade(ObjectNode root, int fromVersion) {
    ObjectNode tree = root;
    for (int v = fromVersion; v < TopologyFiles.VERSION; v++) {
      tree = STEPS.get(v - OLDEST).apply(tree);
      tree.put("version", v + 1);
    }
    return tree;
  }
}
