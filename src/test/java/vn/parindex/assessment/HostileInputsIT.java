package vn.parindex.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.parindex.support.RealServerTest;

/**
 * Hostile inputs against the running server (real Tomcat, real PostgreSQL): each gets its 4xx with a clear
 * message — a problem document with a detail, and the field when one is to blame — and nothing changes.
 */
@RealServerTest
class HostileInputsIT {

    static final String SUBMIT = "/api/v1/cycles/2023/criteria/2.2/assessments";
    static final String UPLOAD = "/api/v1/cycles/2023/criteria/2.2/evidence";
    static final String PATCH = "/api/v1/cycles/2023/criteria/1.1";
    static final byte[] PDF = WorkflowIntegrationTest.PDF;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** One hostile request and what it must get. */
    record Case(String name, String user, String method, String path, String contentType, byte[] body,
            int status, String field, boolean chunked) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Case json(String name, String user, String method, String path, String body, int status, String field) {
        return new Case(name, user, method, path, "application/json", body.getBytes(StandardCharsets.UTF_8), status,
                field, false);
    }

    static Case submit(String name, String body, int status, String field) {
        return json(name, "tuphap", "POST", SUBMIT, body, status, field);
    }

    static Case upload(String name, String user, int status, String field, Object... namesAndContents) {
        String boundary = "----hostile" + name.hashCode();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < namesAndContents.length; i += 2) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + namesAndContents[i] + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.writeBytes((byte[]) namesAndContents[i + 1]);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return new Case(name, user, "POST", UPLOAD, "multipart/form-data; boundary=" + boundary, out.toByteArray(),
                status, field, false);
    }

    static String comment(int length) {
        return "\"" + "a".repeat(length) + "\"";
    }

    static byte[] docx(boolean bomb) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
                zip.write(("<Types><Override PartName=\"/word/document.xml\" ContentType=\"application/"
                        + "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>")
                        .getBytes(StandardCharsets.UTF_8));
                zip.putNextEntry(new ZipEntry("word/document.xml"));
                zip.write("<w:document/>".getBytes(StandardCharsets.UTF_8));
                if (bomb) {
                    zip.putNextEntry(new ZipEntry("word/media/zeros.bin"));
                    byte[] zeros = new byte[1 << 20];
                    for (int i = 0; i < 300; i++) {
                        zip.write(zeros);
                    }
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Stream<Arguments> hostile() {
        byte[] overSized = new byte[21 * 1024 * 1024];
        System.arraycopy(PDF, 0, overSized, 0, PDF.length);
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        List<Case> cases = List.of(
                // numbers
                json("1e999999999 as the leader", "lanhdao", "POST", SUBMIT,
                        "{\"score\":1e999999999,\"comment\":\"x\"}", 400, "score"),
                submit("1e999999999", "{\"score\":1e999999999,\"comment\":\"x\"}", 400, "score"),
                submit("1e999999999 as text", "{\"score\":\"1e999999999\",\"comment\":\"x\"}", 400, "score"),
                submit("1e-999999999", "{\"score\":1e-999999999,\"comment\":\"x\"}", 400, "score"),
                json("target 1e999999999", "noivu", "PATCH", PATCH,
                        "{\"targetScore\":1e999999999,\"comment\":\"x\",\"version\":0}", 400, "targetScore"),
                submit("NaN", "{\"score\":NaN,\"comment\":\"x\"}", 400, null),
                submit("NaN as text", "{\"score\":\"NaN\",\"comment\":\"x\"}", 400, "score"),
                submit("abc", "{\"score\":\"abc\",\"comment\":\"x\"}", 400, "score"),
                submit("null score", "{\"score\":null,\"comment\":\"x\"}", 400, "score"),
                submit("5 decimals", "{\"score\":1.00001,\"comment\":\"x\"}", 400, "score"),
                submit("negative", "{\"score\":-1,\"comment\":\"x\"}", 400, "score"),
                submit("above the maximum", "{\"score\":999,\"comment\":\"x\"}", 400, "score"),
                submit("5000 digits", "{\"score\":" + "9".repeat(5000) + ",\"comment\":\"x\"}", 400, null),
                // texts and bodies
                submit("4001-character comment", "{\"score\":1,\"comment\":" + comment(4001) + "}", 400, "comment"),
                submit("5 MB comment", "{\"score\":1,\"comment\":" + comment(5 * 1024 * 1024) + "}", 413, null),
                new Case("5 MB comment, chunked", "tuphap", "POST", SUBMIT, "application/json",
                        ("{\"score\":1,\"comment\":" + comment(5 * 1024 * 1024) + "}")
                                .getBytes(StandardCharsets.UTF_8), 413, null, true),
                json("5 MB return reason", "noivu", "POST", "/api/v1/assessments/1/return",
                        "{\"comment\":" + comment(5 * 1024 * 1024) + "}", 413, null),
                json("4001-character correction comment", "noivu", "PATCH", PATCH,
                        "{\"targetScore\":1,\"comment\":" + comment(4001) + ",\"version\":0}", 400, "comment"),
                submit("empty body", "", 400, null),
                submit("invalid JSON", "{\"score\":", 400, null),
                submit("a JSON array", "[1,2]", 400, null),
                new Case("text/plain", "tuphap", "POST", SUBMIT, "text/plain", "score=1".getBytes(), 415, null,
                        false),
                new Case("form encoded", "tuphap", "POST", SUBMIT, "application/x-www-form-urlencoded",
                        "score=1&comment=x".getBytes(), 415, null, false),
                json("PUT", "tuphap", "PUT", SUBMIT, "{\"score\":1,\"comment\":\"x\"}", 405, null),
                // codes, years and versions
                json("unknown code", "tuphap", "POST", "/api/v1/cycles/2023/criteria/9.9/assessments",
                        "{\"score\":1,\"comment\":\"x\"}", 404, null),
                json("encoded path", "tuphap", "POST", "/api/v1/cycles/2023/criteria/..%2F..%2Fx/assessments",
                        "{\"score\":1,\"comment\":\"x\"}", 400, null),
                json("encoded NUL", "tuphap", "POST", "/api/v1/cycles/2023/criteria/1.1%00/assessments",
                        "{\"score\":1,\"comment\":\"x\"}", 400, null),
                json("70 000-character code", "tuphap", "POST",
                        "/api/v1/cycles/2023/criteria/" + "a".repeat(70_000) + "/assessments",
                        "{\"score\":1,\"comment\":\"x\"}", 400, null),
                json("unknown year", "tuphap", "POST", "/api/v1/cycles/2031/criteria/2.2/assessments",
                        "{\"score\":1,\"comment\":\"x\"}", 404, null),
                json("year abc", "tuphap", "POST", "/api/v1/cycles/abc/criteria/2.2/assessments",
                        "{\"score\":1,\"comment\":\"x\"}", 400, null),
                json("year past int", "tuphap", "POST", "/api/v1/cycles/99999999999/criteria/2.2/assessments",
                        "{\"score\":1,\"comment\":\"x\"}", 400, null),
                json("stale version", "noivu", "PATCH", PATCH,
                        "{\"targetScore\":1,\"comment\":\"x\",\"version\":-5}", 409, null),
                json("malformed version", "noivu", "PATCH", PATCH,
                        "{\"targetScore\":1,\"comment\":\"x\",\"version\":\"abc\"}", 400, "version"),
                json("missing version", "noivu", "PATCH", PATCH, "{\"targetScore\":1,\"comment\":\"x\"}", 400,
                        "version"),
                json("malformed review version", "noivu", "POST", "/api/v1/assessments/1/approve",
                        "{\"version\":\"x\"}", 400, "version"),
                json("unknown assessment", "noivu", "POST", "/api/v1/assessments/999999/approve",
                        "{\"version\":0}", 404, null),
                // files
                upload("empty file", "tuphap", 400, "file", "empty.pdf", new byte[0]),
                upload("oversized file", "tuphap", 413, null, "big.pdf", overSized),
                upload("HTML renamed .pdf", "tuphap", 400, "file", "report.pdf", html),
                upload("PDF renamed .docx", "tuphap", 400, "file", "report.docx", PDF),
                upload("zip bomb", "tuphap", 400, "file", "bomb.docx", docx(true)),
                upload("six files", "tuphap", 400, "file", "1.pdf", PDF, "2.pdf", PDF, "3.pdf", PDF, "4.pdf", PDF,
                        "5.pdf", PDF, "6.pdf", PDF),
                upload("no file", "tuphap", 400, "file"),
                upload("the leader's oversized file (refused before it is read)", "lanhdao", 403, null, "big.pdf",
                        overSized),
                upload("another unit's file", "vhtt", 403, null, "ok.pdf", PDF));
        return cases.stream().map(Arguments::of);
    }

    HttpResponse<String> send(Case c, String acceptLanguage) throws Exception {
        HttpRequest.BodyPublisher body = c.chunked()
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(c.body()))
                : HttpRequest.BodyPublishers.ofByteArray(c.body());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + c.path()))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", basic(c.user()))
                .header("Content-Type", c.contentType())
                .method(c.method(), body);
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }

    /** What must not change: the rows of the record and the figures of the criteria the cases aim at. */
    Map<String, Object> state() {
        return Map.of(
                "assessments", jdbc.queryForObject("select count(*) from assessment", Long.class),
                "evidence", jdbc.queryForObject("select count(*) from evidence", Long.class),
                "history", jdbc.queryForObject("select count(*) from change_history", Long.class),
                "criteria", jdbc.queryForList("""
                        select c.code, c.baseline_score, c.target_score, c.current_score, c.version
                        from criterion c join cycle y on y.id = c.cycle_id
                        where y.year = 2023 and c.code in ('1.1', '2.2') order by c.code""").toString(),
                "peers", jdbc.queryForList("select * from peer_district_score order by id").toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void eachHostileInputGetsItsClearRefusalAndChangesNothing(Case c) throws Exception {
        Map<String, Object> before = state();
        HttpResponse<String> response = send(c, null);
        assertThat(response.statusCode()).as(c.name() + ": " + response.body()).isEqualTo(c.status());
        assertThat(response.headers().firstValue("Content-Type").orElse(""))
                .as(c.name()).startsWith("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(c.status());
        assertThat(problem.path("title").asString()).isNotBlank();
        assertThat(problem.path("detail").asString()).as(c.name()).isNotBlank();
        if (c.field() != null) {
            List<String> fields = new ArrayList<>();
            problem.path("errors").forEach(e -> fields.add(e.path("field").asString()));
            assertThat(fields).as(c.name() + ": " + response.body()).contains(c.field());
            // a sentence for people, not a message key
            problem.path("errors").forEach(e -> assertThat(e.path("message").asString()).isNotBlank()
                    .doesNotMatch("[a-zA-Z0-9]+(\\.[a-zA-Z0-9]+)+"));
        }
        assertThat(state()).as(c.name()).isEqualTo(before);
    }

    @Test
    void errorsAreInTheCallersLanguage() throws Exception {
        Case abc = submit("abc", "{\"score\":\"abc\",\"comment\":\"x\"}", 400, "score");
        assertThat(send(abc, null).body()).contains("Dữ liệu không hợp lệ");
        assertThat(send(abc, "vi-VN,vi;q=0.9").body()).contains("Dữ liệu không hợp lệ");
        HttpResponse<String> english = send(abc, "en-GB,en;q=0.8,vi;q=0.5");
        assertThat(english.body()).contains("Invalid input", "not in the right form");
        assertThat(send(abc, "fr-FR").body()).contains("Dữ liệu không hợp lệ");
        // Tomcat's own refusals too
        Case odd = json("encoded path", "tuphap", "POST", "/api/v1/cycles/2023/criteria/..%2F..%2Fx/assessments",
                "{}", 400, null);
        assertThat(send(odd, "en").body()).contains("\"status\":400", "not valid");
        assertThat(send(odd, null).body()).contains("không hợp lệ");
        Case wrongType = new Case("text/plain", "tuphap", "POST", SUBMIT, "text/plain", "x".getBytes(), 415, null,
                false);
        assertThat(send(wrongType, "en").body()).contains("text/plain", "application/json");
    }

    @Test
    void twentyHugeNumbersInParallelLeaveTheServerAnswering() throws Exception {
        Case huge = json("1e999999999", "lanhdao", "POST", "/api/v1/cycles/2023/criteria/1.1/assessments",
                "{\"score\":1e999999999,\"comment\":\"x\"}", 400, "score");
        Map<String, Object> before = state();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                calls.add(() -> send(huge, null).statusCode());
            }
            for (Future<Integer> f : pool.invokeAll(calls)) {
                assertThat(f.get()).isEqualTo(400);
            }
        } finally {
            pool.shutdownNow();
        }
        HttpResponse<String> summary = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/cycles/2023/summary"))
                .header("Authorization", basic("lanhdao")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(summary.statusCode()).isEqualTo(200);
        assertThat(state()).isEqualTo(before);
    }

    /**
     * An expected refusal is an answer, not an incident: the log holds at most a line for it, never an ERROR or a
     * stack trace (an oversized upload used to log 360 lines from the servlet container).
     */
    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void expectedRefusalsLogNoErrorAndNoStackTrace(CapturedOutput output) throws Exception {
        byte[] overSized = new byte[21 * 1024 * 1024];
        System.arraycopy(PDF, 0, overSized, 0, PDF.length);
        List<Case> refusals = List.of(
                upload("oversized file", "tuphap", 413, null, "big.pdf", overSized),
                upload("oversized file by Home Affairs", "noivu", 413, null, "big.pdf", overSized),
                submit("malformed JSON", "{\"score\":", 400, null),
                submit("a word for a score", "{\"score\":\"abc\",\"comment\":\"x\"}", 400, "score"),
                json("stale version", "noivu", "PATCH", PATCH,
                        "{\"targetScore\":1,\"comment\":\"x\",\"version\":-5}", 409, null));
        for (Case c : refusals) {
            assertThat(send(c, null).statusCode()).as(c.name()).isEqualTo(c.status());
        }
        assertThat(output.getAll().lines().filter(l -> l.contains(" ERROR ")).toList()).isEmpty();
        assertThat(output.getAll().lines().filter(l -> l.startsWith("\tat ")).toList()).isEmpty();
    }

    @Test
    void anOversizedFormGetsAPageSayingSo() throws Exception {
        Map<String, Object> before = state();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/cycles/2023/ranking"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("district=" + "a".repeat(2 * 1024 * 1024) + "&total=1"))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(response.body()).contains("Nội dung quá lớn");
        assertThat(state()).isEqualTo(before);
    }
}
