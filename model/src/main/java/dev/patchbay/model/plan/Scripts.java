package dev.patchbay.model.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * A plan as two bash scripts: {@code up.sh} applies it, {@code down.sh} applies its reverse.
 *
 * <p>What the plan cannot know (a sysctl's value before, the uplink's addresses, the PIDs of the
 * processes started) up.sh saves in a state directory, {@code state/} next to the scripts unless
 * {@code PATCHBAY_STATE} names another; down.sh restores from there and removes it. So down.sh
 * after up.sh leaves the host as up.sh found it, even when ip_forward was already 1.
 *
 * <p>{@code PATCHBAY_DRY_RUN=1} makes both scripts print the QEMU and vde_switch command lines
 * instead of starting or stopping processes; every host step still runs.
 */
public final class Scripts {
  private Scripts() {}

  public static String up(Plan plan, String topologyName) {
    requireDistinctProcesses(plan);
    StringBuilder sb = new StringBuilder();
    header(sb, "up.sh", "Builds \"" + topologyName + "\" on this host; down.sh undoes it step by step.");
    sb.append("""
        if [[ -e "$state/applied" ]]; then
          echo "up.sh: $state/applied exists: this topology is up already; run down.sh first" >&2
          exit 1
        fi
        mkdir -p "$state"
        on_error() {
          if [[ -e "$state/applied" ]]; then
            echo "up.sh: failed at line $1; every host step ran, so down.sh undoes them" >&2
          else
            echo "up.sh: failed at line $1; undo by hand the steps above that line (down.sh expects a complete run)" >&2
          fi
        }
        trap 'on_error $LINENO' ERR

        """);
    sb.append(UP_HELPERS);
    for (Step s : plan.steps()) {
      step(sb, StepNotes.note(s), s);
    }
    sb.append("touch \"$state/applied\"\n");
    if (!plan.stepsOf(Step.StartGuest.class).isEmpty() || !plan.stepsOf(Step.StartVdeSwitch.class).isEmpty()) {
      sb.append("# A process that ends within a second of its start has failed (a tap in use, a port taken).\n");
      sb.append("check_started\n");
    }
    sb.append("echo \"up.sh: done; ").append(plan.steps().size()).append(" steps\"\n");
    return sb.toString();
  }

  public static String down(Plan plan, String topologyName) {
    requireDistinctProcesses(plan);
    StringBuilder sb = new StringBuilder();
    header(sb, "down.sh", "Takes \"" + topologyName + "\" off this host: up.sh's steps undone in reverse order.");
    sb.append("""
        if [[ ! -e "$state/applied" ]]; then
          echo "down.sh: $state/applied is missing: up.sh has not run to its end here" >&2
          exit 1
        fi

        """);
    sb.append(DOWN_HELPERS);
    for (Step s : plan.reverse().steps()) {
      step(sb, StepNotes.undo(s), s);
    }
    sb.append("rm -f \"$state/applied\"\nrmdir \"$state\"\necho \"down.sh: done; ")
        .append(plan.steps().size()).append(" steps undone\"\n");
    return sb.toString();
  }

  private static void header(StringBuilder sb, String script, String what) {
    sb.append("#!/usr/bin/env bash\n");
    sb.append("# ").append(script).append(" - written by Patchbay. ").append(comment(what)).append('\n');
    sb.append("""
        # Run as root. State (saved sysctl values, the uplink's addresses, PIDs) lives in
        # $PATCHBAY_STATE, by default the directory state/ next to this script.
        # PATCHBAY_DRY_RUN=1 prints the QEMU and vde_switch command lines instead of running them.
        set -euo pipefail
        here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
        state=${PATCHBAY_STATE:-$here/state}

        """);
  }

  private static void step(StringBuilder sb, List<String> note, Step s) {
    for (String line : note) {
      sb.append("# ").append(comment(line)).append('\n');
    }
    for (String line : ScriptCommands.lines(s)) {
      sb.append(line).append('\n');
    }
    sb.append('\n');
  }

