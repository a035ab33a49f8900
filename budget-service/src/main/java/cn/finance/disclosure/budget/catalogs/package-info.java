/**
 * The classification catalogs as a feature of the service: a bureau-admin uploads a year's official code list (CSV),
 * which is kept in MongoDB (collection {@code catalogs}) and used in preference to the list bundled with the product;
 * staff read a year's catalog. The parsing and the catalog itself are the pure
 * {@link cn.finance.disclosure.budget.catalog} domain; this package stores and serves them.
 */
package cn.finance.disclosure.budget.catalogs;
