package com.qteria.document.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.qteria.document.WordBox;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordBoxesTests {

    @Test
    void wordsAreStoredAsOffsetsAndTenThousandthsOfThePage() {
        assertThat(WordBoxes.encode(List.of(new WordBox(0, 4, 0.1f, 0.05f, 0.0625f, 0.0125f),
                new WordBox(5, 11, 0.17f, 0.05f, 0.1f, 0.0125f))))
                .isEqualTo("0,4,1000,500,625,125;5,11,1700,500,1000,125");
    }

    @Test
    void storedWordsReadBackAsTheirBoxes() {
        List<WordBox> words = List.of(new WordBox(0, 4, 0.1f, 0.05f, 0.0625f, 0.0125f),
                new WordBox(5, 11, 0.17f, 0.05f, 0.1f, 0.0125f));
        assertThat(WordBoxes.decode(WordBoxes.encode(words))).isEqualTo(words);
        assertThat(WordBoxes.decode(null)).isEmpty();
    }

    @Test
    void aPageWithoutWordsStoresNothing() {
        assertThat(WordBoxes.encode(List.of())).isNull();
    }
}
