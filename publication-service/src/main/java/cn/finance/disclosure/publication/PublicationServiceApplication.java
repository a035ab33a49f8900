package cn.finance.disclosure.publication;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Turns approved budgets and department profiles (consumed as events) into disclosures, takes them through
 * confirmation and release, and serves the released versions and the release feed to the public.
 */
@SpringBootApplication(scanBasePackages = "cn.finance.disclosure")
public class PublicationServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(PublicationServiceApplication.class, args);
    }
}
