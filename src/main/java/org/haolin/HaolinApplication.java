package org.haolin;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class HaolinApplication {

    public static void main(String[] args) {
        SpringApplication.run(HaolinApplication.class, args);
    }
}
