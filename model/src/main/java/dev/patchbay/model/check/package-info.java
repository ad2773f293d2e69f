/**
 * The validator: a catalogue of {@link dev.patchbay.model.check.Rule}s (one class per family in
 * {@code rules}), each reporting {@link dev.patchbay.model.check.Diagnostic}s with a stable id, the
 * offending element ids, an explanation in the words of the classic QEMU notes and, where the repair is mechanical, a
 * {@link dev.patchbay.model.check.Fix} that is one undoable command. {@link
 * dev.patchbay.model.check.rules.StandardRules#validator()} runs them all; {@link
 * dev.patchbay.model.check.IncrementalValidator} keeps the findings of an edited topology current by
 * re-running only the rules an edit can affect.
 */
package dev.patchbay.model.check;
