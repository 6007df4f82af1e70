package vn.parindex.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.web.util.UriComponentsBuilder;
import vn.parindex.system.InvalidInputException;

class ApiPageTest {

    static final List<Integer> ITEMS = IntStream.rangeClosed(1, 25).boxed().toList();

    static UriComponentsBuilder asked(String query) {
        return UriComponentsBuilder.fromUriString("http://host/api/v1/cycles/2023/criteria" + query);
    }

    @Test
    void aPageHoldsItsSliceOfTheListAndAPagePastTheLastIsEmpty() {
        assertThat(ApiPage.of(1, 10).of(ITEMS)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(ApiPage.of(3, 10).of(ITEMS)).containsExactly(21, 22, 23, 24, 25);
        assertThat(ApiPage.of(4, 10).of(ITEMS)).isEmpty();
        assertThat(ApiPage.of(1, ApiPage.MAX_SIZE).of(ITEMS)).isEqualTo(ITEMS);
        // a page number so large that page × size overflows an int is still just past the end
        assertThat(ApiPage.of(Integer.MAX_VALUE, ApiPage.MAX_SIZE).of(ITEMS)).isEmpty();
        assertThat(ApiPage.of(1, 10).lastPage(25)).isEqualTo(3);
        assertThat(ApiPage.of(1, 10).lastPage(0)).as("an empty list still has a first page").isEqualTo(1);
    }

    @Test
    void theHeadersGiveTheTotalAndTheOtherPagesKeepingWhatElseWasAsked() {
        HttpHeaders middle = ApiPage.of(2, 10).headers(asked("?page=2&size=10&x=y"), 25);
        assertThat(middle.getFirst("X-Total-Count")).isEqualTo("25");
        assertThat(middle.getFirst(HttpHeaders.LINK)).isEqualTo(String.join(", ",
                "<http://host/api/v1/cycles/2023/criteria?x=y&page=1&size=10>; rel=\"first\"",
                "<http://host/api/v1/cycles/2023/criteria?x=y&page=1&size=10>; rel=\"prev\"",
                "<http://host/api/v1/cycles/2023/criteria?x=y&page=3&size=10>; rel=\"next\"",
                "<http://host/api/v1/cycles/2023/criteria?x=y&page=3&size=10>; rel=\"last\""));
        String first = ApiPage.of(1, 100).headers(asked(""), 48).getFirst(HttpHeaders.LINK);
        assertThat(first).doesNotContain("rel=\"prev\"").doesNotContain("rel=\"next\"")
                .contains("?page=1&size=100>; rel=\"first\"").contains("?page=1&size=100>; rel=\"last\"");
        String beyond = ApiPage.of(9, 10).headers(asked("?page=9"), 25).getFirst(HttpHeaders.LINK);
        assertThat(beyond).as("past the end, prev leads back to the last page").contains("page=3&size=10>; rel=\"prev\"")
                .doesNotContain("rel=\"next\"");
    }

    @Test
    void aPageBelowOneOrASizeOutsideTheBoundsIsRefusedNamingTheParameter() {
        for (int[] bad : new int[][] {{0, 10}, {-1, 10}, {Integer.MIN_VALUE, 10}}) {
            assertThatThrownBy(() -> ApiPage.of(bad[0], bad[1])).isInstanceOf(InvalidInputException.class)
                    .extracting(e -> ((InvalidInputException) e).fieldErrors())
                    .isEqualTo(java.util.Map.of("page", "api.page.invalid"));
        }
        for (int size : new int[] {0, -5, ApiPage.MAX_SIZE + 1, Integer.MAX_VALUE}) {
            assertThatThrownBy(() -> ApiPage.of(1, size)).isInstanceOf(InvalidInputException.class)
                    .extracting(e -> ((InvalidInputException) e).fieldErrors())
                    .isEqualTo(java.util.Map.of("size", "api.size.invalid"));
        }
    }
}
