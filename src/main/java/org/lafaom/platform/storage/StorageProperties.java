package org.lafaom.platform.storage;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** Where uploads live and how large a document may be. */
@ConfigurationProperties("lafaom.uploads")
record StorageProperties(@DefaultValue(".data/uploads") Path dir, @DefaultValue("20MB") DataSize maxDocumentSize) {}
