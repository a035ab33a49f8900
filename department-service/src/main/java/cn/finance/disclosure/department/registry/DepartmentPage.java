package cn.finance.disclosure.department.registry;

import java.util.List;

public record DepartmentPage(List<DepartmentResponse> items, int page, int size, long total) {
}
