package com.qteria.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

@TestConfiguration(proxyBeanMethods = false)
public class TestSupportConfiguration {

    @Bean
    @Primary
    MutableClock mutableClock() {
        return new MutableClock();
    }

    @Bean
    com.qteria.document.UploadedDocuments uploadedDocuments(org.springframework.context.ApplicationContext context,
            @org.springframework.beans.factory.annotation.Value("${qteria.data-dir}") java.nio.file.Path dataDir) {
        return new com.qteria.document.UploadedDocuments(context, dataDir);
    }

    @Bean
    TestData testData(org.springframework.context.ApplicationContext context) {
        return new TestData(context);
    }
}
