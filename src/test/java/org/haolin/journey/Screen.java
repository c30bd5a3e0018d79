package org.haolin.journey;

import com.microsoft.playwright.Browser;

/** The screens a journey runs on: an office desktop, or a phone at a building door. */
public enum Screen {
    DESKTOP, PHONE;

    Browser.NewContextOptions options() {
        Browser.NewContextOptions options = new Browser.NewContextOptions().setTimezoneId("Asia/Shanghai");
        return switch (this) {
            case DESKTOP -> options.setViewportSize(1280, 800);
            case PHONE -> options.setViewportSize(390, 844).setDeviceScaleFactor(2).setIsMobile(true).setHasTouch(true);
        };
    }
}
