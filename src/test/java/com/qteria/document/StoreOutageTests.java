package com.qteria.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.reset;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.qteria.document.storage.DocumentStore;
import com.qteria.identity.Role;
import com.qteria.support.QteriaTest;
import com.qteria.support.SamplePdfs;
import com.qteria.support.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The document store unavailable or full (issue 17's faults): an upload is refused with 503
 * {@code STORAGE_UNAVAILABLE} and nothing half-stored, and works again once the store is back; a document whose
 * stored file cannot be fetched for a moment is read when the job tries again, not rejected.
 */
@QteriaTest
class StoreOutageTests {

    @MockitoSpyBean
    DocumentStore store;
    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    UploadedDocuments uploaded;

    @AfterEach
    void storeBack() {
        reset(store);
    }

    @Test
    void anUploadTheStoreRefusesIs503WithTheReasonAndLeavesNothingBehind() throws Exception {
        String token = data.newTenant().tokenOf(Role.PROJECT_HANDLER);
        doThrow(new IOException("No space left on device")).when(store).put(anyString(), any(Path.class));
        long objectsBefore = objects();

        mvc.perform(multipart("/api/v1/documents")
                        .file(new MockMultipartFile("file", "a.pdf", "application/pdf", SamplePdfs.pdf("First")))
                        .file(new MockMultipartFile("file", "b.pdf", "application/pdf", SamplePdfs.pdf("Second")))
                        .header("Authorization", "Bearer " + token))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "60"))
                .andExpect(jsonPath("$.code").value("STORAGE_UNAVAILABLE"))
                .andExpect(jsonPath("$.detail").value("The document store could not take the file: it is "
                        + "unavailable or full. Nothing was stored; upload the files again in a minute."));
        mvc.perform(get("/api/v1/documents").header("Authorization", "Bearer " + token))
                .andExpect(jsonPath("$.items").isEmpty());
        assertThat(objects()).isEqualTo(objectsBefore);

        reset(store);
        String id = uploaded.upload(token, "a.pdf", SamplePdfs.pdf("First"));
        assertThat(uploaded.awaitRead(token, id)).isEqualTo("ready");
    }

    @Test
    void aStoredFileTheStoreCannotGiveForAMomentIsReadWhenTheJobTriesAgain() throws Exception {
        String token = data.newTenant().tokenOf(Role.PROJECT_HANDLER);
        doThrow(new IOException("Connection refused")).doCallRealMethod().when(store).get(anyString());

        String id = uploaded.upload(token, "late.pdf", SamplePdfs.pdf("Read on the second try"));

        assertThat(uploaded.awaitRead(token, id)).isEqualTo("ready");
        mvc.perform(get("/api/v1/documents/" + id + "/text").header("Authorization", "Bearer " + token))
                .andExpect(jsonPath("$.pages[0].text").value("Read on the second try"));
    }

    private long objects() throws IOException {
        Path root = uploaded.storageRoot();
        if (!Files.exists(root)) {
            return 0;
        }
        try (var files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).count();
        }
    }
}
