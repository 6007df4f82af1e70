package vn.parindex.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;
import static vn.parindex.security.WebSliceSecurity.as;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import vn.parindex.security.Role;
import vn.parindex.security.WebSliceSecurity;
import vn.parindex.system.BusyException;
import vn.parindex.support.ControllerSlice;

/**
 * The backup page and download without a database ({@code @WebMvcTest}: this controller and the application's
 * security rules; the services stand-ins): only Home Affairs sees the page, the others are refused before the
 * controller; the API asks for credentials with a problem document; while another backup is being written the API
 * answers 429 with Retry-After.
 */
@ControllerSlice
class BackupControllerSliceTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    BackupService backups;

    @Autowired
    NightlyBackups nightly;

    @BeforeEach
    void twoNightlyFiles() throws Exception {
        when(nightly.directory()).thenReturn(Optional.of(Path.of("/var/lib/parindex/backups")));
        when(nightly.keep()).thenReturn(14);
        when(nightly.list()).thenReturn(List.of(
                new StoredBackup("parindex-2023-06-08.zip", 2_048_000, Instant.parse("2023-06-08T19:00:00Z")),
                new StoredBackup("parindex-2023-06-07.zip", 2_040_000, Instant.parse("2023-06-07T19:00:00Z"))));
        when(backups.newFileName()).thenReturn("parindex-2023-06-09.zip");
    }

    @Test
    void homeAffairsSeesThePageWithTheNightlyFiles() throws Exception {
        String html = mvc.perform(get("/admin/backup").with(as(Role.ADMIN, null))).andExpect(status().isOk())
                .andExpect(view().name("backup/backup")).andExpect(model().attribute("nightly", true))
                .andExpect(model().attribute("keep", 14))
                .andExpect(model().attribute("directory", "/var/lib/parindex/backups"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Document page = Jsoup.parse(html);
        assertThat(page.select("form[action$='/admin/backup/download']")).hasSize(1);
        assertThat(page.select("form[action$='/admin/backup/download'] input[name=_csrf]")).hasSize(1);
        assertThat(html).contains("parindex-2023-06-08.zip", "parindex-2023-06-07.zip");
    }

    @Test
    void theOtherRolesAreRefusedAndNoOneSignedInIsSentToTheLoginPage() throws Exception {
        mvc.perform(get("/admin/backup").with(as(Role.LEADER, null))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/backup").with(as(Role.UNIT_HEAD, "TUPHAP"))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/backup")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        verify(nightly, never()).list();
    }

    @Test
    void theApiAsksForCredentialsWithAProblemDocument() throws Exception {
        mvc.perform(get("/api/v1/backup")).andExpect(status().isUnauthorized())
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith(
                        "application/problem+json")));
        verify(backups, never()).download(any(), anyString(), any());
    }

    @Test
    void whileAnotherBackupIsWrittenTheApiAnswers429WithRetryAfter() throws Exception {
        when(backups.download(any(), anyString(), any())).thenThrow(new BusyException("backup.busy", 30));
        mvc.perform(get("/api/v1/backup").with(as(Role.ADMIN, null))).andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "30"))
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith(
                        "application/problem+json")));
    }
}
