/**
 * The budget workbook: a per-year .xlsx template clerks fill in Excel, its import (the workbook becomes a budget body
 * and takes exactly the path of {@code POST /api/v1/budgets}) and the export of a budget to the same template. The
 * mapping between workbook and body lives in {@link cn.finance.disclosure.budget.workbook.BudgetWorkbookMapper}
 * alone; {@link cn.finance.disclosure.budget.workbook.WorkbookFile} refuses hostile files before POI parses them.
 */
package cn.finance.disclosure.budget.workbook;
