/**
 * The workforce (一核四维) of each residential area: the Party organisation and the four forces, the people who
 * work in them with rank, skills and contact, Party members registered for community service; and the volunteer
 * pool (有生力量): recruitment search with consent, training records, the protection standard (防护标准).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "access", "area", "resident"})
package org.haolin.workforce;
