package vn.parindex.organisation;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import vn.parindex.security.Role;
import vn.parindex.support.ControllerSlice;

/**
 * The units page without a database ({@link ControllerSlice}): only Home Affairs reaches it (the others are refused
 * before the controller, the service is never asked); a unit's id that is not a number is a 400; a write needs the
 * form's token; the form's values reach the service as typed.
 */
@ControllerSlice
class UnitAdminControllerSliceTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UnitAdminService units;

    @Test
    void homeAffairsSeesThePageTheOthersAreRefused() throws Exception {
        when(units.all()).thenReturn(List.of());
        mvc.perform(get("/admin/units").with(as(Role.ADMIN, null))).andExpect(status().isOk())
                .andExpect(view().name("organisation/units"))
                .andExpect(model().attribute("kinds", UnitKind.values()));
        mvc.perform(get("/admin/units").with(as(Role.LEADER, null))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/units").with(as(Role.UNIT_HEAD, "TUPHAP"))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/units")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        verify(units).all();
    }

    @Test
    void writesAreHomeAffairsOnlyAndNeedTheFormsToken() throws Exception {
        mvc.perform(post("/admin/units").with(as(Role.UNIT_HEAD, "TUPHAP")).with(csrf()).param("code", "XA_MOI")
                .param("name", "Xã Mới").param("kind", "COMMUNE")).andExpect(status().isForbidden());
        mvc.perform(post("/admin/units").with(as(Role.LEADER, null)).with(csrf()).param("code", "XA_MOI")
                .param("name", "Xã Mới").param("kind", "COMMUNE")).andExpect(status().isForbidden());
        mvc.perform(post("/admin/units").with(as(Role.ADMIN, null)).param("code", "XA_MOI")
                .param("name", "Xã Mới").param("kind", "COMMUNE")).andExpect(status().isForbidden());
        mvc.perform(post("/admin/units/5").with(as(Role.UNIT_HEAD, "TUPHAP")).with(csrf()).param("name", "X")
                .param("active", "true").param("version", "0")).andExpect(status().isForbidden());
        verify(units, never()).create(any(), anyString(), anyString(), any());
        verify(units, never()).update(any(), anyLong(), anyString(), anyBoolean(), any());

        mvc.perform(post("/admin/units").with(as(Role.ADMIN, null)).with(csrf()).param("code", "XA_MOI")
                .param("name", "Xã Mới").param("kind", "COMMUNE")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/admin/units"));
        verify(units).create(any(), eq("XA_MOI"), eq("Xã Mới"), eq(UnitKind.COMMUNE));
        mvc.perform(post("/admin/units/5").with(as(Role.ADMIN, null)).with(csrf()).param("name", "Phòng Mới")
                .param("active", "true").param("version", "3")).andExpect(status().is3xxRedirection());
        verify(units).update(any(), eq(5L), eq("Phòng Mới"), eq(true), eq(3L));
    }

    @Test
    void aUnitsIdThatIsNotANumberIs400AndTheServiceIsNotAsked() throws Exception {
        for (String id : List.of("abc", "1.5", "99999999999999999999")) {
            mvc.perform(post("/admin/units/" + id).with(as(Role.ADMIN, null)).with(csrf()).param("name", "X")
                    .param("active", "true").param("version", "0")).andExpect(status().isBadRequest());
        }
        verify(units, never()).update(any(), anyLong(), any(), anyBoolean(), any());
    }
}
