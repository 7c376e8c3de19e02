package com.qteria.document.web;

import com.qteria.document.DocumentManagement;
import com.qteria.document.DocumentView;
import com.qteria.document.Upload;
import com.qteria.identity.CurrentUser;
import com.qteria.platform.DataDirectory;
import com.qteria.shared.ApiProblem;
import com.qteria.shared.ProblemCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Moves multipart files (which the servlet container already spooled to disk) into private temporary files under
 * the data dir, hands them to {@link DocumentManagement#upload}, and removes them afterwards whatever happened.
 */
@Component
class ReceivedFiles {

    static final String RECEIVE_REFUSED = "Qteria could not take the file in: its disk is unavailable or full. "
            + "Nothing was stored; upload the files again in a minute.";

    private static final Logger log = LoggerFactory.getLogger(ReceivedFiles.class);

    private final DocumentManagement documents;
    private final Path temporary;

    ReceivedFiles(DocumentManagement documents, DataDirectory dataDirectory) {
        this.documents = documents;
        this.temporary = dataDirectory.temporary();
    }

    List<DocumentView> upload(CurrentUser user, List<MultipartFile> files) {
        List<Upload> uploads = new ArrayList<>();
        try {
            Files.createDirectories(temporary);
            for (MultipartFile file : files) {
                Path path = Files.createTempFile(temporary, "upload-", ".part");
                uploads.add(new Upload(file.getOriginalFilename(), path));
                file.transferTo(path);
            }
            return documents.upload(user, uploads);
        } catch (IOException e) {
            log.warn("Receiving an upload failed: the data directory is unavailable or full ({})", e.toString());
            throw new ApiProblem(ProblemCode.STORAGE_UNAVAILABLE, RECEIVE_REFUSED, List.of(), Duration.ofSeconds(60));
        } finally {
            for (Upload upload : uploads) {
                try {
                    Files.deleteIfExists(upload.file());
                } catch (IOException e) {
                    log.warn("Could not delete temporary upload {}", upload.file(), e);
                }
            }
        }
    }
}
