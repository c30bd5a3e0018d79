/**
 * Key-group lists from the town epidemic office: an .xlsx or JSON list of people in a category is matched
 * to residents (by ID number, phone, or name and a parsed address), the matched rows' tags are applied with
 * the list as their source, and the rows left over are resolved by the people of the area.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "access", "area", "resident"})
package org.haolin.keygroup;
