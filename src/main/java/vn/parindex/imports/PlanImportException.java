package vn.parindex.imports;

import java.util.List;
import java.util.stream.Collectors;

/** A plan table was rejected; nothing of it was loaded. Lists every problem found, each with line and column. */
public class PlanImportException extends RuntimeException {

    private final transient List<ImportProblem> problems;

    public PlanImportException(List<ImportProblem> problems) {
        super("Bảng kế hoạch không hợp lệ, không có dữ liệu nào được nạp:\n"
                + problems.stream().map(ImportProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<ImportProblem> problems() {
        return problems;
    }
}
