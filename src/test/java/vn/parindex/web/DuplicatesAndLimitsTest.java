package vn.parindex.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.parindex.security.AppUserRepository;
import vn.parindex.security.CurrentUser;
import vn.parindex.support.WorkflowTest;

/**
 * Two requests creating the same thing at the same moment: the database's unique rules decide, the one that loses
 * gets a 409 with a clear message (never a 500) and nothing of it is saved; names longer than their columns are a
 * 400 before the database sees them.
 */
@WorkflowTest
class DuplicatesAndLimitsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    AppUserRepository users;

    @Autowired
    jakarta.servlet.MultipartConfigElement multipart;

    @Autowired
    org.springframework.context.MessageSource messageSource;

    /** The ranking table is shared with the other tests of this database (the dashboard's forecast): left empty. */
    @org.junit.jupiter.api.AfterEach
    void removeTheDistrictsAdded() {
        jdbc.update("delete from peer_district_score where lower(district) in ('tan yen', 'lang giang',"
                + " 'huyện sơn động')");
    }

    private MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(admin())).with(csrf())).andReturn().getResponse();
    }

    /** Looked up in the first body: also from the threads a race starts, which have no body of their own. */
    private CurrentUser admin() {
        return vn.parindex.system.BodyScope.call(CurrentUser.FIRST_BODY, () -> users.findByUsernameWithUnit("noivu").map(u -> new CurrentUser(u.getId(), u.getUsername(),
                u.getDisplayName(), u.getPasswordHash(), u.getRole(), null, null, null, u.isEnabled()))
                .orElseThrow());
    }

    private long cycle2023() {
        return jdbc.queryForObject("select id from cycle where year = 2023", Long.class);
    }

    private long peers(String district) {
        return jdbc.queryForObject("select count(*) from peer_district_score where cycle_id = ? and lower(district)"
                + " = lower(?)", Long.class, cycle2023(), district);
    }

    @Test
    void theDatabaseRefusesADistrictTwiceWhateverItsCase() {
        jdbc.update("insert into peer_district_score (cycle_id, district, total) values (?, 'Tan Yen', 80)",
                cycle2023());
        assertThatThrownBy(() -> jdbc.update(
                "insert into peer_district_score (cycle_id, district, total) values (?, 'TAN YEN', 81)", cycle2023()))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(peers("tan yen")).isOne();
    }

    @Test
    void aDistrictAddedInParallelIsAConflictNotA500() throws Exception {
        // another request has inserted the district and not yet committed: this one's check cannot see it, its
        // insert waits for the unique index and then loses
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement insert = other.prepareStatement(
                    "insert into peer_district_score (cycle_id, district, total) values (?, 'Lang Giang', 70)")) {
                insert.setLong(1, cycle2023());
                insert.executeUpdate();
            }
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                Future<MockHttpServletResponse> late = pool.submit(() -> perform(post("/cycles/2023/ranking")
                        .param("district", "LANG GIANG").param("total", "71")));
                waitUntilBlocked("peer_district_score");
                other.commit();
                MockHttpServletResponse response = late.get(60, TimeUnit.SECONDS);
                assertThat(response.getStatus()).isEqualTo(409);
                assertThat(alert(response)).isEqualTo(peerExists());
            } finally {
                pool.shutdownNow();
            }
        }
        assertThat(jdbc.queryForObject("select total from peer_district_score where cycle_id = ? and district"
                + " = 'Lang Giang'", java.math.BigDecimal.class, cycle2023())).isEqualByComparingTo("70");
        assertThat(peers("lang giang")).isOne();
        assertThat(jdbc.queryForObject("select count(*) from change_history where entity_type = 'PEER_DISTRICT'"
                + " and comment = 'LANG GIANG'", Long.class)).isZero();
    }

    @Test
    void parallelAddsOfOneDistrictOneWinsTheOthersAre409() throws Exception {
        List<Integer> statuses = race(6, i -> post("/cycles/2023/ranking")
                .param("district", i % 2 == 0 ? "Huyện Sơn Động" : "huyện sơn động").param("total", "6" + i));
        assertThat(statuses).filteredOn(s -> s == 302).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(5);
        assertThat(peers("huyện sơn động")).isOne();
    }

    @Test
    void anAccountCreatedInParallelIsAConflictNotA500() throws Exception {
        long accounts = jdbc.queryForObject("select count(*) from app_user", Long.class);
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement insert = other.prepareStatement("insert into app_user (username, display_name,"
                    + " password_hash, role) values ('songsong', 'Người kia', 'x', 'LEADER')")) {
                insert.executeUpdate();
            }
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                Future<MockHttpServletResponse> late = pool.submit(() -> perform(post("/admin/users")
                        .param("username", "songsong").param("displayName", "Nguyễn Văn Song")
                        .param("role", "LEADER").param("password", "một mật khẩu đủ dài")));
                waitUntilBlocked("app_user");
                other.commit();
                MockHttpServletResponse response = late.get(60, TimeUnit.SECONDS);
                assertThat(response.getStatus()).isEqualTo(409);
                assertThat(response.getContentAsString(StandardCharsets.UTF_8))
                        .contains("Tên đăng nhập này đã được dùng");
            } finally {
                pool.shutdownNow();
            }
        }
        assertThat(jdbc.queryForObject("select count(*) from app_user", Long.class)).isEqualTo(accounts + 1);
        assertThat(jdbc.queryForObject("select display_name from app_user where username = 'songsong'",
                String.class)).isEqualTo("Người kia");
    }

    @Test
    void displayNamesLongerThanTheColumnAre400AndChangeNothing() throws Exception {
        long accounts = jdbc.queryForObject("select count(*) from app_user", Long.class);
        String tooLong = "Nguyễn " + "Thị Hồng ".repeat(25); // > 200 characters
        assertThat(tooLong.strip().length()).isGreaterThan(200);
        MockHttpServletResponse created = perform(post("/admin/users").param("username", "dainhat")
                .param("displayName", tooLong).param("role", "LEADER").param("password", "một mật khẩu đủ dài"));
        assertThat(created.getStatus()).isEqualTo(400);
        assertThat(created.getContentAsString(StandardCharsets.UTF_8)).contains("Họ tên dài quá 200 ký tự.");
        assertThat(jdbc.queryForObject("select count(*) from app_user", Long.class)).isEqualTo(accounts);

        // exactly 200 characters (Vietnamese letters counted as one each) is fine
        String longest = "Đ".repeat(200);
        assertThat(perform(post("/admin/users").param("username", "dainhat").param("displayName", longest)
                .param("role", "LEADER").param("password", "một mật khẩu đủ dài")).getStatus()).isEqualTo(302);
        long id = jdbc.queryForObject("select id from app_user where username = 'dainhat'", Long.class);
        long version = jdbc.queryForObject("select version from app_user where id = ?", Long.class, id);

        MockHttpServletResponse updated = perform(post("/admin/users/" + id).param("displayName", tooLong)
                .param("role", "LEADER").param("enabled", "true").param("version", String.valueOf(version)));
        assertThat(updated.getStatus()).isEqualTo(400);
        assertThat(updated.getContentAsString(StandardCharsets.UTF_8)).contains("Họ tên dài quá 200 ký tự.");
        assertThat(jdbc.queryForObject("select display_name from app_user where id = ?", String.class, id))
                .isEqualTo(longest);
    }

    @Test
    void theUploadRequestLimitFollowsTheFileLimit() {
        // 20 MB per file (the default): 5 files + 1 MB of form fields
        assertThat(multipart.getMaxFileSize()).isEqualTo(20L * 1024 * 1024);
        assertThat(multipart.getMaxRequestSize()).isEqualTo(101L * 1024 * 1024);
    }

    /** Waits until a statement of the application waits for a lock (the uncommitted row of the unique index). */
    private void waitUntilBlocked(String table) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            Long waiting = jdbc.queryForObject("select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                    + " and query ilike ?", Long.class, "%insert into " + table + "%");
            if (waiting != null && waiting > 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the second insert never waited for the first");
    }

    private List<Integer> race(int n, java.util.function.IntFunction<MockHttpServletRequestBuilder> request)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<MockHttpServletResponse>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return perform(request.apply(index));
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<MockHttpServletResponse> f : futures) {
                MockHttpServletResponse response = f.get(60, TimeUnit.SECONDS);
                statuses.add(response.getStatus());
                if (response.getStatus() == 409) {
                    assertThat(alert(response)).isEqualTo(peerExists());
                }
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The page's alert, as read. */
    private static String alert(MockHttpServletResponse response) throws java.io.UnsupportedEncodingException {
        org.jsoup.nodes.Element alert = org.jsoup.Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8))
                .selectFirst(".alert-danger[role=alert]");
        return alert == null ? null : alert.text();
    }

    /** What the ranking page says when the name is already in its table. */
    private String peerExists() {
        return messageSource.getMessage("conflict.peerExists", null, java.util.Locale.forLanguageTag("vi"));
    }
}
