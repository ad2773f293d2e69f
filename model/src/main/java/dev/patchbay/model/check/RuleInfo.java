package dev.patchbay.model.check;

/**
 * One entry of the catalogue: a stable diagnostic id, how bad it is, and a short explanation that
 * {@code patchbay check --explain} prints and the designer shows next to a finding.
 */
public record RuleInfo(String id, Severity severity, String explain) {}
