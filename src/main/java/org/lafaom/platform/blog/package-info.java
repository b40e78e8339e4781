/**
 * News of the public site: categories, posts with a cover image, and ordered sections. Staff write
 * and publish; the public reads published posts only (drafts need {@code can_view_blog}). Slugs
 * follow python-slugify and are unique among live rows by partial unique indexes.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "storage"})
package org.lafaom.platform.blog;
