package vn.parindex.assessment;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;
import vn.parindex.assessment.DossierService.CriterionDossier;
import vn.parindex.assessment.DossierService.File;
import vn.parindex.assessment.DossierService.Item;

/**
 * The whole dossier as one .zip, ready for the province's scoring software: a folder per criterion code holding its
 * documents (named by the item they answer: {@code 1.1/01-ke-hoach.pdf}), and an index workbook
 * ({@code muc-luc.xlsx}) listing every expected document with its file, or none (and each file's number, date of
 * issue and summary, as the offices identify it), and the explanations. Documents are
 * streamed from the database slice by slice into the archive: never whole in memory.
 */
@Component
class DossierArchive {

    static final String INDEX = "muc-luc.xlsx";
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final EvidenceService evidence;

    DossierArchive(EvidenceService evidence) {
        this.evidence = evidence;
    }

    void write(DossierService.Overview overview, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet index = book.createSheet("Mục lục");
            row(index, 0, "STT", "Tiêu chí", "Tài liệu kiểm chứng", "Ghi chú", "Tệp trong hồ sơ", "Dung lượng (byte)",
                    "Mã kiểm tra (SHA-256)", "Người tải lên", "Thời gian tải lên", "Số/ký hiệu", "Ngày ban hành", "Trích yếu");
            Sheet explanations = book.createSheet("Giải trình");
            row(explanations, 0, "STT", "Tiêu chí", "Đủ hồ sơ", "Giải trình của cơ quan chủ trì", "Người giải trình");
            int r = 1;
            int e = 1;
            for (CriterionDossier d : overview.criteria()) {
                String folder = d.criterion().code() + "/";
                zip.putNextEntry(new ZipEntry(folder));
                zip.closeEntry();
                Set<String> names = new HashSet<>();
                for (Item item : d.items()) {
                    if (item.files().isEmpty()) {
                        row(index, r++, d.criterion().code(), d.criterion().name(), item.name(), orEmpty(item.note()),
                                "CHƯA CÓ", "", "", "", "");
                    }
                    for (File f : item.files()) {
                        String path = folder + unique(names, String.format(Locale.ROOT, "%02d-%s", item.position(),
                                f.fileName()));
                        copy(zip, path, f);
                        row(index, r++, d.criterion().code(), d.criterion().name(), item.name(), orEmpty(item.note()),
                                path, String.valueOf(f.sizeBytes()), f.sha256(), f.uploadedBy(), at(f),
                                orEmpty(f.documentNumber()), f.issuedOnText(), orEmpty(f.summary()));
                    }
                }
                for (File f : d.otherFiles()) {
                    String path = folder + unique(names, f.fileName());
                    copy(zip, path, f);
                    row(index, r++, d.criterion().code(), d.criterion().name(), "(không theo danh mục)", "", path,
                            String.valueOf(f.sizeBytes()), f.sha256(), f.uploadedBy(), at(f),
                            orEmpty(f.documentNumber()), f.issuedOnText(), orEmpty(f.summary()));
                }
                if (!d.complete() || d.explanation() != null) {
                    row(explanations, e++, d.criterion().code(), d.criterion().name(), d.complete() ? "Đủ" : "Chưa đủ",
                            d.explanation() == null ? "CHƯA CÓ GIẢI TRÌNH" : d.explanation().text(),
                            d.explanation() == null ? "" : d.explanation().by());
                }
            }
            for (int c = 0; c < 12; c++) {
                index.setColumnWidth(c, (c == 1 || c == 2 || c == 11 ? 40 : c == 4 ? 30 : c == 9 ? 20 : 16) * 256);
            }
            explanations.setColumnWidth(1, 40 * 256);
            explanations.setColumnWidth(3, 80 * 256);
            index.createFreezePane(0, 1);
            ByteArrayOutputStream workbook = new ByteArrayOutputStream();
            book.write(workbook);
            zip.putNextEntry(new ZipEntry(INDEX));
            workbook.writeTo(zip);
            zip.closeEntry();
        }
        zip.finish();
        zip.flush();
    }

    private void copy(ZipOutputStream zip, String path, File f) throws IOException {
        zip.putNextEntry(new ZipEntry(path));
        // the archive stays open between documents
        evidence.copyContent(f.id(), f.sizeBytes(), new FilterOutputStream(zip) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        });
        zip.closeEntry();
    }

    /** The name, or the name with " (2)", " (3)"… before its extension when already in the folder. */
    static String unique(Set<String> taken, String name) {
        String clean = name.replace('/', '_').replace('\\', '_');
        if (clean.isBlank() || clean.chars().allMatch(ch -> ch == '.')) {
            clean = "_";
        }
        String candidate = clean;
        int dot = clean.lastIndexOf('.');
        for (int n = 2; !taken.add(candidate.toLowerCase(Locale.ROOT)); n++) {
            candidate = dot > 0 ? clean.substring(0, dot) + " (" + n + ")" + clean.substring(dot) : clean + " (" + n + ")";
        }
        return candidate;
    }

    private static String at(File f) {
        return f.uploadedAt() == null ? "" : AT.format(f.uploadedAt().atZoneSameInstant(VIETNAM));
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    private static void row(Sheet sheet, int index, String... cells) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < cells.length; i++) {
            row.createCell(i).setCellValue(cells[i]);
        }
    }
}
