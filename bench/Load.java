// Load test of the write workflow (JDK only): java bench/Load.java BASE_URL DURATION_SECONDS [USERS]
// 50 simulated users by default: unit heads (tuphap, vanphong, vhtt, tckh, thanhtra) submit self-assessments and
// upload evidence on the leaf criteria they lead, Home Affairs (noivu) approves or returns pending submissions,
// leaders (lanhdao) read the API and the pages. Prints requests, errors (5xx and unexpected 4xx), 409 conflicts
// apart, p50/p99 per kind, then checks that every acknowledged write is in its criterion's history.
// Leaders also read pages with a cookie session: a page answered with a redirect to the sign-in page (or a sign-in
// form refused for its form token, the session that issued it being unknown) counts as "signed out" (not an error);
// the user signs in again and goes on.
// Exit code 1 when there are errors, missing writes or signed-out sessions.
// LOAD_LOG=FILE (optional, bench/cluster.sh) writes one tab-separated line per event, times in epoch ms:
//   B start                                          the users start
//   R start end kind method path status outcome      a request; outcome ok, conflict, error or signedout
//   A start end criterion write                      an acknowledged write (its request's times)
//   E end                                            the users are done
//   M start end criterion write                      an acknowledged write missing from the history
// LOAD_UNTIL=FILE (optional, bench/cluster.sh): after DURATION_SECONDS the users go on until FILE exists.

