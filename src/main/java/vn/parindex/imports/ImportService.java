package vn.parindex.imports;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.parindex.accounts.AccountService;
import vn.parindex.criteria.ReviewPermissions;
import vn.parindex.security.CurrentUser;
import vn.parindex.system.BodyScope;
import vn.parindex.system.InvalidInputException;

/**
 * Home Affairs imports a table (.xlsx or CSV, the shared CSV's columns or the appendix export's, in Vietnamese or
 * English): a framework as a new cycle, an existing cycle's figures, or the province's appraisal; and lists: the
 * province's bodies ({@link BodiesImport}), a body's offices and their heads ({@link UnitsImport}). Every import is
 * first a preview — what would be created, each figure changed old → new, where a published parent disagrees with
 * its parts — and nothing is written unless asked ({@code dryRun} false). Any problem, each named by row and
 * column, and nothing at all is written. Each kind is read and applied by its own class ({@link FrameworkImport},
 * {@link ScoresImport}, {@link AppraisalImport}) over the checks they share ({@link ImportTables}).
 */
@Service
public class ImportService {

    /** What a table is imported as. */
    public enum ImportKind {
        /** A new cycle's criteria tree (codes, names, maxima; baseline, targets and lead units where given). */
        FRAMEWORK,
        /** An existing cycle's baseline, target and current scores. */
        SCORES,
        /** The province's appraised scores and reasons. */
        APPRAISAL,
        /** The province's list of bodies: code, name, level (the province's Home Affairs only; every body's). */
        BODIES,
        /** A body's offices and their heads, with the heads' accounts (the body's Home Affairs or the province). */
        UNITS;

        /** A list (of bodies, of units) rather than a cycle's table: no year. */
        public boolean isList() {
            return this == BODIES || this == UNITS;
        }

        public static Optional<ImportKind> of(String text) {
            if (text == null) {
                return Optional.empty();
            }
            for (ImportKind k : values()) {
                if (k.name().equalsIgnoreCase(text.strip())) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }
    }

    /** A criterion created or a figure changed; score values as plain decimals ({@code 9.6419}). */
    public record Change(String code, String field, String oldValue, String newValue) implements java.io.Serializable {

        /** Whether the values are scores (shown the Vietnamese way on pages). */
        public boolean isScore() {
            return field.endsWith("Score");
        }

        /** The old value as people read it: a score with a decimal comma ({@code 1,2500}). */
        public String oldText() {
            return isScore() ? comma(oldValue) : oldValue;
        }

        public String newText() {
            return isScore() ? comma(newValue) : newValue;
        }
    }

    /** A plain decimal of at most 3 integer digits with a decimal comma, as {@code @fmt.score} writes it. */
    static String comma(String plain) {
        return plain == null ? null : plain.replace('.', ',');
    }

    /** A figure published on a parent that differs from the sum of its parts in the file (not an error). */
    public record Discrepancy(String code, String field, String recorded, String sumOfParts)
            implements java.io.Serializable {

        public String recordedText() {
            return comma(recorded);
        }

        public String sumOfPartsText() {
            return comma(sumOfParts);
        }
    }

    /**
     * What an import did, or would do; {@code year} null for a list; {@code accounts}: the heads' accounts made, with
     * their first passwords, shown this once (a list of units imported, not its preview). Serializable, to be a
     * one-time message in the session store, but only without its accounts: {@code FirstAccount} is not, so first
     * passwords can never reach a session row in clear (the hand-out sheet is sealed: {@code SealedHandout}).
     */
    public record Result(Integer year, String kind, boolean dryRun, int created, List<Change> changes,
            List<Discrepancy> discrepancies, List<AccountService.FirstAccount> accounts)
            implements java.io.Serializable {

        public Result(Integer year, String kind, boolean dryRun, int created, List<Change> changes,
                List<Discrepancy> discrepancies) {
            this(year, kind, dryRun, created, changes, discrepancies, List.of());
        }
    }

    /**
     * Rows of a list at most: a province's bodies number in the hundreds; a body's units in the tens, each head's
     * first password hashed on import (PBKDF2, a fraction of a second each), so fewer.
     */
    static final int MAX_BODY_ROWS = 2_000;
    static final int MAX_UNIT_ROWS = 300;

    /** At most this many problems are reported: a file with thousands of bad rows is refused all the same. */
    static final int MAX_PROBLEMS = 500;

    private final ReviewPermissions permissions;
    private final FrameworkImport framework;
    private final ScoresImport scores;
    private final AppraisalImport appraisal;
    private final BodiesImport bodies;
    private final UnitsImport units;
    private final PlatformTransactionManager transactions;

    ImportService(ReviewPermissions permissions, FrameworkImport framework, ScoresImport scores,
            AppraisalImport appraisal, BodiesImport bodies, UnitsImport units,
            PlatformTransactionManager transactions) {
        this.bodies = bodies;
        this.units = units;
        this.permissions = permissions;
        this.framework = framework;
        this.scores = scores;
        this.appraisal = appraisal;
        this.transactions = transactions;
    }

