/**
 * Infrastructure every capability shares: the database (embedded or external), sensitive-field
 * encryption and masking, messages and locale, error answers, and the page layout.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.haolin.platform;
