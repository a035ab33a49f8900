/**
 * What budget-service knows of the departments: their kind and level as department-service announced them
 * (department.registered.v2), which decide the rules that apply (机关运行经费 only for 行政单位 and 参公事业单位).
 */
package cn.finance.disclosure.budget.units;