  /** Text for a comment line: a newline in a name must not end the comment and start a command. */
  static String comment(String text) {
    return text.replaceAll("\\p{Cntrl}", " ");
  }

  /** The vde_switch command line, without -daemon so that the saved PID is the switch's own. */
  public static List<String> vdeSwitch(Step.StartVdeSwitch s) {
    List<String> words = new ArrayList<>(List.of("vde_switch"));
    if (s.hubMode()) {
      words.add("-hub");
    }
    if (s.tap() != null) {
      words.addAll(List.of("-tap", s.tap()));
    }
    words.addAll(List.of("-sock", s.socketPath()));
    return words;
  }

  /**
   * Every process a script starts keeps its PID and log in files named by its key: two processes
   * with one key would share them, and down.sh would stop one and leave the other running. The
   * validator reports such names (qemu.name-clash); a script is never written with them, whatever
   * the caller checked.
   */
  static void requireDistinctProcesses(Plan plan) {
    java.util.Map<String, String> seen = new java.util.HashMap<>();
    for (Step s : plan.steps()) {
      String name = s instanceof Step.StartGuest g ? g.guest() : s instanceof Step.StartVdeSwitch v ? v.name() : null;
      String before = name == null ? null : seen.putIfAbsent(processKey(name), name);
      if (before != null) {
        throw new IllegalArgumentException("two processes, " + dev.patchbay.model.text.Printable.quoted(before)
            + " and " + dev.patchbay.model.text.Printable.quoted(name) + ", would share the pid file pid."
            + processKey(name) + " and down.sh would leave one running: rename one (patchbay check reports"
            + " qemu.name-clash)");
      }
    }
  }

  /** The name a process's PID file carries: the element's name with anything odd replaced. */
  public static String processKey(String name) {
    return dev.patchbay.model.qemu.QemuValues.processKey(name);
  }

  private static final String UP_HELPERS = """
      # save_sysctl KEY: remember a kernel setting's current value for down.sh.
      save_sysctl() {
        sysctl -n "$1" > "$state/sysctl.${1//\\//.}"
      }

      # save_and_clear_addresses DEV: save DEV's IPv4 addresses and routes, then remove them.
      save_and_clear_addresses() {
        ip -4 -o address show dev "$1" \\
          | awk '{ s = $4; for (i = 5; i < NF; i++) if ($i == "brd" || $i == "scope") { s = s " " $i " " $(i + 1); i++ } print s }' \\
          > "$state/addresses.$1"
        ip -4 route show dev "$1" | grep -v ' proto kernel ' | sed -e 's/ linkdown//g; s/ dead//g' \\
          > "$state/routes.$1" || true
        ip -4 address flush dev "$1"
      }

      # start NAME PROGRAM ARGS...: run in the background and save the PID, so down.sh stops exactly it.
      # stdin is /dev/null, but vde_switch in the foreground ends at EOF on stdin: it gets a terminal
      # (a fresh /dev/ptmx) that nobody ever types into.
      start() {
        local name=$1
        shift
        if [[ ${PATCHBAY_DRY_RUN:-0} == 1 ]]; then
          echo "dry run, not started:$(printf ' %q' "$@")"
          echo dry-run > "$state/pid.$name"
          return 0
        fi
        if ! command -v "$1" > /dev/null; then
          echo "up.sh: $1 is not installed; run down.sh to undo the steps before" >&2
          return 1
        fi
        local input=/dev/null
        if [[ $1 == vde_switch ]]; then input=/dev/ptmx; fi
        "$@" < "$input" > "$state/$name.log" 2>&1 &
        echo "$!" > "$state/pid.$name"
      }

      # check_started: every process started must still run a second later; else show its log.
      check_started() {
        if [[ ${PATCHBAY_DRY_RUN:-0} == 1 ]]; then return 0; fi
        sleep 1
        local file name failed=0
        for file in "$state"/pid.*; do
          name=${file##*/pid.}
          if ! kill -0 "$(cat "$file")" 2>/dev/null; then
            echo "up.sh: $name ended right after its start (run down.sh to undo); its last words:" >&2
            tail -n 5 "$state/$name.log" >&2 || true
            failed=1
          fi
        done
        return "$failed"
      }

      # private_dir ROOT DIR: DIR, the folder of default VDE sockets, and ROOT above it, made for this
      # user alone (mode 700); a symbolic link or another user's folder in their place stops the script.
      private_dir() {
        local d
        for d in "$1" "$2"; do
          mkdir -p -m 700 -- "$d"
          if [[ -L $d || ! -d $d || ! -O $d ]]; then
            echo "up.sh: $d is not a folder of this user's own; remove it and run up.sh again" >&2
            return 1
          fi
        done
      }

      # wait_socket PATH NAME: until process NAME made the unix socket PATH (a VDE switch's ctl), so
      # the guests started next can join it.
      wait_socket() {
        if [[ ${PATCHBAY_DRY_RUN:-0} == 1 ]]; then return 0; fi
        for _ in $(seq 100); do
          if [[ -S $1 ]]; then return 0; fi
          if ! kill -0 "$(cat "$state/pid.$2")" 2>/dev/null; then
            echo "up.sh: $2 ended before making $1; see $state/$2.log" >&2
            return 1
          fi
          sleep 0.1
        done
        echo "up.sh: no socket $1 after 10 s; see $state/$2.log" >&2
        return 1
      }

      # wait_listening PORT NAME: a guest that connects to PORT may start only once NAME listens on it.
      wait_listening() {
        if [[ ${PATCHBAY_DRY_RUN:-0} == 1 ]]; then return 0; fi
        for _ in $(seq 100); do
          if [[ -n $(ss -Hltn "sport = :$1") ]]; then return 0; fi
          if ! kill -0 "$(cat "$state/pid.$2")" 2>/dev/null; then
            echo "up.sh: $2 ended before listening on port $1; see $state/$2.log" >&2
            return 1
          fi
          sleep 0.1
        done
        echo "up.sh: nothing listens on port $1 after 10 s; see $state/$2.log" >&2
        return 1
      }

      """;

