package vn.parindex.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import jakarta.servlet.RequestDispatcher;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import vn.parindex.security.AppUserRepository;
import vn.parindex.support.IntegrationTest;
import vn.parindex.support.SignedIn;

/** One error template: each status its own title and text (from the message bundles), any other the generic one. */
@IntegrationTest
class ErrorPageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    AppUserRepository users;

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            403 | Không có quyền | Tài khoản của bạn không có quyền xem hoặc thay đổi nội dung này.
            404 | Không tìm thấy | Không tìm thấy trang hoặc dữ liệu cần xem.
            409 | Dữ liệu vừa được người khác cập nhật | Không thực hiện được yêu cầu.
            413 | Nội dung quá lớn | Nội dung gửi lên (văn bản hoặc tệp) vượt quá giới hạn cho phép
            500 | Đã có lỗi | Phần mềm gặp lỗi khi xử lý yêu cầu.
            503 | Cơ sở dữ liệu tạm thời không truy cập được | Vui lòng thử lại sau ít giây.
            400 | Đã có lỗi | Không thực hiện được yêu cầu.
            405 | Đã có lỗi | Không thực hiện được yêu cầu.
            """)
    void eachStatusHasItsTitleAndText(int status, String title, String text) throws Exception {
        String page = mvc.perform(get("/error").requestAttr(RequestDispatcher.ERROR_STATUS_CODE, status)
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/somewhere").accept(MediaType.TEXT_HTML)
                        .with(SignedIn.as(users, "lanhdao")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("<title>" + title + "</title>", "<h1 class=\"h3\">" + title + "</h1>", text,
                "Về trang tổng quan");
    }

    @ParameterizedTest
    @CsvSource({"/units/KHONGCO, 404, Không tìm thấy", "/admin/users, 403, Không có quyền"})
    void pagesAnswerWithIt(String path, int status, String title) throws Exception {
        var response = mvc.perform(get(path).accept(MediaType.TEXT_HTML).with(SignedIn.as(users, "tuphap")))
                .andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(status);
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        // MockMvc does not forward a sendError to /error (the test above renders that); an advice's page it shows
        if (!body.isEmpty()) {
            assertThat(body).contains("<title>" + title + "</title>");
        }
    }
}
