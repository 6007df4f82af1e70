package vn.parindex.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import vn.parindex.criteria.CriteriaCatalog;
import vn.parindex.criteria.CriterionView;
import vn.parindex.support.StatementCounter;
import vn.parindex.support.WorkflowTest;

/**
 * The appendix files kept per data revision ({@link AppendixBytes}): the same bytes while nothing changes, nothing
 * read to send them again, and a change (even with plain SQL) in the next download, workbook and CSV alike.
 */
@WorkflowTest
class AppendixKeptTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CriteriaCatalog catalog;

    @Autowired
    StatementCounter statements;

    byte[] download(String path) throws Exception {
        return mvc.perform(get(path).with(httpBasic("lanhdao", "demo"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsByteArray();
    }

    static String namesOf(byte[] xlsx) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            StringBuilder names = new StringBuilder();
            book.getSheetAt(0).forEach(row -> {
                if (row.getCell(1) != null) {
                    names.append(row.getCell(1).toString()).append('\n');
                }
            });
            return names.toString();
        }
    }

    @Test
    void theSameBytesUntilAWriteThenTheChange() throws Exception {
        CriterionView criterion = catalog.criterion(2023, "2.2").orElseThrow();
        String renamed = criterion.name() + " (đổi tên)";
        byte[] csv = download("/api/v1/cycles/2023/appendix.csv");
        byte[] xlsx = download("/api/v1/cycles/2023/appendix.xlsx");
        byte[] unitXlsx = download("/api/v1/cycles/2023/units/TUPHAP/criteria.xlsx");
        statements.reset();
        assertThat(download("/api/v1/cycles/2023/appendix.xlsx")).isEqualTo(xlsx);
        assertThat(download("/api/v1/cycles/2023/appendix.csv")).isEqualTo(csv);
        assertThat(statements.sql()).as("kept: no criterion read again").noneMatch(sql -> sql.contains("criterion"));
        assertThat(download("/api/v1/cycles/2023/units/TUPHAP/criteria.xlsx")).as("a unit's is kept apart")
                .isEqualTo(unitXlsx).isNotEqualTo(xlsx);

        jdbc.update("update criterion set name = ? where id = ?", renamed, criterion.id());
        try {
            assertThat(new String(download("/api/v1/cycles/2023/appendix.csv"), StandardCharsets.UTF_8))
                    .contains(renamed);
            assertThat(namesOf(download("/api/v1/cycles/2023/appendix.xlsx"))).contains(renamed);
        } finally {
            jdbc.update("update criterion set name = ? where id = ?", criterion.name(), criterion.id());
        }
        assertThat(namesOf(download("/api/v1/cycles/2023/appendix.xlsx"))).doesNotContain(renamed)
                .contains(criterion.name());
    }
}
