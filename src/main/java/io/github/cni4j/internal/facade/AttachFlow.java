package io.github.cni4j.internal.facade;

import io.github.cni4j.error.CniException;
import io.github.cni4j.error.ConfigException;
import io.github.cni4j.error.PluginException;
import io.github.cni4j.internal.config.GoQuote;
import io.github.cni4j.internal.invoke.Failures;
import io.github.cni4j.result.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Adds the networks of a plan in order, all or nothing.
 *
 * <p>go-cni adds networks in parallel and leaves the successful ones attached when one fails (the caller ends up
 * with leaked veths and IP reservations, nerdctl#665). Here, when network k fails, networks k, k-1, ..., 1 are
 * deleted again, in that order, before the error is raised: the spec wants every ADD, even a failed one, followed
 * by a DEL. The error keeps its type and code; its message names the failing network and plugin and tells what
 * the rollback did, and rollback failures are attached as suppressed exceptions.
 */
public final class AttachFlow {

    private AttachFlow() {
    }

    /** A step that was added, with its result. */
    public record Added(Step step, Result result) {
    }

    /**
     * Runs the plan.
     *
     * @param ops the operations
     * @param containerId the container, for messages
     * @param steps the networks in order
     * @param inspect called after each ADD with the step and its result; an exception it throws counts as that
     *                network's failure (used to reject malformed results)
     * @return the added steps with their results, in plan order
     * @throws CniException the first failure, re-raised with context after the rollback
     */
    public static List<Added> run(NetworkOps ops, String containerId, List<Step> steps,
                                  BiConsumer<Step, Result> inspect) {
        List<Added> added = new ArrayList<>(steps.size());
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            try {
                Result r = ops.add(step.net(), step.rt());
                inspect.accept(step, r);
                added.add(new Added(step, r));
            } catch (RuntimeException e) {
                throw rollBack(ops, containerId, steps, i, e);
            }
        }
        return List.copyOf(added);
    }

    /**
     * Whether the failed ADD stopped before its first plugin ran: the first plugin was not found or its validation
     * failed (libcni finds and validates per plugin, before running it), or CNI_ARGS could not be encoded.
     */
    private static boolean nothingRan(Step s, RuntimeException e) {
        if (!(e instanceof PluginException p && p.kind() == PluginException.Kind.NOT_FOUND
                || e instanceof ConfigException)) {
            return false;
        }
        String msg = ((CniException) e).msg();
        return msg.startsWith("invalid CNI_ARGS pair ") || msg.startsWith("plugin type=" + GoQuote.quote(s.net().plugins().get(0).type()) + " ")
                        && msg.contains(" failed (add): ");
    }

    private static RuntimeException rollBack(NetworkOps ops, String containerId, List<Step> steps, int failed,
                                             RuntimeException cause) {
        List<String> undone = new ArrayList<>();
        List<String> notUndone = new ArrayList<>();
        List<RuntimeException> errors = new ArrayList<>();
        // An interrupt (e.g. a cancelled attach) must not cancel the cleanup too; the flag is restored after.
        boolean interrupted = Thread.interrupted();
        try {
            for (int i = failed; i >= 0; i--) {
                Step s = steps.get(i);
                if (i == failed && nothingRan(s, cause)) {
                    continue;   // a DEL would only fail the same way, and there is nothing to undo
                }
                try {
                    ops.del(s.net(), s.rt());
                    undone.add(s.describe());
                } catch (RuntimeException e) {
                    notUndone.add(s.describe() + ": " + Failures.messageOf(e));
                    errors.add(e);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        Step step = steps.get(failed);
        if (!(cause instanceof CniException ce)) {
            // A bug or an unexpected runtime failure: keep it as it is, only record what the rollback did.
            return Failures.withSuppressed(cause, errors);
        }
        String prefix = "attaching container \"" + containerId + "\" failed at " + Failures.pluginOf(ce)
                + step.describe() + ", network " + (failed + 1) + " of " + steps.size() + ": ";
        String suffix = notUndone.isEmpty() && undone.isEmpty() ? ""
                : notUndone.isEmpty()
                ? "; rolled back: deleted " + String.join(", ", undone) + " again"
                : "; rollback incomplete: could not delete " + String.join("; ", notUndone)
                        + " (see suppressed exceptions)" + (undone.isEmpty() ? "" : "; deleted "
                        + String.join(", ", undone) + " again");
        return Failures.withSuppressed(Failures.augment(ce, prefix, suffix), errors);
    }
}
