package org.haolin.roster.web;

import jakarta.servlet.http.HttpServletResponse;
import org.haolin.platform.XlsxDownload;

/** Headers of an .xlsx download, set before the first byte is streamed. */
final class Xlsx {

    private Xlsx() {
    }

    static void download(HttpServletResponse response, String fileName) {
        XlsxDownload.headers(response, fileName);
    }
}
