package vn.parindex.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 4180 as the plan importer reads it, case by case (no Spring): fields, line endings, line numbers, errors. */
class CsvTableRulesTest {

    static CsvTable read(String text) throws IOException {
        return CsvTable.read(new StringReader(text));
    }

    /** The fields of the first row after the header "h". */
    static List<String> row(String line) throws IOException {
        return read("h\n" + line + "\n").rows().get(0).fields();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\u0000', ignoreLeadingAndTrailingWhitespace = false, value = {
            "a,b,c|a;b;c",
            "a,,c|a;;c",
            "\"a,b\",c|a,b;c",
            "\"say \"\"hi\"\"\",x|say \"hi\";x",
            "\"\",x|;x",
            " a , b |' a ';' b '",
            "a\"b,c|a\"b;c",
            "\"a\"b,c|ab;c"})
    void fieldsAreSplitByRfc4180(String line, String expected) throws IOException {
        List<String> wanted = List.of(expected.split(";", -1)).stream()
                .map(f -> f.startsWith("'") && f.endsWith("'") ? f.substring(1, f.length() - 1) : f).toList();
        assertThat(row(line)).isEqualTo(wanted);
    }

    @ParameterizedTest(name = "line ending {0}")
    @ValueSource(strings = {"\n", "\r\n", "\r"})
    void everyLineEndingEndsARecordAndCountsOneLine(String end) throws IOException {
        CsvTable table = read("a,b" + end + "1,2" + end + "3,4" + end);
        assertThat(table.header()).containsExactly("a", "b");
        assertThat(table.rows()).extracting(CsvTable.Row::line).containsExactly(2, 3);
        assertThat(table.rows().get(1).fields()).containsExactly("3", "4");
    }

    @Test
    void theLastRecordNeedsNoLineEnd() throws IOException {
        assertThat(read("a\n1").rows()).singleElement().extracting(CsvTable.Row::fields).isEqualTo(List.of("1"));
    }

    @Test
    void aLineBreakInsideQuotesStaysInTheFieldAndLaterLinesAreCountedRight() throws IOException {
        CsvTable table = read("a,b\n\"one\ntwo\nthree\",x\nlast,y\n");
        assertThat(table.rows().get(0).fields()).containsExactly("one\ntwo\nthree", "x");
        assertThat(table.rows().get(0).line()).isEqualTo(2);
        assertThat(table.rows().get(1).line()).isEqualTo(5);
    }

    @Test
    void blankRecordsAreSkippedButCounted() throws IOException {
        CsvTable table = read("a,b\n\n , \n,\n1,2\n");
        assertThat(table.rows()).singleElement().extracting(CsvTable.Row::line).isEqualTo(5);
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstHeader() throws IOException {
        CsvTable table = read("\uFEFFstt,ten\n1,x\n");
        assertThat(table.header().get(0)).isEqualTo("stt");
        assertThat(table.columnIndex()).containsEntry("stt", 0).containsEntry("ten", 1);
    }

    @Test
    void columnNamesAreTrimmedLowerCasedAndTheFirstOfTwoWins() throws IOException {
        CsvTable table = read(" STT ,Ten,stt\n");
        assertThat(table.columnIndex()).containsExactly(java.util.Map.entry("stt", 0), java.util.Map.entry("ten", 1));
    }

    @Test
    void anEmptyInputHasNoHeaderAndNoRows() throws IOException {
        CsvTable table = read("");
        assertThat(table.header()).isEmpty();
        assertThat(table.rows()).isEmpty();
        assertThat(read("\n\n").header()).isEmpty();
    }

    @Test
    void anUnterminatedQuoteIsAnErrorNamingItsLine() {
        assertThatIOException().isThrownBy(() -> read("a\n1\n\"never closed\n2\n"))
                .withMessageContaining("line 3");
    }

    @Test
    void rowsOfDifferentLengthsAreKeptForTheParserToJudge() throws IOException {
        CsvTable table = read("a,b,c\n1\n1,2,3,4\n");
        assertThat(table.rows()).extracting(r -> r.fields().size()).containsExactly(1, 4);
    }

    @Test
    void moreFieldsThanAllowedIsAnErrorNamingTheLine() throws IOException {
        assertThat(CsvTable.read(new StringReader("a,b,c\n1,2,3\n"), 10, 3).rows()).hasSize(1);
        assertThatIOException().isThrownBy(() -> CsvTable.read(new StringReader("a,b,c\n1,2,3\n\n1,2,3,4\n"), 10, 3))
                .withMessageContaining("dòng 4").withMessageContaining("3 cột");
    }

    @Test
    void moreRecordsThanAllowedIsAnErrorAndBlankLinesDoNotCount() throws IOException {
        assertThat(CsvTable.read(new StringReader("h\n1\n\n\n2\n"), 3, 10).rows()).hasSize(2);
        assertThatIOException().isThrownBy(() -> CsvTable.read(new StringReader("h\n1\n2\n3\n"), 3, 10))
                .withMessageContaining("2 dòng");
    }

    @Test
    void aCharacterThatIsNotUtf8StaysTheReadersError() {
        java.io.Reader broken = new java.io.InputStreamReader(new java.io.ByteArrayInputStream(
                new byte[] {'a', '\n', (byte) 0xC3, '(', '\n'}), java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT));
        assertThatIOException().isThrownBy(() -> CsvTable.read(broken))
                .isInstanceOf(java.nio.charset.CharacterCodingException.class);
    }
}
