package com.qteria.document.extraction;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Word files written part by part with {@code java.util.zip}, for what POI would not write quickly: a body of many
 * megabytes of XML that compresses well, streamed to disk (never held in memory).
 */
public final class GeneratedDocx {

    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final String RUN = "<w:r><w:t xml:space=\"preserve\">The equipment was tested according to "
            + "the standard and met the requirement. </w:t></w:r>";
    private static final int CENTRAL_DIRECTORY_HEADER = 0x02014b50;

    private GeneratedDocx() {
    }

    /**
     * A one-page Word document whose body is at least {@code xmlBytes} of XML: paragraphs of four repeated runs and a
     * random clause number, which compress about 65:1, under POI's 100:1 zip-bomb guard (as the bomb of issue 11,
     * 1.5 GB of XML at 48:1).
     */
    public static Path bomb(Path file, long xmlBytes) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            zip.setLevel(Deflater.BEST_SPEED);
            part(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                    <Default Extension="xml" ContentType="application/xml"/>\
                    <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.\
                    wordprocessingml.document.main+xml"/></Types>""");
            part(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/\
                    officeDocument" Target="word/document.xml"/></Relationships>""");
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            Writer xml = new OutputStreamWriter(unclosable(zip), StandardCharsets.UTF_8);
            xml.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w=\"" + W
                    + "\"><w:body>");
            Random random = new Random(11);
            String runs = RUN.repeat(4);
            for (long written = 0; written < xmlBytes; ) {
                String paragraph = "<w:p>" + runs + "<w:r><w:t>Clause " + random.nextInt(100_000) + "</w:t></w:r></w:p>";
                xml.write(paragraph);
                written += paragraph.length();
            }
            xml.write("</w:body></w:document>");
            xml.close();
            zip.closeEntry();
        }
        return file;
    }

    /** Claims in the zip's central directory that every part unpacks to 1,000 bytes, whatever it really holds. */
    public static void understateSizes(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer zip = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i + 46 <= bytes.length; i++) {
            if (zip.getInt(i) == CENTRAL_DIRECTORY_HEADER) {
                zip.putInt(i + 24, 1_000);
            }
        }
        Files.write(file, bytes);
    }

    private static void part(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static OutputStream unclosable(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
