package com.qteria.evaluation.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.qteria.evaluation.text.NormalizedText;
import com.qteria.evaluation.text.NormalizedText.Form;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WrittenDateTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2025-03-12|2025-03-12",
            "2025/03/12|2025-03-12",
            "12.03.2025|2025-03-12",
            "1.3.2025|2025-03-01",
            "12/03/2025|2025-03-12",
            "04/05/2025|2025-05-04",
            "05/24/2025|2025-05-24",
            "12-03-2025|2025-03-12",
            "12 March 2025|2025-03-12",
            "3rd November 2022|2022-11-03",
            "12-Mar-2025|2025-03-12",
            "March 12, 2025|2025-03-12",
            "Mar. 12 2025|2025-03-12",
            "12. März 2025|2025-03-12",
            "12. MÄRZ 2025|2025-03-12",
            "1. Januar 2024|2024-01-01",
            "7. Okt. 2023|2023-10-07",
            "24. Dezember 2024|2024-12-24",
            "Mai 2025|2025-05-01",
            "March 2025|2025-03-01",
            "Stand: 14. Juli 2023|2023-07-14"})
    void readsEnglishAndGermanFormats(String written, LocalDate expected) {
        for (Form form : new Form[] {Form.PHRASES, Form.PATTERNS}) {
            String text = NormalizedText.of("Date of issue: " + written + " (final)", form).text();
            Optional<WrittenDate> date = WrittenDate.first(text, 0, text.length());
            assertThat(date).as(written).map(WrittenDate::date).contains(expected);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"31.02.2025", "2025-13-01", "Report 12345-2025", "version 1.2.3", "no date here"})
    void ignoresWhatIsNoDate(String written) {
        assertThat(WrittenDate.first(written, 0, written.length())).isEmpty();
    }
}
