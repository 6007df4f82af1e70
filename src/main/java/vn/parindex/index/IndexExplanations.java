package vn.parindex.index;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.parindex.criteria.CriteriaCatalog;
import vn.parindex.criteria.Criterion;
import vn.parindex.criteria.CriterionLookup;
import vn.parindex.criteria.CriterionScoreService;
import vn.parindex.criteria.CriterionView;
import vn.parindex.criteria.ReviewPermissions;
import vn.parindex.security.CurrentUser;
import vn.parindex.system.ConflictException;
import vn.parindex.system.FieldErrors;
import vn.parindex.system.NotFoundException;
import vn.parindex.system.TextRule;

/**
 * A body explains (giải trình) a deduction of the province's appraisal, within the year's explanation period: the
 * body's Home Affairs, or the head of the office that leads the criterion. In the body's own scope.
 */
@Service
public class IndexExplanations {

    /** Longest explanation kept (the column's bound). */
    public static final int MAX_LENGTH = 4000;

    private final IndexOfBody index;
    private final CriteriaCatalog catalog;
    private final CriterionLookup criteria;
    private final CriterionScoreService scores;
    private final ReviewPermissions permissions;
    private final TransactionTemplate transactions;
    private final Clock clock;

    IndexExplanations(IndexOfBody index, CriteriaCatalog catalog, CriterionLookup criteria,
            CriterionScoreService scores, ReviewPermissions permissions, PlatformTransactionManager transactions,
            Clock clock) {
        this.index = index;
        this.catalog = catalog;
        this.criteria = criteria;
        this.scores = scores;
        this.permissions = permissions;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Records the explanation of a criterion's deduction. 403 for anyone but the body's Home Affairs and the lead
     * office's head (the province's people appraise, they do not explain); 400 for a text that is empty, too long
     * or has control characters; 409 outside the explanation period ({@code conflict.explanationPeriod}), where the
     * province does not appraise the year or published it, or where nothing was deducted
     * ({@code conflict.nothingDeducted}).
     */
    public Criterion explain(CurrentUser user, int year, String code, String text) {
        CriterionView view = catalog.criterion(year, code).orElseThrow(() -> NotFoundException.criterion(year, code));
        boolean allowed = user != null && !user.isProvince()
                && (user.isAdmin() || permissions.leads(user, view));
        ReviewPermissions.require(allowed);
        FieldErrors errors = new FieldErrors();
        String clean = text == null ? "" : text.strip();
        if (clean.isEmpty()) {
            errors.add("text", "explanation.required");
        } else if (clean.length() > MAX_LENGTH) {
            errors.add("text", "explanation.tooLong");
        } else if (TextRule.problem(clean, true) != null) {
            errors.add("text", TextRule.problem(clean, true));
        }
        errors.throwIfAny();
        IndexYear open = index.find(year).orElseThrow(
                () -> new ConflictException("conflict.indexNotOpen", view.version()));
        open.requireOpen();
        LocalDate today = LocalDate.now(clock);
        if (open.getExplanationFrom() == null || today.isBefore(open.getExplanationFrom())
                || today.isAfter(open.getExplanationTo())) {
            throw new ConflictException("conflict.explanationPeriod", view.version());
        }
        return transactions.execute(status -> {
            Criterion criterion = criteria.findByYearAndCode(year, code)
                    .orElseThrow(() -> NotFoundException.criterion(year, code));
            if (criterion.getAppraisedScore() == null || criterion.getCurrentScore() == null
                    || criterion.getAppraisedScore().compareTo(criterion.getCurrentScore()) >= 0) {
                throw new ConflictException("conflict.nothingDeducted", criterion.getVersion());
            }
            scores.applyExplanation(user, criterion, clean);
            return criterion;
        });
    }
}
