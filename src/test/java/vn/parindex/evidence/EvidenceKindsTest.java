package vn.parindex.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.parindex.evidence.EvidenceTypes.Kind;

/**
 * Every accepted kind of evidence is recognised from its bytes under each of its extensions, and refused under any
 * other kind's extension or when its content is something else (no Spring, files in a temporary directory).
 */
class EvidenceKindsTest {

    /** The first bytes of each kind, written out from the formats' specifications (not from the code). */
    static final byte[] PDF = "%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
    static final byte[] PNG = {(byte) 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0};
    static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1, 0, 0, 0, 0, 0, 0, 0, 0};

    static final String WORD_TYPES = "<?xml version=\"1.0\"?><Types><Override PartName=\"/word/document.xml\" "
            + "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";
    static final String EXCEL_TYPES = "<?xml version=\"1.0\"?><Types><Override PartName=\"/xl/workbook.xml\" "
            + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>";

    @TempDir
    Path dir;

    Path file(String name, byte[] content) throws IOException {
        Path file = dir.resolve("f-" + System.nanoTime() + "-" + name.replaceAll("[^A-Za-z0-9.]", "_"));
        Files.write(file, content);
        return file;
    }

    Path office(String name, String contentTypes, Map<String, String> parts) throws IOException {
        Path file = dir.resolve("o-" + System.nanoTime() + "-" + name);
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            if (contentTypes != null) {
                zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
                zip.write(contentTypes.getBytes(StandardCharsets.UTF_8));
            }
            for (Map.Entry<String, String> part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
            }
        }
        return file;
    }

    java.util.Optional<Kind> recognise(String name, Path file) throws IOException {
        return EvidenceTypes.recognise(name, file, Files.size(file));
    }

    byte[] contentOf(Kind kind) throws IOException {
        return switch (kind) {
            case PDF -> PDF;
            case PNG -> PNG;
            case JPEG -> JPEG;
            case DOC, XLS -> OLE2;
            case DOCX -> Files.readAllBytes(office("a.docx", WORD_TYPES, Map.of("word/document.xml", "<w/>")));
            case XLSX -> Files.readAllBytes(office("a.xlsx", EXCEL_TYPES, Map.of("xl/workbook.xml", "<x/>")));
        };
    }

    static Stream<Arguments> everyKindAndExtension() {
        return Stream.of(
                Arguments.of(Kind.PDF, "bien-ban.pdf", "application/pdf"),
                Arguments.of(Kind.PNG, "anh-chup.png", "image/png"),
                Arguments.of(Kind.JPEG, "anh.jpg", "image/jpeg"),
                Arguments.of(Kind.JPEG, "anh.jpeg", "image/jpeg"),
                Arguments.of(Kind.DOC, "cong-van.doc", "application/msword"),
                Arguments.of(Kind.XLS, "bang-diem.xls", "application/vnd.ms-excel"),
                Arguments.of(Kind.DOCX, "bao-cao.docx",
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
                Arguments.of(Kind.XLSX, "so-lieu.xlsx",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("everyKindAndExtension")
    void everyAcceptedKindIsRecognisedWithItsContentType(Kind kind, String name, String contentType)
            throws IOException {
        Path file = file(name, contentOf(kind));
        assertThat(recognise(name, file)).contains(kind);
        assertThat(kind.contentType).isEqualTo(contentType);
        // the extension is compared whatever its case
        assertThat(recognise(name.toUpperCase(java.util.Locale.ROOT), file)).contains(kind);
        assertThat(recognise("Tờ trình số 12." + name.substring(name.lastIndexOf('.') + 1), file)).contains(kind);
    }

    /** Each kind's bytes under every extension that names another kind: always refused. */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void contentUnderAnotherKindsExtensionIsRefused(Kind kind) throws IOException {
        Path file = file("x", contentOf(kind));
        for (Kind other : Kind.values()) {
            for (String extension : other.extensions) {
                boolean same = other == kind || (isOle2(kind) && isOle2(other));
                if (!same) {
                    assertThat(recognise("tai-lieu." + extension, file)).as("%s bytes named .%s", kind, extension)
                            .isEmpty();
                }
            }
        }
    }

    private static boolean isOle2(Kind kind) {
        return kind == Kind.DOC || kind == Kind.XLS;
    }

    @Test
    void oldOfficeFilesAreTakenForWhatTheirExtensionSays() throws IOException {
        // the OLE2 container looks the same for Word and Excel 97: the extension decides between the two
        Path file = file("x", OLE2);
        assertThat(recognise("a.doc", file)).contains(Kind.DOC);
        assertThat(recognise("a.xls", file)).contains(Kind.XLS);
        assertThat(recognise("a.ppt", file)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bao-cao.pdf", "bao-cao.docx", "anh.png", "anh.jpg", "bang.xlsx", "cong-van.doc"})
    void anHtmlPageOrAScriptUnderADocumentsNameIsRefused(String name) throws IOException {
        for (String content : new String[] {"<html><script>alert(1)</script></html>", "#!/bin/sh\nrm -rf /\n",
                "MZ\u0090\u0000 this program cannot be run in DOS mode", "PDF-1.4 without its percent sign",
                " %PDF-1.4 with a space first", "PK\u0001\u0002 not a local header"}) {
            Path file = file(name, content.getBytes(StandardCharsets.ISO_8859_1));
            assertThat(recognise(name, file)).as("%s holding %s", name, content).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"bao-cao.exe", "bao-cao.html", "bao-cao.svg", "bao-cao.zip", "bao-cao.txt", "bao-cao",
            "bao-cao.", "pdf", ".pdf.exe", "bao-cao.pdf.js"})
    void otherExtensionsAreRefusedWhateverTheContent(String name) throws IOException {
        Path file = file("x", PDF);
        assertThat(recognise(name, file)).isEmpty();
    }

    @Test
    void emptyTruncatedMissingOrUnnamedFilesAreRefused() throws IOException {
        assertThat(recognise("rong.pdf", file("rong.pdf", new byte[0]))).isEmpty();
        assertThat(recognise("cut.pdf", file("cut.pdf", Arrays.copyOf(PDF, 4)))).as("%PDF without the dash").isEmpty();
        assertThat(recognise("cut.png", file("cut.png", Arrays.copyOf(PNG, 7)))).isEmpty();
        assertThat(recognise("cut.jpg", file("cut.jpg", Arrays.copyOf(JPEG, 2)))).isEmpty();
        Path pdf = file("a.pdf", PDF);
        assertThat(EvidenceTypes.recognise(null, pdf, Files.size(pdf))).isEmpty();
        assertThat(EvidenceTypes.recognise("a.pdf", null, 10)).isEmpty();
        assertThat(EvidenceTypes.recognise("a.pdf", pdf, 0)).as("a declared size of nothing").isEmpty();
        assertThat(EvidenceTypes.recognise("a.pdf", dir.resolve("gone.pdf"), 10)).as("no such file").isEmpty();
    }

    @Test
    void aWordPackageIsNoSpreadsheetAndTheOtherWayRound() throws IOException {
        Path word = office("a.docx", WORD_TYPES, Map.of("word/document.xml", "<w/>"));
        Path excel = office("a.xlsx", EXCEL_TYPES, Map.of("xl/workbook.xml", "<x/>"));
        assertThat(recognise("a.xlsx", word)).isEmpty();
        assertThat(recognise("a.docx", excel)).isEmpty();
        assertThat(EvidenceTypes.officeKind(word)).isEqualTo(Kind.DOCX);
        assertThat(EvidenceTypes.officeKind(excel)).isEqualTo(Kind.XLSX);
    }

    @Test
    void aPackageWithBothOrNeitherPartIsRefused() throws IOException {
        Path both = office("both.docx", WORD_TYPES + EXCEL_TYPES,
                Map.of("word/document.xml", "<w/>", "xl/workbook.xml", "<x/>"));
        assertThat(recognise("both.docx", both)).isEmpty();
        Path neither = office("neither.docx", WORD_TYPES, Map.of("ppt/presentation.xml", "<p/>"));
        assertThat(recognise("neither.docx", neither)).isEmpty();
        // a zip that says it is a Word document but holds an Excel workbook's parts
        Path lying = office("lying.docx", WORD_TYPES, Map.of("xl/workbook.xml", "<x/>"));
        assertThat(recognise("lying.docx", lying)).isEmpty();
        Path plainZip = office("plain.docx", null, Map.of("readme.txt", "hello"));
        assertThat(recognise("plain.docx", plainZip)).isEmpty();
    }

    @Test
    void aFileThatOnlyStartsLikeAZipIsRefused() throws IOException {
        byte[] fake = new byte[64];
        fake[0] = 'P';
        fake[1] = 'K';
        fake[2] = 3;
        fake[3] = 4;
        assertThat(recognise("fake.docx", file("fake.docx", fake))).isEmpty();
    }

    @Test
    void theLimitsAreThoseDocumented() {
        // 200 MB an entry, 1 GB in all, 10 000 entries, ratio 200, [Content_Types].xml at most 64 KB
        assertThat(EvidenceTypes.MAX_ENTRY_SIZE).isEqualTo(209_715_200L);
        assertThat(EvidenceTypes.MAX_TOTAL_SIZE).isEqualTo(1_073_741_824L);
        assertThat(EvidenceTypes.MAX_ZIP_ENTRIES).isEqualTo(10_000);
        assertThat(EvidenceTypes.MAX_RATIO).isEqualTo(200);
        assertThat(EvidenceTypes.MAX_CONTENT_TYPES_BYTES).isEqualTo(65_536);
    }

    @Test
    void tooManyEntriesAreRefusedBeforeAnyIsRead() throws IOException {
        Path file = dir.resolve("many.docx");
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(WORD_TYPES.getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write("<w/>".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < EvidenceTypes.MAX_ZIP_ENTRIES; i++) {
                // empty and stored, not deflated: 10 000 deflaters cost seconds, and the count is what is refused
                ZipEntry empty = new ZipEntry("word/media/" + i);
                empty.setMethod(ZipEntry.STORED);
                empty.setSize(0);
                empty.setCompressedSize(0);
                empty.setCrc(0);
                zip.putNextEntry(empty);
            }
        }
        assertThat(recognise("many.docx", file)).isEmpty();
    }
}