    /** Only Home Affairs imports: asked before the upload is read. */
    public void requirePermission(CurrentUser user) {
        ReviewPermissions.require(permissions.canEditScores(user));
    }

    /**
     * Reads, checks and (unless {@code dryRun}) applies the table in {@code file}.
     *
     * @throws PlanImportException listing every problem (nothing written)
     */
    public Result run(CurrentUser user, Path file, String fileName, Integer year, ImportKind kind, boolean dryRun) {
        requirePermission(user);
        if (kind == ImportKind.BODIES) {
            // the list of bodies is the province's: its Home Affairs only, in every body's scope
            ReviewPermissions.require(user.isProvince());
            CsvTable table = readList(file, fileName, MAX_BODY_ROWS);
            return BodyScope.callAll(() -> transaction(dryRun).execute(status -> bodies.run(user, table, dryRun)));
        }
        if (BodyScope.body() == null) {
            // the province's account asked for a body's import without choosing the body (?body=CODE)
            throw InvalidInputException.of("body", "body.required");
        }
        if (kind == ImportKind.UNITS) {
            CsvTable table = readList(file, fileName, MAX_UNIT_ROWS);
            return transaction(dryRun).execute(status -> units.run(user, table, dryRun));
        }
        if (year == null || year < 2000 || year > 2200) {
            throw InvalidInputException.of("year", "cycle.yearRange");
        }
        // the file is read before any transaction: no connection is held while it is parsed
        CsvTable table = SheetReader.read(file, fileName);
        String comment = "Nhập từ tệp " + ImportTables.shorten(fileName == null ? "" : fileName, 100);
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        // a dry run writes nothing, ever: a read-only transaction
        transaction.setReadOnly(dryRun);
        return transaction.execute(status -> switch (kind) {
            case FRAMEWORK -> framework.run(table, year, dryRun);
            case SCORES -> scores.run(user, table, year, dryRun, comment);
            case APPRAISAL -> appraisal.run(user, table, year, dryRun, comment);
            case BODIES, UNITS -> throw new IllegalStateException("A list: " + kind);
        });
    }

    /**
     * An upload as the page and the API receive it: a level's framework of the year when it names a {@code level}
     * ({@link #runForLevel}; 400 {@code import.levelOnlyFramework} for another kind, {@code body.levelInvalid} for
     * an unknown level), else {@link #run}.
     */
    Result runUpload(CurrentUser user, ImportUpload upload, Integer year, ImportKind kind, boolean dryRun) {
        if (!upload.hasLevel()) {
            return run(user, upload.file(), upload.fileName(), year, kind, dryRun);
        }
        if (kind != ImportKind.FRAMEWORK) {
            throw InvalidInputException.of("level", "import.levelOnlyFramework");
        }
        vn.parindex.organisation.BodyLevel level = vn.parindex.organisation.BodyLevel.parse(upload.level());
        if (level == null) {
            throw InvalidInputException.of("level", "body.levelInvalid");
        }
        Boolean scale = upload.scaleTo100() == null || upload.scaleTo100().isBlank() ? null
                : !upload.scaleTo100().strip().equalsIgnoreCase("false");
        return runForLevel(user, upload.file(), upload.fileName(), year, level, scale, dryRun);
    }

    /**
     * A level's framework of the year for the province's index ({@code kind=framework} with {@code level}): the
     * province's Home Affairs only, on every body's data; refused once the index is open (409).
     *
     * @throws PlanImportException listing every problem (nothing written)
     */
    public Result runForLevel(CurrentUser user, Path file, String fileName, Integer year,
            vn.parindex.organisation.BodyLevel level, Boolean scaleTo100, boolean dryRun) {
        ReviewPermissions.require(user.isProvince());
        if (year == null || year < 2000 || year > 2200) {
            throw InvalidInputException.of("year", "cycle.yearRange");
        }
        CsvTable table = SheetReader.read(file, fileName);
        String name = ImportTables.shorten(fileName == null ? "" : fileName, 100);
        return BodyScope.callAll(() -> transaction(dryRun).execute(status -> framework.runForLevel(user, table, year,
                level, scaleTo100, dryRun, name)));
    }

    /** A dry run writes nothing, ever: a read-only transaction. */
    private TransactionTemplate transaction(boolean dryRun) {
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        transaction.setReadOnly(dryRun);
        return transaction;
    }

    /** A list read before any transaction, refused whole when longer than {@code maxRows}. */
    private static CsvTable readList(Path file, String fileName, int maxRows) {
        CsvTable table = SheetReader.read(file, fileName, true);
        if (table.rows().size() > maxRows) {
            throw new PlanImportException(List.of(new ImportProblem(1, "-", ImportProblem.Kind.TOO_MANY_ROWS,
                    "danh sách có " + table.rows().size() + " dòng, nhiều hơn " + maxRows + " dòng được nhập một "
                            + "lần: chia thành nhiều tệp")));
        }
        return table;
    }
}
