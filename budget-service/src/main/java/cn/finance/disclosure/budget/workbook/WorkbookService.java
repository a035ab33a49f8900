package cn.finance.disclosure.budget.workbook;

import cn.finance.disclosure.budget.catalog.ClassificationCatalog;
import cn.finance.disclosure.budget.catalogs.Catalogs;
import cn.finance.disclosure.budget.submission.Budget;
import cn.finance.disclosure.budget.submission.BudgetService;
import cn.finance.disclosure.budget.submission.BudgetRequest;
import cn.finance.disclosure.model.BudgetContent;
import cn.finance.disclosure.support.security.StaffUser;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Template, import and export of budget workbooks. An import is a body like any other: the same Bean Validation as a
 * JSON request (its findings pointed at cells) and then {@link BudgetService#create}, with its roles, department and
 * one-budget-per-year rules; nothing is stored when anything is wrong.
 */
@Service
public class WorkbookService {

    private final BudgetService budgets;
    private final Catalogs catalogs;
    private final Validator validator;
    private final BudgetWorkbookMapper mapper = new BudgetWorkbookMapper();

    WorkbookService(BudgetService budgets, Catalogs catalogs, Validator validator) {
        this.budgets = budgets;
        this.catalogs = catalogs;
        this.validator = validator;
    }

    public byte[] template(int fiscalYear) {
        return bytes(mapper.write(null, fiscalYear, catalog(fiscalYear)));
    }

    public byte[] export(String id, StaffUser user) {
        Budget budget = budgets.get(id, user);
        return bytes(mapper.write(budget.submission(), budget.fiscalYear(), catalog(budget.fiscalYear())));
    }

    public Budget importWorkbook(byte[] body, StaffUser user) {
        return budgets.create(read(body), user);
    }

    /** The body a workbook holds, checked like a JSON request body; a 4xx problem naming cells otherwise. */
    BudgetContent read(byte[] body) {
        WorkbookProblems problems = new WorkbookProblems();
        BudgetWorkbookMapper.Read read;
        try (XSSFWorkbook wb = WorkbookFile.open(body)) {
            read = mapper.read(wb, problems);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!problems.isEmpty()) {
            throw problems.toException();
        }
        // the constraints a JSON body must meet are the request's: checked on the workbook's budget in that shape
        Set<ConstraintViolation<BudgetRequest>> violations = validator.validate(BudgetRequest.of(read.submission()));
        if (!violations.isEmpty()) {
            List<ConstraintViolation<BudgetRequest>> sorted = violations.stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString())).toList();
            for (ConstraintViolation<BudgetRequest> v : sorted) {
                BudgetWorkbookMapper.Origin origin = origin(read.origins(), v.getPropertyPath().toString());
                problems.add(origin.sheet(), origin.cell(), v.getMessage());
            }
            throw problems.toException();
        }
        return read.submission();
    }

    /** The cell of a property path, or of its closest ancestor that has one. */
    private static BudgetWorkbookMapper.Origin origin(Map<String, BudgetWorkbookMapper.Origin> origins, String path) {
        String p = path;
        while (!p.isEmpty()) {
            BudgetWorkbookMapper.Origin o = origins.get(p);
            if (o != null) {
                return o;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? "" : p.substring(0, cut);
        }
        return new BudgetWorkbookMapper.Origin("", "");
    }

    private ClassificationCatalog catalog(int fiscalYear) {
        return catalogs.find(fiscalYear).orElse(null);
    }

    private static byte[] bytes(XSSFWorkbook wb) {
        try (wb) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
