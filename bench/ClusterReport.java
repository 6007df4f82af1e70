// Per-phase figures of bench/cluster.sh (JDK only): java bench/ClusterReport.java TIMELINE LOAD_LOG PROXY_LOG
//   TIMELINE   "name epoch-ms" lines written by cluster.sh: kill, killed (just before and after the kill -9),
//              rejoined, roll, sigterm-appN, stopped-appN, rejoined-appN, rolled
//   LOAD_LOG   bench/Load.java's LOAD_LOG lines (B, R, A, E, M: see Load.java's header)
//   PROXY_LOG  HAProxy's log (docker/haproxy.cfg's log-format: accept time first, then backend/instance, status,
//              termination state and retries)
// A request belongs to the phase in which its answer (or its failure) came: one in flight at the kill -9 to (a).
// Prints one line per phase (requests, errors, 409 conflicts, acknowledged writes, writes missing from the history,
// page sessions signed out, requests the proxy sent again, the requests each instance answered), the errors, then
// the goals as PASS/FAIL lines. Exit code 1 when a goal fails.

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

public class ClusterReport {

    static final class Phase {
        final String name;
        final long from;
        final long to;
        long requests;
        long errors;
        long conflicts;
        long acknowledged;
        long missing;
        long signedOut;
        long retried;
        long errorsInFlightAtKill;
        final Map<String, Long> served = new TreeMap<>();

        Phase(String name, long from, long to) {
            this.name = name;
            this.from = from;
            this.to = to;
        }

        boolean contains(long t) {
            return t >= from && t < to;
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, Long> marks = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 2) {
                marks.put(f[0], Long.parseLong(f[1]));
            }
        }
        List<String[]> load = new ArrayList<>();
        long begin = 0;
        long end = Long.MAX_VALUE;
        for (String line : Files.readAllLines(Path.of(args[1]))) {
            String[] f = line.split("\t");
            switch (f[0]) {
                case "B" -> begin = Long.parseLong(f[1]);
                case "E" -> end = Long.parseLong(f[1]);
                default -> load.add(f);
            }
        }
        if (end == Long.MAX_VALUE) { // the load did not finish: up to its last request
            end = load.stream().filter(f -> f[0].equals("R")).mapToLong(f -> Long.parseLong(f[2])).max().orElse(begin);
        }
        long last = end + 1;
        long kill = clamp(marks.getOrDefault("kill", last), begin, last);
        long killed = marks.getOrDefault("killed", kill);
        long rejoined = clamp(marks.getOrDefault("rejoined", last), kill, last);
        long roll = clamp(marks.getOrDefault("roll", last), rejoined, last);
        long rolled = clamp(marks.getOrDefault("rolled", last), roll, last);
        List<Phase> phases = List.of(new Phase("steady before", begin, kill),
                new Phase("(a) kill -9, rejoin", kill, rejoined),
                new Phase("steady between", rejoined, roll),
                new Phase("(b) rolling restart", roll, rolled),
                new Phase("steady after", rolled, last));
        Phase a = phases.get(1);
        Phase b = phases.get(3);

        List<String> errorLines = new ArrayList<>();
        long ackedTotal = 0;
        long missingTotal = 0;
        for (String[] f : load) {
            long start = Long.parseLong(f[1]);
            Phase p = phaseOf(phases, f[0].equals("R") || f[0].equals("A") || f[0].equals("M")
                    ? Long.parseLong(f[2]) : start);
            switch (f[0]) {
                case "R" -> {
                    if (p == null) {
                        continue;
                    }
                    long stop = Long.parseLong(f[2]);
                    p.requests++;
                    switch (f[7]) {
                        case "error" -> {
                            p.errors++;
                            boolean inFlight = start <= killed && stop >= kill;
                            if (inFlight) {
                                p.errorsInFlightAtKill++;
                            }
                            errorLines.add(String.format("  %-20s +%6.1f s  %-9s %-4s %-45s -> %s, %d ms%s", p.name,
                                    (start - begin) / 1000.0, f[3], f[4], f[5], f[6].equals("-1") ? "no answer" : f[6],
                                    stop - start, inFlight ? " (in flight at the kill)" : ""));
                        }
                        case "conflict" -> p.conflicts++;
                        case "signedout" -> p.signedOut++;
                        default -> {
                        }
                    }
                }
                case "A" -> {
                    ackedTotal++;
                    if (p != null) {
                        p.acknowledged++;
                    }
                }
                case "M" -> {
                    missingTotal++;
                    if (p != null) {
                        p.missing++;
                    }
                    errorLines.add(String.format("  %-20s +%6.1f s  missing from the history of %s: %s",
                            p == null ? "?" : p.name, (start - begin) / 1000.0, f[3], f[4]));
                }
                default -> {
                }
            }
        }

