/**
 * The classification catalog (政府收支分类科目) as data, per fiscal year: function codes 支出功能分类 (类 3 digits,
 * 款 5, 项 7) and department economic codes 部门预算支出经济分类 (类 3, 款 5) with their names.
 *
 * <p>Pure domain: no Spring, no storage. {@link cn.finance.disclosure.budget.catalog.BundledCatalogs} reads the
 * lists shipped under {@code /catalog/{year}/}; {@link cn.finance.disclosure.budget.catalog.CatalogCsvParser} turns an
 * uploaded official list into a {@link cn.finance.disclosure.budget.catalog.CodeTable} or line-numbered problems;
 * keeping uploaded catalogs is someone else's {@link cn.finance.disclosure.budget.catalog.CatalogSource}.
 */
package cn.finance.disclosure.budget.catalog;
