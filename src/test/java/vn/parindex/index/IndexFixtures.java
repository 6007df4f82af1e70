package vn.parindex.index;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.nio.charset.StandardCharsets;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** What the index's tests share: a level's framework of two domains and three criteria, out of 100, and its import. */
final class IndexFixtures {

    static final String FRAMEWORK = """
            stt,ten,diem_toi_da
            1,Lĩnh vực một,40
            1.1,Tiêu chí một,25
            1.2,Tiêu chí hai,15
            2,Lĩnh vực hai,60
            2.1,Tiêu chí ba,60
            """;

    private IndexFixtures() {
    }

    /** The table imported as the level's framework of the year by this account (written, not a dry run). */
    static ResultActions importFramework(MockMvc mvc, String table, int year, String level, String user)
            throws Exception {
        return mvc.perform(multipart("/api/v1/imports")
                .file(new MockMultipartFile("file", "khung.csv", "text/csv", table.getBytes(StandardCharsets.UTF_8)))
                .param("kind", "framework").param("year", String.valueOf(year)).param("level", level)
                .param("dryRun", "false").with(httpBasic(user, "demo")));
    }
}
