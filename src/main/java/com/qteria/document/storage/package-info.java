/**
 * Encrypted document storage: the {@link com.qteria.document.storage.DocumentStore} port with a local filesystem
 * and an S3 adapter, and {@link com.qteria.document.storage.EncryptedStorage}, which encrypts every object under a
 * data key of its own, wrapped by a configured (rotatable) master key. Internal to the document module.
 */
package com.qteria.document.storage;
