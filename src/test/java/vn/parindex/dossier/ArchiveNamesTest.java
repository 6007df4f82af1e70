package vn.parindex.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Names in the dossier's .zip that Windows extracts as they are. */
class ArchiveNamesTest {

    @Test
    void vietnameseLettersAreKeptComposed() {
        assertThat(ArchiveNames.safe("Kế hoạch cải cách hành chính năm 2023.pdf"))
                .isEqualTo("Kế hoạch cải cách hành chính năm 2023.pdf");
        String decomposed = Normalizer.normalize("Quyết định.pdf", Normalizer.Form.NFD);
        assertThat(ArchiveNames.safe(decomposed)).isEqualTo("Quyết định.pdf");
        assertThat(ArchiveNames.safe("Đề án ĐƯỢC duyệt.docx")).isEqualTo("Đề án ĐƯỢC duyệt.docx");
    }

    @Test
    void charactersWindowsRefusesAreReplaced() {
        assertThat(ArchiveNames.safe("a:b?c*.pdf")).isEqualTo("a_b_c_.pdf");
        assertThat(ArchiveNames.safe("<x> \"y\" | z/w\\v.pdf")).isEqualTo("_x_ _y_ _ z_w_v.pdf");
        assertThat(ArchiveNames.safe("tab\there\u0000nul\u001fus\u007fdel\u0085.pdf")).isEqualTo("tab_here_nul_us_del_.pdf");
        // a right-to-left override would show "fdp.exe" as "exe.pdf"
        assertThat(ArchiveNames.safe("bao-cao\u202Efdp.exe")).isEqualTo("bao-cao_fdp.exe");
        assertThat(ArchiveNames.safe("line\u2028break.pdf")).isEqualTo("line_break.pdf");
    }

    @Test
    void noTrailingDotOrSpaceAndNeverEmpty() {
        assertThat(ArchiveNames.safe("bao-cao.pdf. . ")).isEqualTo("bao-cao.pdf");
        assertThat(ArchiveNames.safe("  ten.pdf")).isEqualTo("ten.pdf");
        assertThat(ArchiveNames.safe("1.1.")).isEqualTo("1.1");
        assertThat(ArchiveNames.safe("..")).isEqualTo("_");
        assertThat(ArchiveNames.safe(".")).isEqualTo("_");
        assertThat(ArchiveNames.safe("")).isEqualTo("_");
        assertThat(ArchiveNames.safe(null)).isEqualTo("_");
        assertThat(ArchiveNames.safe("   ")).isEqualTo("_");
    }

    @Test
    void deviceNamesAreNotNamesOfFiles() {
        assertThat(ArchiveNames.safe("CON.pdf")).isEqualTo("_CON.pdf");
        assertThat(ArchiveNames.safe("con")).isEqualTo("_con");
        assertThat(ArchiveNames.safe("Nul.tar.gz")).isEqualTo("_Nul.tar.gz");
        assertThat(ArchiveNames.safe("aux .txt")).isEqualTo("_aux .txt");
        assertThat(ArchiveNames.safe("COM1.docx")).isEqualTo("_COM1.docx");
        assertThat(ArchiveNames.safe("lpt9")).isEqualTo("_lpt9");
        assertThat(ArchiveNames.safe("PRN.")).isEqualTo("_PRN");
        assertThat(ArchiveNames.safe("COM²")).isEqualTo("_COM²");
        // names that merely begin like one are fine
        assertThat(ArchiveNames.safe("CONG-VAN.pdf")).isEqualTo("CONG-VAN.pdf");
        assertThat(ArchiveNames.safe("COM10.pdf")).isEqualTo("COM10.pdf");
        assertThat(ArchiveNames.safe("01-CON.pdf")).isEqualTo("01-CON.pdf");
    }

    @Test
    void longNamesAreCutKeepingTheExtension() {
        String name = "Báo cáo kết quả thực hiện nhiệm vụ ".repeat(10) + ".pdf";
        String safe = ArchiveNames.safe(name);
        assertThat(safe.length()).isBetween(ArchiveNames.MAX_LENGTH - 10, ArchiveNames.MAX_LENGTH);
        assertThat(safe).startsWith("Báo cáo kết quả").endsWith(".pdf").doesNotEndWith(" .pdf");
        String emoji = "😀".repeat(60) + ".pdf";
        String cut = ArchiveNames.safe(emoji);
        assertThat(cut.length()).isLessThanOrEqualTo(ArchiveNames.MAX_LENGTH);
        assertThat(cut).endsWith(".pdf").doesNotContain("\uFFFD");
        assertThat(cut.codePoints().filter(cp -> cp >= 0xD800 && cp <= 0xDFFF)).isEmpty();
        String noExtension = "x".repeat(300);
        assertThat(ArchiveNames.safe(noExtension)).hasSize(ArchiveNames.MAX_LENGTH);
        String longExtension = "a." + "b".repeat(200);
        assertThat(ArchiveNames.safe(longExtension)).hasSize(ArchiveNames.MAX_LENGTH).startsWith("a.b");
    }

    @Test
    void aNameIsGivenOncePerFolderWhateverItsCase() {
        ArchiveNames names = new ArchiveNames();
        assertThat(names.file("", "muc-luc.xlsx")).isEqualTo("muc-luc.xlsx");
        assertThat(names.file("", "MUC-LUC.xlsx")).isEqualTo("MUC-LUC (2).xlsx");
        String folder = names.folder("1.1");
        assertThat(folder).isEqualTo("1.1");
        assertThat(names.folder("1.1")).isEqualTo("1.1 (2)");
        assertThat(names.file(folder, "Kế hoạch.pdf")).isEqualTo("1.1/Kế hoạch.pdf");
        assertThat(names.file(folder, "KẾ HOẠCH.pdf")).isEqualTo("1.1/KẾ HOẠCH (2).pdf");
        assertThat(names.file(folder, "kế hoạch.pdf")).isEqualTo("1.1/kế hoạch (3).pdf");
        // two names made the same by the replacements
        assertThat(names.file(folder, "a:b.pdf")).isEqualTo("1.1/a_b.pdf");
        assertThat(names.file(folder, "a?b.pdf")).isEqualTo("1.1/a_b (2).pdf");
        assertThat(names.file("2.1", "Kế hoạch.pdf")).isEqualTo("2.1/Kế hoạch.pdf");
        assertThat(names.file(folder, "README")).isEqualTo("1.1/README");
        assertThat(names.file(folder, "readme")).isEqualTo("1.1/readme (2)");
    }

    @Test
    void aLongNameMadeUniqueStaysWithinTheLimit() {
        Set<String> taken = new HashSet<>();
        String name = ArchiveNames.safe("T".repeat(200) + ".pdf");
        assertThat(ArchiveNames.unique(taken, name, true)).isEqualTo(name);
        String second = ArchiveNames.unique(taken, name, true);
        assertThat(second).hasSize(ArchiveNames.MAX_LENGTH).endsWith("T (2).pdf");
        for (int i = 3; i <= 12; i++) {
            assertThat(ArchiveNames.unique(taken, name, true)).hasSizeLessThanOrEqualTo(ArchiveNames.MAX_LENGTH)
                    .endsWith(" (" + i + ").pdf");
        }
        assertThat(taken).hasSize(12);
    }
}
