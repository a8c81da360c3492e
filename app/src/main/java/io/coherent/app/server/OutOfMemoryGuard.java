package io.coherent.app.server;

import io.vertx.core.Vertx;
import java.io.PrintWriter;

/**
 * Ends {@code coherent serve} when the JVM runs out of memory. After an OutOfMemoryError in an event loop, a worker or
 * an integration, some threads are dead and others half-way through a handler: the server of issue 15 then answered
 * nothing, and ignored SIGTERM. Exiting at once (code 3, one line on stderr) lets a supervisor restart it; the
 * launcher script also passes {@code -XX:+ExitOnOutOfMemoryError}, which catches the errors that never reach a
 * handler. The server's own limits ({@code --history-mb}, {@code --max-points}, {@code --max-dimension}) are what
 * keep it from getting here.
 */
final class OutOfMemoryGuard {
    static final int EXIT_CODE = 3;

    private OutOfMemoryGuard() {
    }

    static void install(Vertx vertx, PrintWriter err) {
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            exitIfFatal(e, err);
            if (previous != null) {
                previous.uncaughtException(thread, e);
            } else {
                e.printStackTrace();
            }
        });
        vertx.exceptionHandler(e -> exitIfFatal(e, err));
    }

    /** Halts the JVM if {@code e} (or its cause) is an OutOfMemoryError. */
    static void exitIfFatal(Throwable e, PrintWriter err) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                err.println("coherent: serve: out of memory (" + t.getMessage() + "); stopping rather than answering "
                        + "nothing: give the JVM more heap (-Xmx) or lower --history-mb, --max-points or --max-dimension");
                err.flush();
                Runtime.getRuntime().halt(EXIT_CODE);
            }
        }
    }
}
