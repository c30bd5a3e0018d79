package org.haolin.platform;

import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.decoder.Decoder;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class QrCodeSvgTests {

    @Test
    void theSvgDrawsExactlyTheModulesOfACodeThatReadsBackAsTheOtpauthUri() throws Exception {
        String uri = "otpauth://totp/Haolin:leader1?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Haolin";
        String svg = QrCodeSvg.of(uri);

        assertThat(svg).startsWith("<svg").endsWith("</svg>").doesNotContain("<script").doesNotContain("leader1");
        BitMatrix drawn = modulesOf(svg);
        assertThat(drawn).isEqualTo(QrCodeSvg.matrix(uri));
        assertThat(new Decoder().decode(withoutQuietZone(drawn)).getText()).isEqualTo(uri);
    }

    /** Reads the SVG back: each "Mx yhNv1h-Nz" is a run of N dark modules in row y from column x. */
    private static BitMatrix modulesOf(String svg) {
        Matcher box = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
        assertThat(box.find()).isTrue();
        BitMatrix modules = new BitMatrix(Integer.parseInt(box.group(1)), Integer.parseInt(box.group(2)));
        Matcher run = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-\\3z").matcher(svg);
        while (run.find()) {
            modules.setRegion(Integer.parseInt(run.group(1)), Integer.parseInt(run.group(2)), Integer.parseInt(run.group(3)), 1);
        }
        return modules;
    }

    private static BitMatrix withoutQuietZone(BitMatrix all) {
        int margin = QrCodeSvg.QUIET_ZONE;
        BitMatrix inner = new BitMatrix(all.getWidth() - 2 * margin, all.getHeight() - 2 * margin);
        for (int y = 0; y < inner.getHeight(); y++) {
            for (int x = 0; x < inner.getWidth(); x++) {
                if (all.get(x + margin, y + margin)) {
                    inner.set(x, y);
                }
            }
        }
        return inner;
    }
}
