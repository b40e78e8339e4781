package org.lafaom.platform.blog;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Blog settings: the largest cover image accepted, and where the old backend's {@code src/static}
 * folder was copied, so covers it stored as {@code static/uploads/posts/...} stay readable.
 */
@ConfigurationProperties("lafaom.blog")
record BlogProperties(@DefaultValue("10MB") DataSize maxImageSize, @DefaultValue(".data/legacy-static") Path legacyStaticDir) {}
