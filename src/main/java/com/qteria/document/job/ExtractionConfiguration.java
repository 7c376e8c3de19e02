package com.qteria.document.job;

import com.qteria.document.extraction.DocumentExtractor;
import com.qteria.document.extraction.ocr.Ocr;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The extractor with the configured limits, and OCR when Tesseract is installed. */
@Configuration(proxyBeanMethods = false)
class ExtractionConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ExtractionConfiguration.class);

    @Bean
    DocumentExtractor documentExtractor(ExtractionProperties settings) {
        Ocr ocr = Ocr.detect();
        if (ocr.available()) {
            log.info("OCR: Tesseract found; pages without a text layer are OCR'd (English and German)");
        } else {
            log.warn("OCR: Tesseract not found; pages without a text layer will be flagged as unread. "
                    + "Install it with: apt-get install tesseract-ocr tesseract-ocr-deu");
        }
        return new DocumentExtractor(settings.limits(), ocr);
    }
}