import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class Load {

    static final String YEAR = "2023";
    static final List<String> HEADS = List.of("tuphap", "vanphong", "vhtt", "tckh", "thanhtra");
    static final String PASSWORD = System.getenv().getOrDefault("PASSWORD", "demo");
    static final byte[] PDF = ("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);

    static String base;
    static final HttpClient API = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    static final Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
    static final AtomicLong requests = new AtomicLong();
    static final AtomicLong conflicts = new AtomicLong();
    /** Page requests sent to the sign-in page (or sign-ins refused for their form token) after signing in. */
    static final AtomicLong signedOut = new AtomicLong();
    static final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
    /**
     * Acknowledged writes: criterion code -> "ENTITY:id:newValue" expected in its history -> the acknowledging
     * request's start and end (epoch ms).
     */
    static final Map<String, Map<String, long[]>> acknowledged = new ConcurrentHashMap<>();
    /** LOAD_LOG's writer (null without LOAD_LOG); lines are written only while {@link #logging}. */
    static PrintWriter log;
    static volatile boolean logging;
    /** LOAD_UNTIL: the users go on after the duration until this file exists (null: they stop at the duration). */
    static Path until;
    /** Leaf criteria (self-assessed) each head leads, with their maximum score. */
    static final Map<String, List<String[]>> leads = new HashMap<>();
    static final List<String> leaves = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        base = args[0].replaceAll("/$", "");
        long seconds = Long.parseLong(args[1]);
        int users = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        String logFile = System.getenv("LOAD_LOG");
        if (logFile != null && !logFile.isBlank()) {
            log = new PrintWriter(new BufferedWriter(Files.newBufferedWriter(Path.of(logFile)), 1 << 16));
        }
        String untilFile = System.getenv("LOAD_UNTIL");
        if (untilFile != null && !untilFile.isBlank()) {
            until = Path.of(untilFile);
        }
        discoverCriteria();
        logging = true;
        write("B\t" + System.currentTimeMillis());
        long started = System.nanoTime();
        long deadline = started + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            int n = i;
            // 60% unit heads, 10% Home Affairs, 30% leaders
            Runnable user = i % 10 < 6 ? () -> unitHead(HEADS.get(n % HEADS.size()), n, deadline)
                    : i % 10 == 6 ? () -> homeAffairs(deadline) : () -> leader(deadline);
            Thread thread = new Thread(() -> {
                try {
                    user.run();
                } catch (RuntimeException e) {
                    errors.add("user " + n + " stopped: " + e);
                }
            }, "user-" + i);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        write("E\t" + System.currentTimeMillis());
        logging = false;
        report(users, Math.max(seconds, Math.round((System.nanoTime() - started) / 1e9)));
        long missing = verifyHistory();
        System.out.printf("errors: %d, conflicts (409): %d, acknowledged writes: %d, missing from history: %d%n",
                errors.size(), conflicts.get(), acknowledged.values().stream().mapToInt(Map::size).sum(), missing);
        System.out.printf("signed out (page sessions sent to the sign-in page after signing in): %d%n",
                signedOut.get());
        errors.stream().limit(20).forEach(e -> System.out.println("  error: " + e));
        if (log != null) {
            log.close();
        }
        System.exit(errors.isEmpty() && missing == 0 && signedOut.get() == 0 ? 0 : 1);
    }

    // ---- the users

    static void unitHead(String username, int n, long deadline) {
        List<String[]> mine = leads.get(username);
        if (mine.isEmpty()) {
            errors.add(username + " leads no self-assessed leaf criterion");
            return;
        }
        int i = 0;
        while (running(deadline)) {
            String[] criterion = mine.get(ThreadLocalRandom.current().nextInt(mine.size()));
            String code = criterion[0];
            String path = "/api/v1/cycles/" + YEAR + "/criteria/" + code;
            if (ThreadLocalRandom.current().nextInt(10) < 6) {
                double max = Double.parseDouble(criterion[1]);
                String score = String.format(java.util.Locale.ROOT, "%.2f",
                        Math.floor(ThreadLocalRandom.current().nextDouble() * max * 100) / 100);
                String body = "{\"score\":" + score + ",\"comment\":\"Tải thử " + username + " #" + n + "." + (i++)
                        + "\"}";
                Answer a = call("submit", json(path + "/assessments", username, body), Set.of(201));
                if (a.status == 201) {
                    ack(code, "ASSESSMENT:" + number(a.body, "id") + ":SUBMITTED", a);
                }
            } else {
                String boundary = "----load" + System.nanoTime();
                byte[] multipart = multipart(boundary, "bien-ban-" + n + "-" + (i++) + ".pdf");
                Answer a = call("upload", HttpRequest.newBuilder(URI.create(base + path + "/evidence"))
                        .header("Authorization", basic(username))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(multipart)), Set.of(201));
                if (a.status == 201) {
                    ack(code, "EVIDENCE:" + number(a.body, "id") + ":UPLOADED", a);
                }
            }
            think();
        }
    }

    static void homeAffairs(long deadline) {
        while (running(deadline)) {
            String code = leaves.get(ThreadLocalRandom.current().nextInt(leaves.size()));
            Answer thread = call("thread", get("/api/v1/cycles/" + YEAR + "/criteria/" + code + "/assessments",
                    "noivu"), Set.of(200));
            Matcher m = Pattern.compile("\\{\"id\":(\\d+),\"status\":\"SUBMITTED\"[^{}]*?\"version\":(\\d+)\\}")
                    .matcher(thread.body == null ? "" : thread.body);
            if (m.find()) {
                String id = m.group(1);
                String version = m.group(2);
                boolean approve = ThreadLocalRandom.current().nextBoolean();
                String body = approve ? "{\"comment\":\"Đồng ý\",\"version\":" + version + "}"
                        : "{\"comment\":\"Bổ sung tài liệu kiểm chứng\",\"version\":" + version + "}";
                Answer a = call(approve ? "approve" : "return",
                        json("/api/v1/assessments/" + id + (approve ? "/approve" : "/return"), "noivu", body),
                        Set.of(200));
                if (a.status == 200) {
                    ack(code, "ASSESSMENT:" + id + (approve ? ":APPROVED" : ":RETURNED"), a);
                }
            }
            think();
        }
    }

    static void leader(long deadline) {
        HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        login(browser, "lanhdao", deadline);
        List<String> apis = List.of("/api/v1/cycles/" + YEAR + "/summary", "/api/v1/cycles/" + YEAR + "/dashboard",
                "/api/v1/cycles/" + YEAR + "/criteria");
        while (running(deadline)) {
            int pick = ThreadLocalRandom.current().nextInt(6);
            if (pick < 3) {
                call("read api", get(apis.get(pick), "lanhdao"), Set.of(200));
            } else {
                String page = switch (pick) {
                    case 3 -> "/";
                    case 4 -> "/units";
                    default -> "/cycles/" + YEAR + "/criteria/" + leaves.get(
                            ThreadLocalRandom.current().nextInt(leaves.size()));
                };
                Answer a = call(browser, "read page", HttpRequest.newBuilder(URI.create(base + page)).GET(),
                        Set.of(200));
                if (a.signedOut()) {
                    login(browser, "lanhdao", deadline); // counted as signed out; sign in again and go on
                }
            }
            think();
        }
    }

    /**
     * Signs in with the form: the sign-in page (its form token), then the form. A form refused for its token (403:
     * the instance that answers does not know the session that issued it: counted as signed out) or not answered
     * (an error) is tried again until the run ends.
     */
    static void login(HttpClient browser, String username, long deadline) {
        do {
            Answer form = call(browser, "login", HttpRequest.newBuilder(URI.create(base + "/login")).GET(),
                    Set.of(200));
            Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body);
            if (!token.find()) {
                if (form.status == 200) {
                    throw new IllegalStateException("no CSRF token on the login page");
                }
                think(); // no answer or an unexpected one (an error, counted): once more
                continue;
            }
            String body = "username=" + username + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)
                    + "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
            Answer a = call(browser, "login", HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)), Set.of(302));
            String location = a.location == null ? "" : a.location;
            if (a.status == 302 && (location.contains("error") || location.contains("locked"))) {
                throw new IllegalStateException("login of " + username + " failed: " + location);
            }
            if (a.status == 302) {
                return;
            }
            think(); // signed out (403, counted) or no answer (an error, counted): once more
        } while (running(deadline));
    }

    /** Whether the users go on: before the deadline, and after it until LOAD_UNTIL's file exists (if given). */
    static boolean running(long deadline) {
        return System.nanoTime() < deadline || (until != null && !Files.exists(until));
    }

    // ---- set-up and checks

    static void discoverCriteria() {
        for (String head : HEADS) {
            leads.put(head, new ArrayList<>());
        }
        Answer a = call("setup", get("/api/v1/cycles/" + YEAR + "/criteria", "lanhdao"), Set.of(200));
        List<Object> criteria = Json.array(a.body);
        Set<String> parents = new java.util.HashSet<>();
        for (Object c : criteria) {
            Object parent = ((Map<?, ?>) c).get("parentCode");
            if (parent != null) {
                parents.add(parent.toString());
            }
        }
        for (Object o : criteria) {
            Map<?, ?> c = (Map<?, ?>) o;
            String code = c.get("code").toString();
            if (parents.contains(code) || !"SELF_ASSESSMENT".equals(c.get("scoringMethod"))) {
                continue;
            }
            leaves.add(code);
            for (Object unit : (List<?>) c.get("leadUnits")) {
                String head = ((Map<?, ?>) unit).get("code").toString().toLowerCase(java.util.Locale.ROOT);
                if (leads.containsKey(head)) {
                    leads.get(head).add(new String[] {code, c.get("maxScore").toString()});
                }
            }
        }
        errors.clear();
        requests.set(0);
        latencies.clear();
        System.out.printf("criteria: %d self-assessed leaves; led by %s%n", leaves.size(),
                new TreeMap<>(leads).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().size()).toList());
    }

    static long verifyHistory() {
        long missing = 0;
        for (Map.Entry<String, Map<String, long[]>> entry : new TreeMap<>(acknowledged).entrySet()) {
            Answer a = call("history", get("/api/v1/cycles/" + YEAR + "/criteria/" + entry.getKey() + "/history",
                    "lanhdao"), Set.of(200));
            Set<String> found = new java.util.HashSet<>();
            for (Object o : Json.array(a.body)) {
                Map<?, ?> h = (Map<?, ?>) o;
                found.add(h.get("entityType") + ":" + number(h.get("entityId")) + ":" + h.get("newValue"));
            }
            for (Map.Entry<String, long[]> write : new TreeMap<>(entry.getValue()).entrySet()) {
                if (!found.contains(write.getKey())) {
                    missing++;
                    long[] at = write.getValue();
                    if (missing <= 20) {
                        System.out.println("  missing from the history of " + entry.getKey() + ": " + write.getKey()
                                + " (acknowledged at " + java.time.Instant.ofEpochMilli(at[1]) + ")");
                    }
                    if (log != null) {
                        log.println("M\t" + at[0] + "\t" + at[1] + "\t" + entry.getKey() + "\t" + write.getKey());
                    }
                }
            }
        }
        return missing;
    }

    static void report(int users, long seconds) {
        System.out.printf("%d users for %d s: %d requests (%.1f/s)%n", users, seconds, requests.get(),
                requests.get() / (double) seconds);
        System.out.printf("%-10s %8s %9s %9s%n", "kind", "count", "p50 ms", "p99 ms");
        for (Map.Entry<String, List<Long>> e : new TreeMap<>(latencies).entrySet()) {
            List<Long> sorted;
            synchronized (e.getValue()) {
                sorted = new ArrayList<>(e.getValue());
            }
            Collections.sort(sorted);
            System.out.printf("%-10s %8d %9.1f %9.1f%n", e.getKey(), sorted.size(), percentile(sorted, 50),
                    percentile(sorted, 99));
        }
    }

    static double percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1_000_000.0;
    }

    // ---- HTTP

    /** An answer; status -1: none (an exception); start and end in epoch ms; signedOut: see {@link #call}. */
    record Answer(int status, String body, String location, long start, long end, boolean signedOut) {
    }

    static Answer call(String kind, HttpRequest.Builder request, Set<Integer> expected) {
        return call(API, kind, request, expected);
    }

    /**
     * Sends a request and counts its answer. With a cookie session (a client other than {@link #API}), a redirect to
     * the sign-in page, or a sign-in form refused (403) for its form token, means the session was lost: counted as
     * signed out, not as an error.
     */
    static Answer call(HttpClient client, String kind, HttpRequest.Builder request, Set<Integer> expected) {
        long startMs = System.currentTimeMillis();
        long start = System.nanoTime();
        HttpRequest built = request.timeout(Duration.ofSeconds(60)).build();
        try {
            HttpResponse<String> response = client.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            long took = System.nanoTime() - start;
            long endMs = System.currentTimeMillis();
            latencies.computeIfAbsent(kind, k -> Collections.synchronizedList(new ArrayList<>())).add(took);
            requests.incrementAndGet();
            int status = response.statusCode();
            String location = response.headers().firstValue("Location").orElse(null);
            boolean lost = client != API && ("login".equals(kind)
                    ? status == 403 && "POST".equals(built.method())
                    : status == 302 && toSignIn(location));
            String outcome;
            if (lost) {
                signedOut.incrementAndGet();
                outcome = "signedout";
            } else if (status == 409) {
                conflicts.incrementAndGet();
                outcome = "conflict";
            } else if (!expected.contains(status)) {
                errors.add(kind + " " + response.request().method() + " " + response.uri().getPath() + " -> " + status
                        + " " + truncate(response.body()));
                outcome = "error";
            } else {
                outcome = "ok";
            }
            logRequest(startMs, endMs, kind, built, status, outcome);
            return new Answer(status, response.body(), location, startMs, endMs, lost);
        } catch (Exception e) {
            long endMs = System.currentTimeMillis();
            requests.incrementAndGet();
            errors.add(kind + " " + e);
            logRequest(startMs, endMs, kind, built, -1, "error");
            return new Answer(-1, "", null, startMs, endMs, false);
        }
    }

    /** Whether a redirect goes to the sign-in page itself ({@code /login}, {@code /login?expired}…). */
    static boolean toSignIn(String location) {
        if (location == null) {
            return false;
        }
        try {
            String path = URI.create(location).getPath();
            return path != null && path.endsWith("/login");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static void logRequest(long startMs, long endMs, String kind, HttpRequest request, int status, String outcome) {
        write("R\t" + startMs + "\t" + endMs + "\t" + kind + "\t" + request.method() + "\t" + request.uri().getPath()
                + "\t" + status + "\t" + outcome);
    }

    static void write(String line) {
        if (log != null && logging) {
            log.println(line);
        }
    }

    static HttpRequest.Builder get(String path, String username) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", basic(username)).GET();
    }

    static HttpRequest.Builder json(String path, String username, String body) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", basic(username))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    static String basic(String username) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }

    static byte[] multipart(String boundary, String fileName) {
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + PDF.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(PDF, 0, all, head.length, PDF.length);
        System.arraycopy(tail, 0, all, head.length + PDF.length, tail.length);
        return all;
    }

    static void ack(String code, String write, Answer answer) {
        acknowledged.computeIfAbsent(code, k -> new ConcurrentHashMap<>()).put(write,
                new long[] {answer.start(), answer.end()});
        write("A\t" + answer.start() + "\t" + answer.end() + "\t" + code + "\t" + write);
    }

    static void think() {
        try {
            Thread.sleep(50 + ThreadLocalRandom.current().nextInt(200));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The first number named {@code field} in a JSON text (objects or arrays of them). */
    static String number(String body, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*(\\d+)").matcher(body);
        return m.find() ? m.group(1) : "?";
    }

    static String number(Object value) {
        return value instanceof Double d && d == Math.rint(d) ? String.valueOf(d.longValue()) : String.valueOf(value);
    }

    static String truncate(String text) {
        return text == null ? "" : text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    /** A minimal JSON reader: objects (LinkedHashMap), arrays (List), strings, numbers (Double), booleans, null. */
    static final class Json {
        private final String text;
        private int at;

        private Json(String text) {
            this.text = text;
        }

        static List<Object> array(String text) {
            Object value = new Json(text).value();
            if (!(value instanceof List<?> list)) {
                throw new IllegalStateException("not a JSON array: " + truncate(text));
            }
            @SuppressWarnings("unchecked")
            List<Object> result = (List<Object>) list;
            return result;
        }

        private Object value() {
            skip();
            char c = text.charAt(at);
            if (c == '{') {
                Map<String, Object> map = new LinkedHashMap<>();
                at++;
                skip();
                if (text.charAt(at) == '}') {
                    at++;
                    return map;
                }
                while (true) {
                    skip();
                    String key = string();
                    skip();
                    at++; // ':'
                    map.put(key, value());
                    skip();
                    if (text.charAt(at++) == '}') {
                        return map;
                    }
                }
            }
            if (c == '[') {
                List<Object> list = new ArrayList<>();
                at++;
                skip();
                if (text.charAt(at) == ']') {
                    at++;
                    return list;
                }
                while (true) {
                    list.add(value());
                    skip();
                    if (text.charAt(at++) == ']') {
                        return list;
                    }
                }
            }
            if (c == '"') {
                return string();
            }
            if (text.startsWith("null", at)) {
                at += 4;
                return null;
            }
            if (text.startsWith("true", at)) {
                at += 4;
                return Boolean.TRUE;
            }
            if (text.startsWith("false", at)) {
                at += 5;
                return Boolean.FALSE;
            }
            int start = at;
            while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
            return Double.parseDouble(text.substring(start, at));
        }

        private String string() {
            StringBuilder s = new StringBuilder();
            at++; // opening quote
            while (true) {
                char c = text.charAt(at++);
                if (c == '"') {
                    return s.toString();
                }
                if (c == '\\') {
                    char e = text.charAt(at++);
                    switch (e) {
                        case 'n' -> s.append('\n');
                        case 't' -> s.append('\t');
                        case 'r' -> s.append('\r');
                        case 'b' -> s.append('\b');
                        case 'f' -> s.append('\f');
                        case 'u' -> {
                            s.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                            at += 4;
                        }
                        default -> s.append(e);
                    }
                } else {
                    s.append(c);
                }
            }
        }

        private void skip() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }
    }
}
