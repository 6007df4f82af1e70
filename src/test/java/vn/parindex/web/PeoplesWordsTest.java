package vn.parindex.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import vn.parindex.security.AppUserRepository;
import vn.parindex.support.SignedIn;
import vn.parindex.support.WorkflowTest;

/**
 * What people read is in their words: after a submission with a document, a return, a new submission, a change of
 * lead unit and a change of scores, the pages that show the history and the review queue name people by name and
 * office (never by login), statuses, events, roles and yes/no by their words (never as the program's values), units
 * by name (never by code); and no Vietnamese page writes a score with a decimal dot.
 */
@WorkflowTest
class PeoplesWordsTest {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    /** The program's own values: enumerations and booleans. */
    static final Pattern MACHINE_VALUE = Pattern.compile("\\b(SUBMITTED|APPROVED|RETURNED|UPLOADED|LISTED|REMOVED"
            + "|NOT_STARTED|IN_PROGRESS|DONE|DRAFT|ACCEPTED|SELF_ASSESSMENT|SURVEY|ADMIN|UNIT_HEAD|LEADER|true|false"
            + "|null|system|[A-Z]+_[A-Z_]+)\\b");

    /** The demo accounts' logins and the units' codes. */
    static final Pattern LOGIN_OR_CODE = Pattern.compile("\\b(noivu|tuphap|vanphong|vhtt|tckh|thanhtra|lanhdao"
            + "|NOIVU|TUPHAP|VANPHONG|VHTT|TCKH|THANHTRA)\\b");

    /** A score with a decimal dot (scores have 4 decimals; a criterion's code such as 2.2 or 1.5.2 is no score). */
    static final Pattern DOTTED_SCORE = Pattern.compile("(?<![\\d.])\\d+\\.\\d{4,}(?![\\d.])");

    @Autowired
    MockMvc mvc;

    @Autowired
    AppUserRepository users;

    @Autowired
    JdbcTemplate jdbc;

    String text(String url, String username) throws Exception {
        String html = mvc.perform(get(url).with(SignedIn.as(users, username))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Document doc = Jsoup.parse(html);
        doc.select("script, style, title").remove();
        return doc.body().text();
    }

    static List<String> found(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group() + " in «…" + text.substring(Math.max(0, m.start() - 40), Math.min(text.length(),
                    m.end() + 40)) + "…»");
        }
        return found;
    }

    @Test
    void historyThreadEvidenceAndQueueSpeakThePeoplesWords() throws Exception {
        vn.parindex.support.NothingPending.on(mvc, jdbc, "2.2");
        // a submission with a document, returned, sent again
        mvc.perform(multipart("/cycles/2023/criteria/2.2/assessments")
                        .file(new MockMultipartFile("files", "bien-ban.pdf", "application/pdf", PDF))
                        .param("score", "2,8").param("comment", "Đã rà soát 12 văn bản")
                        .with(SignedIn.as(users, "tuphap")).with(csrf()))
                .andExpect(status().isFound());
        long first = jdbc.queryForObject("select max(id) from assessment", Long.class);
        mvc.perform(post("/assessments/" + first + "/return").param("year", "2023").param("code", "2.2")
                        .param("version", "0").param("comment", "Thiếu biên bản kiểm tra")
                        .with(SignedIn.as(users, "noivu")).with(csrf()))
                .andExpect(status().isFound());
        mvc.perform(multipart("/cycles/2023/criteria/2.2/assessments").param("score", "2,8")
                        .param("comment", "Bổ sung biên bản").with(SignedIn.as(users, "tuphap")).with(csrf()))
                .andExpect(status().isFound());
        // Home Affairs changes a target and the lead unit of another criterion
        jdbc.update("insert into change_history (at, user_id, username, entity_type, entity_id, criterion_id, field,"
                + " old_value, new_value, comment) select now(), null, 'system', 'CRITERION', c.id, c.id,"
                + " 'targetScore', '2.0000', '2.8000', null from criterion c join cycle y on y.id = c.cycle_id"
                + " where y.year = 2023 and c.code = '2.2'");

        String criterion = text("/cycles/2023/criteria/2.2", "lanhdao");
        String queue = text("/review", "noivu");
        assertThat(criterion).contains("Trưởng phòng Tư pháp", "Cán bộ Phòng Nội vụ", "Tải lên", "2,8000",
                "Phần mềm (tự động)");
        assertThat(queue).contains("2.2", "Trưởng phòng Tư pháp", "Phòng Tư pháp", "2,8000", "3,0000");
        for (String page : List.of(criterion, queue)) {
            assertThat(found(MACHINE_VALUE, page)).as("the program's values on a page").isEmpty();
            assertThat(found(LOGIN_OR_CODE, page)).as("logins or unit codes on a page").isEmpty();
            assertThat(found(DOTTED_SCORE, page)).as("scores with a dot on a Vietnamese page").isEmpty();
        }
        // returned again: nothing left pending on 2.2 for the other tests of the shared database
        long second = jdbc.queryForObject("select max(id) from assessment", Long.class);
        mvc.perform(post("/assessments/" + second + "/return").param("year", "2023").param("code", "2.2")
                        .param("version", "0").param("comment", "Trả lại sau kiểm tra từ ngữ")
                        .with(SignedIn.as(users, "noivu")).with(csrf()))
                .andExpect(status().isFound());
        // an account's history: its role, unit and "enabled" in words
        long account = jdbc.queryForObject("select id from app_user where username = 'tuphap'", Long.class);
        jdbc.update("insert into change_history (at, user_id, username, entity_type, entity_id, field, old_value,"
                + " new_value) values (now(), null, 'noivu', 'USER', ?, 'role', 'LEADER', 'UNIT_HEAD'),"
                + " (now(), null, 'noivu', 'USER', ?, 'enabled', 'false', 'true'),"
                + " (now(), null, 'noivu', 'USER', ?, 'unit', 'VHTT', 'TUPHAP')", account, account, account);
        String accountPage = text("/admin/users/" + account, "noivu");
        assertThat(accountPage).contains("Lãnh đạo", "Thủ trưởng đơn vị", "Có", "Không",
                "Phòng Văn hóa – Thông tin");
        assertThat(found(MACHINE_VALUE, accountPage)).isEmpty();
    }

    @Test
    void theRulesCatchWhatTheyAreFor() {
        // each rule fails on what it guards against (so a passing page is not a rule that cannot fail)
        assertThat(found(MACHINE_VALUE, "Trạng thái: SUBMITTED → APPROVED, Cho phép: true")).hasSize(3);
        assertThat(found(LOGIN_OR_CODE, "tuphap gửi lúc 01/03/2023; đơn vị TUPHAP")).hasSize(2);
        assertThat(found(DOTTED_SCORE, "Điểm 2.8000 và 84.0256")).hasSize(2);
        // and passes what is right: criteria codes, Vietnamese numbers, thousands, dates
        assertThat(found(DOTTED_SCORE, "Tiêu chí 2.2 và 1.5.2: 2,8000 điểm; 1.500 KB; 02.12.2026")).isEmpty();
        assertThat(found(MACHINE_VALUE, "Đã gửi, chờ rà soát; Phòng Tư pháp; XHH; UBND")).isEmpty();
    }
}
