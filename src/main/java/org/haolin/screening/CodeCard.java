package org.haolin.screening;

/** One printed personal-code card: the resident's name and room, the code text and its QR code as SVG markup. */
public record CodeCard(long residentId, String name, String room, String code, String qrSvg) {
}
