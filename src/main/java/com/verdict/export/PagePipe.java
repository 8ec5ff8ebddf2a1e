package com.verdict.export;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Hands pages of records from the thread that reads the database to the thread that writes the file, at
 * most {@value #CAPACITY} pages ahead, so that reading and writing overlap while memory stays flat. Either
 * side can end it: the reader by finishing or failing, the writer by cancelling (the client went away); and whoever
 * asked for the file, by no longer wanting it, which both sides see within a page.
 * Waits are short polls rather than interrupts: interrupting a thread inside H2 can close the database file.
 */
final class PagePipe implements DatasetWriter.Pages {

    static final int CAPACITY = 2;
    private static final long POLL_MS = 50;
    /** Compared by identity: a list of its own, never equal-and-identical to a page. */
    private static final List<ExportRecord> END = Collections.unmodifiableList(new ArrayList<>());

    private final BlockingQueue<List<ExportRecord>> pages = new ArrayBlockingQueue<>(CAPACITY);
    /** Whoever asked for the file still wants it: a preview of a choice since changed does not. */
    private final BooleanSupplier wanted;
    private volatile boolean cancelled;

    PagePipe(BooleanSupplier wanted) {
        this.wanted = wanted;
    }
    private volatile Throwable failure;

    /** Reader side: blocks while the writer is {@value #CAPACITY} pages behind; throws once cancelled. */
    @Override
    public void accept(List<ExportRecord> page) throws IOException {
        stillWanted();
        try {
            while (!pages.offer(page, POLL_MS, TimeUnit.MILLISECONDS)) {
                stillWanted();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while handing over a page");
        }
    }

    /** Reader side: throws once the writer has cancelled. */
    @Override
    public void stillWanted() {
        if (cancelled || !wanted.getAsBoolean()) {
            throw new CancellationException("The file is no longer being written");
        }
    }

    /** Reader side: every page is in. */
    void finish() throws IOException {
        accept(END);
    }

    /** Reader side: reading failed; the writer rethrows it. */
    void fail(Throwable e) {
        failure = e;
    }

    /** Writer side: the next page, or null when all are in. */
    List<ExportRecord> next() throws IOException {
        try {
            while (true) {
                List<ExportRecord> page = pages.poll(POLL_MS, TimeUnit.MILLISECONDS);
                if (page == END) {
                    return null;
                }
                if (page != null) {
                    return page;
                }
                if (!wanted.getAsBoolean()) {
                    cancel();
                    throw new CancellationException("The file is no longer wanted");
                }
                Throwable e = failure;
                if (e != null) {
                    if (e instanceof IOException io) {
                        throw io;
                    }
                    if (e instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    throw new IllegalStateException("Reading the export failed", e);
                }
            }
        } catch (InterruptedException e) {
            cancel();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while waiting for a page");
        }
    }

    /** Writer side: stop reading. */
    void cancel() {
        cancelled = true;
    }
}
