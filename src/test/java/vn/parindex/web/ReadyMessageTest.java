package vn.parindex.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReadyMessageTest {

    @Test
    void theAddressToOpenIsTheMachinesNameForLoopbackAndWildcardListeners() {
        assertThat(ReadyMessage.address(null, "8080", null)).isEqualTo("http://localhost:8080/");
        assertThat(ReadyMessage.address("127.0.0.1", "8080", "")).isEqualTo("http://localhost:8080/");
        assertThat(ReadyMessage.address("0.0.0.0", "9090", "/")).isEqualTo("http://localhost:9090/");
        assertThat(ReadyMessage.address("::1", "8080", null)).isEqualTo("http://localhost:8080/");
    }

    @Test
    void aNamedAddressAndAContextPathAreKept() {
        assertThat(ReadyMessage.address("10.0.0.5", "8080", "/cchc")).isEqualTo("http://10.0.0.5:8080/cchc/");
        assertThat(ReadyMessage.address("fe80::1", "8080", "cchc")).isEqualTo("http://[fe80::1]:8080/cchc/");
    }
}
