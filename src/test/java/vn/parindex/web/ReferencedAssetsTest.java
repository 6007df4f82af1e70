package vn.parindex.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import vn.parindex.support.IntegrationTest;

/**
 * Every script, style sheet and image a template names under {@code /assets} or {@code /webjars} is served, to
 * anyone (the login page's too), with content: a page never asks for a file that is not there (issue 25's chart
 * script once was not).
 */
@IntegrationTest
class ReferencedAssetsTest {

    /** A link expression of a template naming a static file: {@code @{/assets/js/x.js}}, {@code @{/webjars/…}}. */
    private static final Pattern STATIC = Pattern.compile("@\\{(/(?:assets|webjars)/[^}(?'\"]+)");

    @Autowired
    MockMvc mvc;

    @Test
    void everyStaticFileATemplateNamesIsServed() throws Exception {
        Set<String> named = new TreeSet<>();
        for (Resource template : new PathMatchingResourcePatternResolver()
                .getResources("classpath*:templates/**/*.html")) {
            Matcher m = STATIC.matcher(template.getContentAsString(StandardCharsets.UTF_8));
            while (m.find()) {
                named.add(m.group(1));
            }
        }
        // the layout's own files and the index's chart among them: the scan reads the templates
        assertThat(named).contains("/assets/js/index-chart.js", "/webjars/chart.js/dist/chart.umd.min.js");
        for (String path : named) {
            MvcResult answer = mvc.perform(get(path)).andReturn();
            assertThat(answer.getResponse().getStatus()).as(path).isEqualTo(200);
            assertThat(answer.getResponse().getContentAsByteArray()).as(path).isNotEmpty();
        }
        // and the check can fail: a file that is not there is not served
        assertThat(mvc.perform(get("/assets/js/no-such-file.js")).andReturn().getResponse().getStatus())
                .isEqualTo(404);
    }
}
