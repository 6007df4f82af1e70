package vn.parindex.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import vn.parindex.security.AppUserRepository;
import vn.parindex.support.IntegrationTest;
import vn.parindex.support.SignedIn;

/**
 * A dossier without a document list says so, and only Home Affairs is offered to set it up, the others are told who
 * does (issue 22). On the shared read-only database, where no test leaves a listed document (the workflow database
 * holds those of {@code DossierIntegrationTest} and others, whichever order the classes run in). It writes nothing:
 * the history is append-only and this database's account tests remove every account. What a list changes is
 * checked in {@code DossierIntegrationTest}.
 */
@IntegrationTest
class EmptyDossierTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    AppUserRepository users;

    @Autowired
    JdbcTemplate jdbc;

    Document page(String user, String path) throws Exception {
        return SignedIn.page(mvc, users, user, path);
    }

    @Test
    void theDossierWithoutAListSaysSoAndOnlyHomeAffairsGetsTheLinkToSetItUp() throws Exception {
        assertThat(jdbc.queryForObject("select count(*) from evidence_item", Long.class)).isZero();
        Document admin = page("noivu", "/cycles/2023/dossier");
        assertThat(admin.select("#no-checklist")).hasSize(1);
        String link = admin.select("#no-checklist a#set-up-checklist").attr("href");
        assertThat(link).matches("/cycles/2023/criteria/[0-9.]+/dossier");
        for (String reader : List.of("lanhdao", "tuphap")) {
            Document page = page(reader, "/cycles/2023/dossier");
            assertThat(page.select("#no-checklist")).as(reader).hasSize(1);
            assertThat(page.select("#no-checklist a")).as(reader).isEmpty();
            // nothing counted against a list that does not exist
            assertThat(page.select("#dossier-domains td, #dossier-units td, #dossier-criteria td").eachText())
                    .as(reader).doesNotContain("0/0");
        }
        // a criterion's page: the form to list documents for Home Affairs only
        String code = link.split("/")[4];
        Document own = page("noivu", link);
        assertThat(own.select("#no-items")).hasSize(1);
        assertThat(own.select("#item-form")).hasSize(1);
        Document unit = page("tuphap", link);
        assertThat(unit.select("#no-items")).hasSize(1);
        assertThat(unit.select("#item-form")).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from evidence_item", Long.class)).isZero();
    }
}
