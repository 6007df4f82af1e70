// Load test of the write workflow (JDK only): java bench/Load.java BASE_URL DURATION_SECONDS [USERS]
// 50 simulated users by default: unit heads (tuphap, vanphong, vhtt, tckh, thanhtra) submit self-assessments and
// upload evidence on the leaf criteria they lead, Home Affairs (noivu) approves or returns pending submissions,
// leaders (lanhdao) read the API and the pages. Prints requests, errors (5xx and unexpected 4xx), 409 conflicts
// apart, p50/p99 per kind, then checks that every acknowledged write is in its criterion's history.
// Exit code 1 when there are errors or missing writes.

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
    static final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
    /** Acknowledged writes: criterion code -> "ENTITY:id:newValue" expected in its history. */
    static final Map<String, Set<String>> acknowledged = new ConcurrentHashMap<>();
    /** Leaf criteria (self-assessed) each head leads, with their maximum score. */
    static final Map<String, List<String[]>> leads = new HashMap<>();
    static final List<String> leaves = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        base = args[0].replaceAll("/$", "");
        long seconds = Long.parseLong(args[1]);
        int users = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        discoverCriteria();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
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
        report(users, seconds);
        long missing = verifyHistory();
        System.out.printf("errors: %d, conflicts (409): %d, acknowledged writes: %d, missing from history: %d%n",
                errors.size(), conflicts.get(), acknowledged.values().stream().mapToInt(Set::size).sum(), missing);
        errors.stream().limit(20).forEach(e -> System.out.println("  error: " + e));
        System.exit(errors.isEmpty() && missing == 0 ? 0 : 1);
    }

    // ---- the users

    static void unitHead(String username, int n, long deadline) {
        List<String[]> mine = leads.get(username);
        if (mine.isEmpty()) {
            errors.add(username + " leads no self-assessed leaf criterion");
            return;
        }
        int i = 0;
        while (System.nanoTime() < deadline) {
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
                    ack(code, "ASSESSMENT:" + number(a.body, "id") + ":SUBMITTED");
                }
            } else {
                String boundary = "----load" + System.nanoTime();
                byte[] multipart = multipart(boundary, "bien-ban-" + n + "-" + (i++) + ".pdf");
                Answer a = call("upload", HttpRequest.newBuilder(URI.create(base + path + "/evidence"))
                        .header("Authorization", basic(username))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(multipart)), Set.of(201));
                if (a.status == 201) {
                    ack(code, "EVIDENCE:" + number(a.body, "id") + ":UPLOADED");
                }
            }
            think();
        }
    }

    static void homeAffairs(long deadline) {
        while (System.nanoTime() < deadline) {
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
                    ack(code, "ASSESSMENT:" + id + (approve ? ":APPROVED" : ":RETURNED"));
                }
            }
            think();
        }
    }

    static void leader(long deadline) {
        HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        login(browser, "lanhdao");
        List<String> apis = List.of("/api/v1/cycles/" + YEAR + "/summary", "/api/v1/cycles/" + YEAR + "/dashboard",
                "/api/v1/cycles/" + YEAR + "/criteria");
        while (System.nanoTime() < deadline) {
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
                call(browser, "read page", HttpRequest.newBuilder(URI.create(base + page)).GET(), Set.of(200));
            }
            think();
        }
    }

    static void login(HttpClient browser, String username) {
        Answer form = call(browser, "login", HttpRequest.newBuilder(URI.create(base + "/login")).GET(), Set.of(200));
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body);
        if (!token.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        String body = "username=" + username + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        Answer a = call(browser, "login", HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)), Set.of(302));
        String location = a.location == null ? "" : a.location;
        if (location.contains("error") || location.contains("locked")) {
            throw new IllegalStateException("login of " + username + " failed: " + location);
        }
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
        for (Map.Entry<String, Set<String>> entry : new TreeMap<>(acknowledged).entrySet()) {
            Answer a = call("history", get("/api/v1/cycles/" + YEAR + "/criteria/" + entry.getKey() + "/history",
                    "lanhdao"), Set.of(200));
            Set<String> found = new java.util.HashSet<>();
            for (Object o : Json.array(a.body)) {
                Map<?, ?> h = (Map<?, ?>) o;
                found.add(h.get("entityType") + ":" + number(h.get("entityId")) + ":" + h.get("newValue"));
            }
            for (String write : entry.getValue()) {
                if (!found.contains(write)) {
                    missing++;
                    if (missing <= 20) {
                        System.out.println("  missing from the history of " + entry.getKey() + ": " + write);
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

    record Answer(int status, String body, String location) {
    }

    static Answer call(String kind, HttpRequest.Builder request, Set<Integer> expected) {
        return call(API, kind, request, expected);
    }

    static Answer call(HttpClient client, String kind, HttpRequest.Builder request, Set<Integer> expected) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            long took = System.nanoTime() - start;
            latencies.computeIfAbsent(kind, k -> Collections.synchronizedList(new ArrayList<>())).add(took);
            requests.incrementAndGet();
            int status = response.statusCode();
            if (status == 409) {
                conflicts.incrementAndGet();
            } else if (!expected.contains(status)) {
                errors.add(kind + " " + response.request().method() + " " + response.uri().getPath() + " -> " + status
                        + " " + truncate(response.body()));
            }
            return new Answer(status, response.body(), response.headers().firstValue("Location").orElse(null));
        } catch (Exception e) {
            requests.incrementAndGet();
            errors.add(kind + " " + e);
            return new Answer(-1, "", null);
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

    static void ack(String code, String write) {
        acknowledged.computeIfAbsent(code, k -> ConcurrentHashMap.newKeySet()).add(write);
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
