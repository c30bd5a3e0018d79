package org.haolin.demo.internal;

import java.util.List;

/** One line of demo-credentials.tsv. Role is SYSTEM_ADMIN for the system administrator, who has no scope. */
record DemoAccount(long accountId, String username, String password, String role, List<Long> scopeAreaIds,
                   String totpSecret, String apiToken) {
}
