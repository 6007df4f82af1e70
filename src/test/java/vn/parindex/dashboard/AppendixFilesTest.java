package vn.parindex.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import vn.parindex.scoring.Figures;

/** How the appendix files write numbers, changes and text cells. */
class AppendixFilesTest {

    @Test
    void numbersKeepThePlansDecimals() {
        assertThat(AppendixFiles.decimals(new BigDecimal("12.2500"), 2, 4)).isEqualTo("12,25");
        assertThat(AppendixFiles.decimals(new BigDecimal("9.6419"), 2, 4)).isEqualTo("9,6419");
        assertThat(AppendixFiles.decimals(new BigDecimal("1.0000"), 2, 4)).isEqualTo("1,00");
        assertThat(AppendixFiles.decimals(new BigDecimal("100"), 2, 2)).isEqualTo("100,00");
        assertThat(AppendixFiles.decimals(null, 2, 4)).isEmpty();
        // scores in the CSV: the plan's 4 decimals, as the workbook's "0.0000" shows them
        assertThat(AppendixFiles.decimals(new BigDecimal("12.25"), 4, 4)).isEqualTo("12,2500");
        assertThat(AppendixFiles.decimals(new BigDecimal("0.07299"), 4, 4)).isEqualTo("0,0730");
    }

    @Test
    void csvFieldsAreQuotedAndNeverReadAsFormulas() {
        assertThat(AppendixFiles.quoted("Công tác chỉ đạo, điều hành")).isEqualTo("\"Công tác chỉ đạo, điều hành\"");
        assertThat(AppendixFiles.quoted("say \"x\"")).isEqualTo("\"say \"\"x\"\"\"");
        assertThat(AppendixFiles.quoted("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(AppendixFiles.quoted("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(AppendixFiles.quoted("+ 3")).isEqualTo("+ 3");
        assertThat(AppendixFiles.quoted("- 1")).isEqualTo("- 1");
    }

    @Test
    void theCsvIsByteForByteWhatTheHandWrittenWriterGave() throws Exception {
        AppendixSheet sheet = new AppendixSheet(2023, 2022, "Tân Yên", null, java.util.List.of(
                new AppendixSheet.Line(AppendixSheet.Kind.DOMAIN, "1", "Công tác chỉ đạo, điều hành", 1, d("14"),
                        d("9.6419"), d("12.25"), "+ 3", "Văn phòng", d("10"), d("2.25"), "đang làm"),
                new AppendixSheet.Line(AppendixSheet.Kind.CRITERION, "1.1", "Nói \"kế hoạch\"\nhai dòng", 2,
                        d("1"), null, null, "", "=CMD()", null, null, ""),
                new AppendixSheet.Line(AppendixSheet.Kind.TOTAL, "", "Tổng điểm", 0, d("100"), d("84.0256"),
                        d("92"), "+ 8", "", null, null, "")));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        AppendixFiles.csv(sheet, out);
        String text = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF" + String.join(",", sheet.headers()) + "\r\n");
        // byte for byte what the hand-written writer gave: quotes only where needed, CRLF, an empty cell as nothing
        assertThat(text.substring(text.indexOf("\r\n") + 2)).isEqualTo(
                "1,\"Công tác chỉ đạo, điều hành\",\"14,00\",\"9,6419\",\"12,2500\",+ 3,Văn phòng,\"10,0000\","
                        + "\"2,2500\",đang làm\r\n"
                        + "1.1,\"Nói \"\"kế hoạch\"\"\nhai dòng\",\"1,00\",,,,'=CMD(),,,\r\n"
                        + ",Tổng điểm,\"100,00\",\"84,0256\",\"92,0000\",+ 8,,,,\r\n");
    }

    @Test
    void theChangeIsThePlansOwnElseTheRoundedGain() {
        Figures f = new Figures(d("3"), d("1"), d("2.5"), null);
        assertThat(AppendixSheet.change(1, f)).isEqualTo("+ 1");
        assertThat(AppendixSheet.change(null, f)).isEqualTo("+ 2");
        assertThat(AppendixSheet.change(null, new Figures(d("3"), d("2.9"), d("2"), null))).isEqualTo("- 1");
        assertThat(AppendixSheet.change(null, new Figures(d("3"), null, d("2"), null))).isEmpty();
        assertThat(AppendixSheet.status(new Figures(d("3"), d("1"), d("2"), d("2")))).isEqualTo("Đạt mục tiêu");
        assertThat(AppendixSheet.status(new Figures(d("3"), d("1"), d("2"), d("1.5")))).isEqualTo("Chưa đạt mục tiêu");
    }

    static BigDecimal d(String v) {
        return new BigDecimal(v);
    }
}
