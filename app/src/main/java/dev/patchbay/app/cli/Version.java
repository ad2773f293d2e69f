package dev.patchbay.app.cli;

import picocli.CommandLine;

/** The version printed by --version: the jar's, or "development" when run from classes. */
final class Version implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = PatchbayCli.class.getPackage().getImplementationVersion();
    return new String[] {"patchbay " + (v == null ? "development" : v)};
  }
}
