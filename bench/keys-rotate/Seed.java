import com.qteria.document.storage.EncryptedStorage;
import com.qteria.document.storage.FileSystemDocumentStore;
import com.qteria.document.storage.MasterKeys;
import com.qteria.document.storage.StoredObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Bulk seeding for bench/keys-rotate/run.sh only, not a product path: stores N small PDFs through the real encrypted
 * storage (EncryptedStorage on the local document store, under the given master key) from a few threads, then inserts
 * their rows in JDBC batches under one new organization.
 * <p>
 * java -cp 'qteria.jar:lib/*' Seed.java &lt;jdbc url&gt; &lt;user&gt; &lt;data dir&gt; &lt;count&gt; &lt;keyId:base64&gt;
 */
public final class Seed {

    private static final int THREADS = 4;

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = args[1];
        Path dataDir = Path.of(args[2]);
        int count = Integer.parseInt(args[3]);
        EncryptedStorage storage = new EncryptedStorage(new FileSystemDocumentStore(dataDir.resolve("documents")),
                MasterKeys.of(MasterKeys.parse(args[4]).getFirst()), dataDir);
        byte[] pdf = pdf();
        Path file = Files.createTempFile("seed-", ".pdf");
        Files.write(file, pdf);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));

        long started = System.nanoTime();
        List<StoredObject> stored = new ArrayList<>(count);
        try (ExecutorService threads = Executors.newFixedThreadPool(THREADS)) {
            List<Future<StoredObject>> puts = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                puts.add(threads.submit(() -> storage.store(file)));
            }
            for (Future<StoredObject> put : puts) {
                stored.add(put.get());
            }
        }
        Files.delete(file);
        double storing = (System.nanoTime() - started) / 1e9;

        UUID organization = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection connection = DriverManager.getConnection(url, user, "")) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into organizations (id, name, created_at) values (?, ?, ?)")) {
                insert.setObject(1, organization);
                insert.setString(2, "Key rotation bench " + organization.toString().substring(0, 8));
                insert.setTimestamp(3, now);
                insert.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into documents (id, organization_id, filename, media_type, size_bytes, sha256, pages,
                        status, storage_key, key_id, wrapped_key, uploaded_at, extracted_at)
                    values (?, ?, ?, 'application/pdf', ?, ?, 1, 'ready', ?, ?, ?, ?, ?)""")) {
                int n = 0;
                for (StoredObject object : stored) {
                    insert.setObject(1, UUID.randomUUID());
                    insert.setObject(2, organization);
                    insert.setString(3, "report-" + n++ + ".pdf");
                    insert.setLong(4, pdf.length);
                    insert.setString(5, sha256);
                    insert.setString(6, object.key());
                    insert.setString(7, object.dataKey().keyId());
                    insert.setString(8, Base64.getEncoder().encodeToString(object.dataKey().wrapped()));
                    insert.setTimestamp(9, now);
                    insert.setTimestamp(10, now);
                    insert.addBatch();
                    if (n % 1000 == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            connection.commit();
        }
        System.out.printf("Seeded %d documents (%d bytes each) in %.1f s (storing %.1f s)%n", count, pdf.length,
                (System.nanoTime() - started) / 1e9, storing);
    }

    /** A one-page PDF with a line of text, written by hand (no library needed). */
    private static byte[] pdf() {
        String stream = "BT /F1 12 Tf 72 720 Td (Test report according to IEC 62368-1:2018) Tj ET";
        List<String> objects = List.of("<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
                        + "/Resources << /Font << /F1 5 0 R >> >> >>",
                "<< /Length " + stream.length() + " >>\nstream\n" + stream + "\nendstream",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.length());
            pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        offsets.forEach(offset -> pdf.append("%010d 00000 n \n".formatted(offset)));
        pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
