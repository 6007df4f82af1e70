package vn.parindex.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;

/**
 * A file as received, as a plain value (no Spring, no database): copied once while its SHA-256 is computed, its kind
 * recognised from its content and its name together, a file larger than allowed only marked (never copied whole,
 * even when its part lied about its size), and its temporary copy gone once closed.
 */
class UploadedFileTest {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};

    @Test
    void aFileIsCopiedWithItsDigestAndKind() throws IOException {
        try (UploadedFile file = UploadedFile.receive(new MockMultipartFile("file", "ke-hoach.pdf", "application/pdf",
                PDF), 1024)) {
            assertThat(file.fileName()).isEqualTo("ke-hoach.pdf");
            assertThat(file.size()).isEqualTo(PDF.length);
            assertThat(file.isEmpty()).isFalse();
            assertThat(file.tooLarge()).isFalse();
            assertThat(file.sha256()).isEqualTo(EvidenceService.sha256(PDF)).hasSize(64).matches("[0-9a-f]{64}");
            assertThat(file.kind()).contains(EvidenceTypes.Kind.PDF);
            try (InputStream in = file.open()) {
                assertThat(in.readAllBytes()).isEqualTo(PDF);
            }
        }
    }

    @Test
    void theKindIsTheContentsAndTheNamesTogether() {
        try (UploadedFile png = UploadedFile.receive(new MockMultipartFile("file", "Anh.PNG", "image/png", PNG), 1024)) {
            assertThat(png.kind()).contains(EvidenceTypes.Kind.PNG);
        }
        // a page saved as .pdf, a PDF named .png, a PDF with no extension: not recognised (the service refuses them)
        byte[] html = "<html><body>x</body></html>".getBytes(StandardCharsets.UTF_8);
        for (MockMultipartFile part : new MockMultipartFile[] {
                new MockMultipartFile("file", "trang.pdf", "application/pdf", html),
                new MockMultipartFile("file", "tai-lieu.png", "image/png", PDF),
                new MockMultipartFile("file", "tai-lieu", "application/pdf", PDF)}) {
            try (UploadedFile file = UploadedFile.receive(part, 1024)) {
                assertThat(file.kind()).as(part.getOriginalFilename()).isEmpty();
                assertThat(file.tooLarge()).isFalse();
            }
        }
    }

    @Test
    void anEmptyPartIsEmptyAndHasNoKind() {
        try (UploadedFile file = UploadedFile.receive(new MockMultipartFile("file", "rong.pdf", "application/pdf",
                new byte[0]), 1024)) {
            assertThat(file.isEmpty()).isTrue();
            assertThat(file.size()).isZero();
            assertThat(file.sha256()).isNull();
            assertThat(file.kind()).isEmpty();
        }
    }

    @Test
    void aFileLargerThanAllowedIsOnlyMarked() {
        byte[] big = Arrays.copyOf(PDF, 2048);
        try (UploadedFile file = UploadedFile.receive(new MockMultipartFile("file", "lon.pdf", "application/pdf", big),
                1024)) {
            assertThat(file.tooLarge()).isTrue();
            assertThat(file.size()).isEqualTo(2048);
            assertThat(file.sha256()).isNull();
            assertThat(file.kind()).isEmpty();
        }
        // exactly the limit is allowed
        try (UploadedFile file = UploadedFile.receive(new MockMultipartFile("file", "vua.pdf", "application/pdf",
                Arrays.copyOf(PDF, 1024)), 1024)) {
            assertThat(file.tooLarge()).isFalse();
            assertThat(file.size()).isEqualTo(1024);
        }
    }

    @Test
    void aPartThatUnderstatesItsSizeIsStillStoppedAtTheLimit() {
        byte[] big = Arrays.copyOf(PDF, 10_000);
        MockMultipartFile liar = new MockMultipartFile("file", "nho.pdf", "application/pdf", big) {
            @Override
            public long getSize() {
                return 10;
            }

            @Override
            public InputStream getInputStream() {
                return new ByteArrayInputStream(big);
            }
        };
        try (UploadedFile file = UploadedFile.receive(liar, 1024)) {
            assertThat(file.tooLarge()).isTrue();
            // copied up to one byte past the limit, no further
            assertThat(file.size()).isEqualTo(1025);
        }
    }

    @Test
    void closingDeletesTheTemporaryCopy() {
        UploadedFile file = UploadedFile.receive(new MockMultipartFile("file", "ke-hoach.pdf", "application/pdf", PDF),
                1024);
        file.close();
        assertThatThrownBy(file::open).isInstanceOf(NoSuchFileException.class);
        file.close(); // twice is harmless
    }
}
