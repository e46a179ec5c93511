package org.dumbno.server;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.dumbno.manager.ShuntOutcome;
import org.dumbno.manager.Shunter;
import org.dumbno.rule.Request;

/** Records every request and answers it from its own thread, as the engine does. */
final class RecordingShunter implements Shunter, AutoCloseable {
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final ExecutorService completer = Executors.newSingleThreadExecutor();
    private final Function<Request, ShuntOutcome> outcome;

    RecordingShunter(Function<Request, ShuntOutcome> outcome) {
        this.outcome = outcome;
    }

    /** Installs every rule. */
    static RecordingShunter installing() {
        return new RecordingShunter(request -> ShuntOutcome.installed(request.toRule(), 501));
    }

    @Override
    public CompletableFuture<ShuntOutcome> add(Request request) {
        requests.add(request);
        return CompletableFuture.supplyAsync(() -> outcome.apply(request), completer);
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        completer.shutdownNow();
    }
}
