package io.github.cni4j.netns;

import io.github.cni4j.error.NetNsException;

/**
 * Thrown when a platform thread cannot be switched back to its original network namespace. It is an
 * {@link Error} on purpose: the thread now sits in the wrong namespace and should end, not be caught and reused.
 */
final class StrandedThreadError extends Error {

    private static final long serialVersionUID = 1L;

    StrandedThreadError(NetNsException cause) {
        super(cause.getMessage() + "; this thread is left in the wrong network namespace and must end", cause);
    }
}
