package org.haolin.roster.internal;

import org.haolin.roster.RosterJob.Phase;

/** Writes a job's progress at most a few times a second, and always on a change of phase or at the end. */
public final class ProgressReporter {

    private static final long EVERY_NANOS = 300_000_000L;

    private final JobStore jobs;
    private final long jobId;
    private long last;
    private Phase phase;

    public ProgressReporter(JobStore jobs, long jobId) {
        this.jobs = jobs;
        this.jobId = jobId;
    }

    public void report(Phase now, int done, Integer total, boolean force) {
        long time = System.nanoTime();
        if (force || now != phase || time - last > EVERY_NANOS || (total != null && done == total)) {
            jobs.progress(jobId, now, done, total);
            last = time;
            phase = now;
        }
    }
}
