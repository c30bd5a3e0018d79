package org.haolin.keygroup;

/**
 * One row of a list as the office sends it, text as typed: name, ID number and/or phone, the address as
 * free text, the dates (2026-04-01, 2026/4/1 or 2026年4月1日) and the status (在管/ACTIVE or 解除/ENDED).
 */
public record NewKeyGroupRow(String name, String idNumber, String phone, String address, String from, String to,
                             String status) {
}
