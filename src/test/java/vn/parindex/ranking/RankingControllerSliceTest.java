package vn.parindex.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;
import static vn.parindex.security.WebSliceSecurity.as;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import vn.parindex.criteria.Cycle;
import vn.parindex.criteria.CycleStatus;
import vn.parindex.criteria.KeptCycles;
import vn.parindex.criteria.WebSliceCycles;
import vn.parindex.security.CurrentUser;
import vn.parindex.security.Role;
import vn.parindex.security.WebSliceSecurity;
import vn.parindex.support.ControllerSlice;

/**
 * The ranking page's binding and authorization without a database ({@code @WebMvcTest}: the controller, the
 * application's security rules, the year's resolver; the service a stand-in): everyone signed in reads the table,
 * only Home Affairs writes it, with a CSRF token; a malformed year is 400, an unknown one 404. Only this controller
 * and what {@link WebSliceSecurity} and {@link WebSliceCycles} bring: no page cache, no database.
 */
@ControllerSlice
class RankingControllerSliceTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    RankingService ranking;

    @Autowired
    KeptCycles cycles;

    final Cycle year2023 = WebSliceCycles.cycle(7, 2023, CycleStatus.ACTIVE);

    @BeforeEach
    void oneYear() {
        when(cycles.byYear(2023)).thenReturn(Optional.of(year2023));
        when(cycles.byYear(2031)).thenReturn(Optional.empty());
        when(cycles.current()).thenReturn(Optional.of(year2023));
        when(ranking.peers(7)).thenReturn(List.of());
    }

    @Test
    void everyRoleReadsTheTableOfTheAddressesYear() throws Exception {
        for (Role role : Role.values()) {
            mvc.perform(get("/cycles/2023/ranking").with(as(role, role == Role.UNIT_HEAD ? "TUPHAP" : null)))
                    .andExpect(status().isOk()).andExpect(view().name("ranking/ranking"))
                    .andExpect(model().attribute("cycle", year2023))
                    .andExpect(model().attribute("peers", List.of()));
        }
        verify(ranking, org.mockito.Mockito.times(Role.values().length)).peers(7);
    }

    @Test
    void theNavigationBarsLinkGoesToTheCurrentYear() throws Exception {
        mvc.perform(get("/ranking").with(as(Role.LEADER, null))).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/cycles/2023/ranking"));
    }

    @Test
    void noOneSignedInIsSentToTheLoginPage() throws Exception {
        mvc.perform(get("/cycles/2023/ranking")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
        mvc.perform(post("/cycles/2023/ranking").with(csrf()).param("district", "Huyện A").param("total", "90,1"))
                .andExpect(status().is3xxRedirection());
        verify(ranking, never()).add(any(), anyLong(), anyString(), anyString());
    }

    @Test
    void aMalformedYearIs400AndAnUnknownOne404() throws Exception {
        for (String year : List.of("abc", "20233", "2023.5", "-1", "%20")) {
            mvc.perform(get("/cycles/" + year + "/ranking").with(as(Role.LEADER, null)))
                    .andExpect(status().isBadRequest());
        }
        mvc.perform(get("/cycles/2031/ranking").with(as(Role.LEADER, null))).andExpect(status().isNotFound());
        mvc.perform(get("/ranking").param("year", "x").with(as(Role.LEADER, null)))
                .andExpect(status().isBadRequest());
        verify(ranking, never()).peers(anyLong());
    }

    @Test
    void onlyHomeAffairsWritesTheTableAndOnlyWithTheFormsToken() throws Exception {
        for (Role role : List.of(Role.UNIT_HEAD, Role.LEADER)) {
            mvc.perform(post("/cycles/2023/ranking").with(as(role, role == Role.UNIT_HEAD ? "TUPHAP" : null))
                    .with(csrf()).param("district", "Huyện A").param("total", "90,1"))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/cycles/2023/ranking/5/delete").with(as(role, role == Role.UNIT_HEAD ? "TUPHAP" : null))
                    .with(csrf()).param("version", "0")).andExpect(status().isForbidden());
        }
        // Home Affairs without the form's token
        mvc.perform(post("/cycles/2023/ranking").with(as(Role.ADMIN, null)).param("district", "Huyện A")
                .param("total", "90,1")).andExpect(status().isForbidden());
        verify(ranking, never()).add(any(), anyLong(), anyString(), anyString());
        verify(ranking, never()).remove(any(), anyLong(), any());

        mvc.perform(post("/cycles/2023/ranking").with(as(Role.ADMIN, null)).with(csrf())
                .param("district", "Huyện A").param("total", "90,1")).andExpect(status().is3xxRedirection());
        var who = org.mockito.ArgumentCaptor.forClass(CurrentUser.class);
        verify(ranking).add(who.capture(), eq(7L), eq("Huyện A"), eq("90,1"));
        assertThat(who.getValue().role()).isEqualTo(Role.ADMIN);
    }
}
