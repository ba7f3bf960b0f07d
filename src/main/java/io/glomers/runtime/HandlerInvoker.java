package io.glomers.runtime;

/**
 * Calls one {@link MessageHandler} method on its bean with the bound body (and the envelope, if the
 * method takes it), returning the reply body or {@code null}. Spring AOT generates one per handler
 * as a direct call ({@link HandlerTable}); without AOT the registry makes a reflective one.
 */
@FunctionalInterface
public interface HandlerInvoker {

    Object invoke(Object bean, Object body, Envelope envelope) throws Exception;
}
