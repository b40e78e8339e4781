/**
 * People and what they may do: user accounts, profiles, roles and the PermissionEnum grants, the
 * password hashes, and the first administrator taken from the environment.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "notifications", "storage"})
package org.lafaom.platform.users;
