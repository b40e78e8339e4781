/**
 * Uploaded files kept outside the database: type checked by content (not by name or header),
 * size-limited, stored under a random name in the uploads folder.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package org.lafaom.platform.storage;
