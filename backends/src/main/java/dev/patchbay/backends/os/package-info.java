/**
 * What Patchbay takes from the operating system with care, because a privileged Patchbay (the agent,
 * {@code sudo patchbay up}) must not be steered by anyone else: programs found by absolute path in
 * the system's own folders, never through PATH or the working directory ({@link
 * dev.patchbay.backends.os.Programs}); files opened without following links and checked for their
 * owner ({@link dev.patchbay.backends.os.SafeFiles}); state kept only in folders no other user can
 * change ({@link dev.patchbay.backends.os.TrustedFolder}). Depends on nothing else of Patchbay.
 */
package dev.patchbay.backends.os;
