package vn.parindex.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Office documents are recognised from the zip's central directory and a bounded [Content_Types].xml. */
class EvidenceTypesTest {

    static final String WORD_TYPES = "<Types><Override PartName=\"/word/document.xml\" ContentType=\"application/"
            + "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";

    @TempDir
    Path dir;

    Path zip(String name, String contentTypes, String part, long zeros) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            if (contentTypes != null) {
                zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
                zip.write(contentTypes.getBytes(StandardCharsets.UTF_8));
            }
            zip.putNextEntry(new ZipEntry(part));
            zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
            if (zeros > 0) {
                zip.putNextEntry(new ZipEntry(part + ".bin"));
                byte[] block = new byte[1 << 20];
                for (long written = 0; written < zeros; written += block.length) {
                    zip.write(block);
                }
            }
        }
        return file;
    }

    @Test
    void aWordDocumentIsRecognised() throws IOException {
        Path file = zip("a.docx", WORD_TYPES, "word/document.xml", 0);
        assertThat(EvidenceTypes.recognise("a.docx", file, Files.size(file))).contains(EvidenceTypes.Kind.DOCX);
        assertThat(EvidenceTypes.recognise("a.xlsx", file, Files.size(file))).isEmpty();
    }

    @Test
    void absurdDeclaredSizesAndRatiosAreRefusedWithoutInflating() throws IOException {
        // 64 MB of zeros packs into ~64 KB: a ratio no document has
        Path bomb = zip("bomb.docx", WORD_TYPES, "word/document.xml", 64L << 20);
        assertThat(Files.size(bomb)).isLessThan(1 << 20);
        assertThat(EvidenceTypes.recognise("bomb.docx", bomb, Files.size(bomb))).isEmpty();
    }

    @Test
    void aZipWithoutItsContentTypesOrWithTheWrongOnesIsNoOfficeDocument() throws IOException {
        Path bare = zip("bare.docx", null, "word/document.xml", 0);
        assertThat(EvidenceTypes.recognise("bare.docx", bare, Files.size(bare))).isEmpty();
        Path html = zip("html.docx", "<Types>text/html</Types>", "word/document.xml", 0);
        assertThat(EvidenceTypes.recognise("html.docx", html, Files.size(html))).isEmpty();
        Path huge = zip("types.docx", WORD_TYPES + " ".repeat(70_000), "word/document.xml", 0);
        assertThat(EvidenceTypes.recognise("types.docx", huge, Files.size(huge))).isEmpty();
    }
}
