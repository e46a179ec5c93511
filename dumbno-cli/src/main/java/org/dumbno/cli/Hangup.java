package org.dumbno.cli;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIGHUP for the resident server: instead of ending the JVM (its default), it runs an action. The
 * JDK's signal API ({@code sun.misc.Signal} in the {@code jdk.unsupported} module) is reached
 * reflectively, since the compiler treats it as proprietary API and the build refuses warnings.
 */
final class Hangup {
    private static final Logger LOG = LoggerFactory.getLogger(Hangup.class);

    private Hangup() {
    }

    /**
     * Runs {@code action} on each SIGHUP, on the JVM's signal thread; false (logged) when this JVM
     * cannot take over the signal, which then ends it as before.
     */
    static boolean onHangup(Runnable action) {
        try {
            Class<?> signal = Class.forName("sun.misc.Signal");
            Class<?> handler = Class.forName("sun.misc.SignalHandler");
            Object proxy = Proxy.newProxyInstance(Hangup.class.getClassLoader(), new Class<?>[] {handler},
                    (self, method, args) -> {
                        if (method.getName().equals("handle")) {
                            action.run();
                            return null;
                        }
                        return switch (method.getName()) {
                            case "hashCode" -> System.identityHashCode(self);
                            case "equals" -> self == args[0];
                            default -> "SIGHUP handler";
                        };
                    });
            Object hup = signal.getConstructor(String.class).newInstance("HUP");
            signal.getMethod("handle", signal, handler).invoke(null, hup, proxy);
            return true;
        } catch (ReflectiveOperationException | LinkageError | IllegalArgumentException e) {
            Throwable cause = e instanceof InvocationTargetException target ? target.getCause() : e;
            LOG.warn("SIGHUP cannot reload the configuration in this JVM ({}): it stops dumbno instead", cause.toString());
            return false;
        }
    }
}
