package vn.parindex.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTableTest {

    @Test
    void readsQuotedFieldsWithCommasQuotesAndLineBreaks() throws Exception {
        String csv = "\uFEFFstt,ten,diem\r\n"
                + "1,\"Công tác chỉ đạo, điều hành\",\"14,00\"\r\n"
                + "1.1,\"Nói \"\"kế hoạch\"\"\nhai dòng\",3\n"
                + "\n"
                + "1.2,,\"2,5\"";
        CsvTable table = CsvTable.read(new StringReader(csv));
        assertThat(table.header()).containsExactly("stt", "ten", "diem");
        assertThat(table.rows()).hasSize(3);
        assertThat(table.rows().get(0).fields()).containsExactly("1", "Công tác chỉ đạo, điều hành", "14,00");
        assertThat(table.rows().get(0).line()).isEqualTo(2);
        assertThat(table.rows().get(1).fields()).containsExactly("1.1", "Nói \"kế hoạch\"\nhai dòng", "3");
        assertThat(table.rows().get(1).line()).isEqualTo(3);
        assertThat(table.rows().get(2).line()).isEqualTo(6);
        assertThat(table.rows().get(2).fields()).isEqualTo(List.of("1.2", "", "2,5"));
        assertThat(table.columnIndex()).containsEntry("diem", 2);
    }

    @Test
    void emptyInputHasNoHeader() throws Exception {
        assertThat(CsvTable.read(new StringReader("")).header()).isEmpty();
    }

    @Test
    void unterminatedQuoteIsAnError() {
        assertThatIOException().isThrownBy(() -> CsvTable.read(new StringReader("a,b\n1,\"open\n")))
                .withMessageContaining("line 2");
    }
}
