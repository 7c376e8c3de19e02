import java.net.URI;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

/**
 * An S3-compatible store for bench/faults/run.sh s3-down: s3proxy (a test dependency) on 127.0.0.1:PORT, path-style,
 * AWS signatures checked with the keys given, objects kept under DIR (so that a restart keeps them) in the bucket
 * named, created when missing. Runs until killed.
 *
 *   java -cp TEST_CLASSPATH bench/faults/S3Server.java PORT DIR BUCKET ACCESS_KEY SECRET_KEY
 */
public class S3Server {
    public static void main(String[] args) throws Exception {
        java.nio.file.Files.createDirectories(java.nio.file.Path.of(args[1], args[2]));  // a bucket is a directory
        FilesystemNio2BlobStore store = new FilesystemNio2BlobStore(args[1]);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(store)
                .endpoint(URI.create("http://127.0.0.1:" + args[0]))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, args[3], args[4])
                .build();
        proxy.start();
        while (!"STARTED".equals(proxy.getState())) {
            Thread.sleep(10);
        }
        System.out.println("s3proxy on port " + proxy.getPort());
    }
}
