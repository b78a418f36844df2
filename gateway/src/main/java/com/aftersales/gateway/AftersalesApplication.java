package com.aftersales.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The deployable service. With no configuration it runs on its embedded MongoDB under ./data. */
@SpringBootApplication(scanBasePackages = "com.aftersales")
public class AftersalesApplication {

    public static void main(String[] args) {
        // Axon's usage reporter phones home; the service never does.
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(AftersalesApplication.class, args);
    }
}
