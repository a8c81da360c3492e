package io.coherent.observers;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;

/**
 * Passes immutable records between verticles of one JVM by reference: samples are records of records, so
 * sharing them is safe and costs nothing. A clustered event bus would need a wire format; until then
 * sending one over the wire is an error.
 */
final class LocalCodec<T> implements MessageCodec<T, T> {
    private final Class<T> type;

    private LocalCodec(Class<T> type) {
        this.type = type;
    }

    /** Registers the codecs of the run messages on this Vert.x instance (once; later calls do nothing). */
    static synchronized void register(Vertx vertx) {
        for (Class<?> c : new Class<?>[] {RunMessage.Samples.class, RunMessage.SampleMessage.class, RunMessage.End.class, RunMessage.Ack.class}) {
            registerOne(vertx, c);
        }
    }

    private static <T> void registerOne(Vertx vertx, Class<T> type) {
        try {
            vertx.eventBus().registerDefaultCodec(type, new LocalCodec<>(type));
        } catch (IllegalStateException alreadyRegistered) {
            // another run on this Vert.x instance registered it
        }
    }

    @Override
    public void encodeToWire(Buffer buffer, T t) {
        throw new UnsupportedOperationException(type.getSimpleName() + " travels only inside one JVM");
    }

    @Override
    public T decodeFromWire(int pos, Buffer buffer) {
        throw new UnsupportedOperationException(type.getSimpleName() + " travels only inside one JVM");
    }

    @Override
    public T transform(T t) {
        return t;
    }

    @Override
    public String name() {
        return "coherent-local-" + type.getName();
    }

    @Override
    public byte systemCodecID() {
        return -1;
    }
}
