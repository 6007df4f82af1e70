package vn.parindex.imports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A workbook's number cells read back as the decimals they stand for. */
class SheetNumbersTest {

    @Test
    void storedNumbersReadAsPlainDecimals() {
        assertThat(SheetReader.number("9.6419")).isEqualTo("9.6419");
        assertThat(SheetReader.number("5.0E-4")).isEqualTo("0.0005");
        assertThat(SheetReader.number("9.6419000000000001")).isEqualTo("9.6419");
        assertThat(SheetReader.number("12")).isEqualTo("12");
        assertThat(SheetReader.number("1E+2")).isEqualTo("100");
        // far out of range or no number: left for the score check to refuse
        assertThat(SheetReader.number("1E+999999999")).isEqualTo("1E+999999999");
        assertThat(SheetReader.number("abc")).isEqualTo("abc");
    }
}
