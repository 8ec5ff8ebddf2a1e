package com.verdict.leaderboard;

import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Tells that the boards changed: the boards kept in memory at once ({@link BoardSnapshots}), open boards at most
 * once a second, however many points arrive, so that a rush of judgments does not become a rush of repaints.
 */
@Component
public class BoardUpdates {

    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean changed = new AtomicBoolean();
    private final BoardSnapshots snapshots;

    BoardUpdates(BoardSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    /** Runs {@code listener} after scores change; it must hand the work to its UI with {@code ui.access}. */
    public Registration subscribe(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Board rows, or who hides from boards, changed and the change is committed. */
    void changed() {
        snapshots.changed();
        changed.set(true);
    }

    @Scheduled(fixedDelayString = "PT1S")
    void notifyListeners() {
        if (changed.getAndSet(false)) {
            listeners.forEach(Runnable::run);
        }
    }
}
