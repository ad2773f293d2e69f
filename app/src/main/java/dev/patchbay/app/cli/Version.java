package dev.patchbay.app.cli;

import picocli.CommandLine;

/** The version printed by --version: the jar's, or "development" when run from classes. */
final class Version implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    // The package's launcher knows its version; the jar's manifest carries the build's.
    String v = System.getProperty("jpackage.app-version", PatchbayCli.class.getPackage().getImplementationVersion());
    return new String[] {"patchbay " + (v == null ? "development" : v)};
  }
}
