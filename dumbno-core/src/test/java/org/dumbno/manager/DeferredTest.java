package org.dumbno.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** What a call deferred runs in the order it was added, each part guarded. */
class DeferredTest {
    private final List<String> ran = new ArrayList<>();

    @Test
    void actionsAndAnswersRunInTheOrderAdded() {
        Deferred deferred = new Deferred();
        CompletableFuture<ShuntOutcome> first = recorded("first answered");
        CompletableFuture<ShuntOutcome> second = recorded("second answered");
        ShuntOutcome one = ShuntOutcome.refused(null, "one");
        ShuntOutcome two = ShuntOutcome.refused(null, "two");
        deferred.add(() -> ran.add("event"));
        deferred.answer(first, one);
        deferred.add(() -> ran.add("another event"));
        deferred.answer(second, two);

        deferred.run("test");

        assertEquals(List.of("event", "first answered", "another event", "second answered"), ran);
        assertSame(one, first.join());
        assertSame(two, second.join());
    }

    @Test
    void whatFailsStopsNothingAfterIt() {
        Deferred deferred = new Deferred();
        CompletableFuture<ShuntOutcome> throwing = new CompletableFuture<>() {
            @Override
            public boolean complete(ShuntOutcome outcome) {
                throw new IllegalStateException("a completion that throws");
            }
        };
        CompletableFuture<ShuntOutcome> after = recorded("answered");
        deferred.add(() -> {
            throw new IllegalStateException("an action that throws");
        });
        deferred.answer(throwing, ShuntOutcome.refused(null, "lost"));
        deferred.add(() -> ran.add("event"));
        deferred.answer(after, ShuntOutcome.refused(null, "kept"));

        deferred.run("test");

        assertEquals(List.of("event", "answered"), ran);
        assertEquals("kept", after.join().reason());
    }

    @Test
    void whatRanIsForgotten() {
        Deferred deferred = new Deferred();
        deferred.add(() -> ran.add("once"));
        deferred.run("test");
        deferred.run("test");
        assertEquals(List.of("once"), ran);
    }

    private CompletableFuture<ShuntOutcome> recorded(String note) {
        CompletableFuture<ShuntOutcome> future = new CompletableFuture<>();
        future.thenRun(() -> ran.add(note));
        return future;
    }
}