  private static final String DOWN_HELPERS = """
      # restore_sysctl KEY: put back the value up.sh saved.
      restore_sysctl() {
        local file="$state/sysctl.${1//\\//.}"
        sysctl -q -w "$1=$(cat "$file")"
        rm -f "$file"
      }

      # restore_addresses DEV: give DEV back the addresses, then the routes, that up.sh saved.
      restore_addresses() {
        local words
        while read -r -a words; do
          if [[ ${#words[@]} -gt 0 ]]; then ip address add "${words[@]}" dev "$1"; fi
        done < "$state/addresses.$1"
        while read -r -a words; do
          if [[ ${#words[@]} -gt 0 ]]; then ip route add "${words[@]}" dev "$1"; fi
        done < "$state/routes.$1"
        rm -f "$state/addresses.$1" "$state/routes.$1"
      }

      # remove_private_dir DIR: a stopped switch's socket folder, then its lab's folder once empty.
      remove_private_dir() {
        rm -rf -- "$1"
        rmdir -- "${1%/*}" 2>/dev/null || true
      }

      # stop NAME PROGRAM: end the process up.sh started for NAME, if that PID still runs PROGRAM.
      stop() {
        local file="$state/pid.$1" pid
        pid=$(cat "$file")
        rm -f "$file" "$state/$1.log"
        if [[ $pid == dry-run ]]; then
          echo "dry run, not stopped: $1"
          return 0
        fi
        local running=""
        if [[ -r /proc/$pid/cmdline ]]; then running=$(tr '\\0' '\\n' < "/proc/$pid/cmdline" | head -n 1); fi
        # Only while the PID still runs the program up.sh started: a PID can be reused.
        if [[ -n $running && ${running##*/} == "${2##*/}" ]]; then
          kill "$pid"
          for _ in $(seq 100); do
            if ! kill -0 "$pid" 2>/dev/null; then return 0; fi
            sleep 0.1
          done
          kill -9 "$pid"
        fi
      }

      """;
}