        TreeSet<String> instances = new TreeSet<>();
        if (args.length > 2 && Files.exists(Path.of(args[2]))) {
            for (String line : Files.readAllLines(Path.of(args[2]))) {
                String[] f = line.split(" ");
                if (f.length < 9 || !f[0].matches("\\d+\\.\\d{3}") || !f[3].startsWith("instances/")) {
                    continue; // not a request to the instances (HAProxy's own notices, its stats page)
                }
                Phase p = phaseOf(phases, Long.parseLong(f[0].replace(".", "")));
                if (p == null) {
                    continue;
                }
                String server = f[3].substring(f[3].indexOf('/') + 1).replace("<NOSRV>", "none");
                instances.add(server);
                p.served.merge(server, 1L, Long::sum);
                String[] connections = f[8].split("/");
                String retries = connections[connections.length - 1];
                if (!retries.equals("0")) {
                    p.retried++;
                }
            }
        }

        System.out.printf("%-20s %6s %8s %6s %5s %6s %7s %10s %7s  %s%n", "phase", "s", "requests", "errors", "409",
                "acked", "missing", "signed out", "resent", "answered by (proxy's log)");
        for (Phase p : phases) {
            StringBuilder served = new StringBuilder();
            for (String instance : instances) {
                served.append(String.format("%s %d  ", instance, p.served.getOrDefault(instance, 0L)));
            }
            System.out.printf("%-20s %6.1f %8d %6d %5d %6d %7d %10d %7d  %s%n", p.name, (p.to - p.from) / 1000.0,
                    p.requests, p.errors, p.conflicts, p.acknowledged, p.missing, p.signedOut, p.retried,
                    served.toString().trim());
        }
        System.out.println("  (resent: requests the proxy sent again, to another instance, after a refused connection "
                + "or a connection closed unanswered)");
        for (String step : List.of("sigterm", "stopped", "rejoined")) {
            StringBuilder line = new StringBuilder();
            for (Map.Entry<String, Long> mark : marks.entrySet()) {
                if (mark.getKey().startsWith(step + "-")) {
                    line.append(String.format("  %s +%.1f s", mark.getKey().substring(step.length() + 1),
                            (mark.getValue() - begin) / 1000.0));
                }
            }
            if (!line.isEmpty()) {
                System.out.printf("  (b) %-9s%s%n", step + ":", line);
            }
        }
        if (!errorLines.isEmpty()) {
            System.out.println("errors and missing writes (at most 30):");
            errorLines.stream().limit(30).forEach(System.out::println);
        }

        boolean ok = true;
        List<String> missingPhases = phases.stream().filter(p -> p.missing > 0)
                .map(p -> p.name + " " + p.missing).toList();
        ok &= goal(missingPhases.isEmpty() && missingTotal == 0, "0 missing writes in every phase (" + ackedTotal
                + " acknowledged, " + missingTotal + " missing" + (missingPhases.isEmpty() ? "" : ": " + missingPhases)
                + ")");
        boolean rolledInTime = marks.containsKey("rolled") && marks.get("rolled") <= end;
        ok &= goal(b.errors == 0, "0 errors during the rolling restart (" + b.errors + ")");
        if (!rolledInTime) {
            System.out.println("NOTE  the load ended before the rolling restart did: make DURATION longer");
        }
        ok &= goal(a.errors == a.errorsInFlightAtKill, "(a) only requests in flight at the kill -9 failed (" + a.errors
                + " errors, " + a.errorsInFlightAtKill + " of them in flight at the kill)");
        long signedOut = phases.stream().mapToLong(p -> p.signedOut).sum();
        ok &= goal(signedOut == 0, "0 page sessions signed out (" + signedOut + ")");
        System.exit(ok ? 0 : 1);
    }

    static long clamp(long value, long min, long max) {
        return Math.max(min, Math.min(max, value));
    }

    static Phase phaseOf(List<Phase> phases, long t) {
        for (Phase p : phases) {
            if (p.contains(t)) {
                return p;
            }
        }
        return null;
    }

    static boolean goal(boolean passed, String text) {
        System.out.println((passed ? "PASS  " : "FAIL  ") + text);
        return passed;
    }
}
