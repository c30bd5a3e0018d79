/**
 * The Excel roster in and out: imports of residents rosters (.xlsx from Excel or WPS) with a dry run, the
 * rejected rows and a template; stairwell and area exports; both as jobs a page can leave and come back to.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "access", "area", "resident"})
package org.haolin.roster;
