/**
 * The organisation's centres (main site, branches, partners): staff manage them, and the public
 * site looks them up by id and by country. Training sessions refer to a centre.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package org.lafaom.platform.organization;
