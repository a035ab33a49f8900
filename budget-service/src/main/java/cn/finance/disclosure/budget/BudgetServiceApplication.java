package cn.finance.disclosure.budget;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Department budgets: submissions, their revisions, validation and the review workflow. */
@SpringBootApplication(scanBasePackages = "cn.finance.disclosure")
public class BudgetServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(BudgetServiceApplication.class, args);
    }
}
