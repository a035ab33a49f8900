package cn.finance.disclosure.department;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Keeps the budget departments (units) and their yearly profiles. */
@SpringBootApplication(scanBasePackages = "cn.finance.disclosure")
public class DepartmentServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(DepartmentServiceApplication.class, args);
    }
}
