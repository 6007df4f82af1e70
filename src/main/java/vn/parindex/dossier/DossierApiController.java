package vn.parindex.dossier;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.parindex.criteria.Cycle;

/** The self-assessment dossier in the API. */
@RestController
@Tag(name = "Dossier", description = "The self-assessment dossier (hồ sơ tự đánh giá)")
class DossierApiController {

    private final DossierService dossiers;
    private final DossierArchive archive;

    DossierApiController(DossierService dossiers, DossierArchive archive) {
        this.dossiers = dossiers;
        this.archive = archive;
    }

    @Operation(summary = "The whole dossier as one .zip", description = "At the root: muc-luc.xlsx (every expected "
            + "document with its file in the archive, or CHƯA CÓ, the file's number and symbol (Số/ký hiệu), date of "
            + "issue (Ngày ban hành) and summary (Trích yếu), who uploaded it and when, its size and SHA-256; then the "
            + "explanations), the self-assessment report (bao-cao-tu-danh-gia-{year}.docx) and the appendix of scores "
            + "(phu-luc-{year}.xlsx). Then a folder per criterion code with documents (none for a criterion without), "
            + "each file named by the expected document it answers (01-…, 02-…). Names are UTF-8 (flagged) and "
            + "extract on Windows as they are: forbidden characters replaced by _, no device names (CON, NUL…), at "
            + "most 100 characters, repeated names numbered (2), (3). Ready to upload to the province's scoring "
            + "software. Streamed.")
    @ApiResponse(responseCode = "200", description = "The .zip file",
            content = @Content(mediaType = "application/zip", schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "404", description = "No cycle of that year")
    @GetMapping("/api/v1/cycles/{year}/dossier.zip")
    void zip(Cycle cycle, jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        DossierController.zip(dossiers, archive, cycle.getYear(), response);
    }
}
