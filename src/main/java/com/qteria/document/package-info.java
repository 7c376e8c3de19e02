/**
 * Documents: upload, encrypted storage (local or S3), text extraction with positions, OCR and signatures.
 * Other modules ask {@link com.qteria.document.DocumentManagement} for documents and their pages.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Documents")
package com.qteria.document;
