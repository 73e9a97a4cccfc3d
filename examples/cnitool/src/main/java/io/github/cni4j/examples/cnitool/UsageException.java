package io.github.cni4j.examples.cnitool;

/** A command line the tool cannot run: unknown command, missing or bad argument. Exit status 2 with usage. */
final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
