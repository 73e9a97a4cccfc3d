package io.github.cni4j.internal.lint;

import io.github.cni4j.internal.lint.PluginKnowledge.FieldType;
import io.github.cni4j.lint.DiagnosticCode;
import io.github.cni4j.version.CniVersion;
import java.util.Optional;

/** Checks {@code cniVersion} and {@code cniVersions} and works out the version the runtime will use. */
final class VersionRules {

    private final LintContext ctx;
    private final JsonNode root;

    VersionRules(LintContext ctx, JsonNode root) {
        this.ctx = ctx;
        this.root = root;
    }

    /** @return the version a runtime picks (the highest supported of both fields), if there is one */
    Optional<CniVersion> check() {
        Optional<CniVersion> single = Optional.empty();
        Optional<JsonNode.Member> m = root.member("cniVersion");
        if (m.isEmpty() || m.get().value().isString() && m.get().value().text().isEmpty()) {
            int start = m.map(JsonNode.Member::keyStart).orElse(root.start());
            int end = m.map(x -> x.value().end()).orElse(root.start() + 1);
            ctx.report(DiagnosticCode.MISSING_VERSION, start, end, "/cniVersion", "no \"cniVersion\"; plugins then "
                    + "assume 0.1.0, which lacks CHECK and rich results", "add \"cniVersion\": \"1.0.0\"");
        } else {
            single = parse(m.get().value(), "/cniVersion", "\"cniVersion\"");
        }
        Optional<CniVersion> best = single;
        Optional<JsonNode.Member> many = root.member("cniVersions");
        if (many.isPresent()) {
            JsonNode arr = many.get().value();
            if (Checks.expect(ctx, DiagnosticCode.WRONG_TYPE, arr, "/cniVersions", "\"cniVersions\"",
                    FieldType.ARRAY)) {
                best = versions(arr, single);
            }
        }
        return best;
    }

    private Optional<CniVersion> versions(JsonNode arr, Optional<CniVersion> single) {
        Optional<CniVersion> best = single;
        boolean anySupported = false;
        for (int i = 0; i < arr.elements().size(); i++) {
            Optional<CniVersion> v = entry(arr.elements().get(i), "/cniVersions/" + i);
            if (v.isPresent() && v.get().isSupported()) {
                anySupported = true;
                if (best.isEmpty() || v.get().compareTo(best.get()) > 0) {
                    best = v;
                }
            }
        }
        if (!anySupported) {
            StringBuilder known = new StringBuilder();
            CniVersion.supported().forEach(s -> known.append(known.length() == 0 ? "" : ", ").append(s));
            ctx.report(DiagnosticCode.NO_SUPPORTED_VERSION, arr, "/cniVersions", "\"cniVersions\" has no supported "
                    + "entry; expected at least one of " + known);
        }
        return best;
    }

    /** Entries newer than this library are what {@code cniVersions} is for, so only unparsable ones are errors. */
    private Optional<CniVersion> entry(JsonNode v, String ptr) {
        if (!Checks.expect(ctx, DiagnosticCode.WRONG_TYPE, v, ptr, "cniVersions entry", FieldType.STRING)) {
            return Optional.empty();
        }
        try {
            return Optional.of(CniVersion.parse(v.text()));
        } catch (RuntimeException e) {
            ctx.report(DiagnosticCode.UNSUPPORTED_VERSION, v, ptr, "\"" + v.text() + "\" is not a CNI version ("
                    + e.getMessage() + "); expected e.g. \"1.1.0\"");
            return Optional.empty();
        }
    }

    /** @return the version if it is a string naming a supported version; reports it otherwise */
    private Optional<CniVersion> parse(JsonNode v, String ptr, String what) {
        if (!Checks.expect(ctx, DiagnosticCode.WRONG_TYPE, v, ptr, what, FieldType.STRING)) {
            return Optional.empty();
        }
        return supported(ctx, v, ptr);
    }

    /** Parses a version string node; reports unparsable and unsupported versions. */
    static Optional<CniVersion> supported(LintContext ctx, JsonNode v, String ptr) {
        CniVersion parsed;
        try {
            parsed = CniVersion.parse(v.text());
        } catch (RuntimeException e) {
            ctx.report(DiagnosticCode.UNSUPPORTED_VERSION, v, ptr, "\"" + v.text() + "\" is not a CNI version ("
                    + e.getMessage() + "); expected e.g. \"1.0.0\"");
            return Optional.empty();
        }
        if (!parsed.isSupported()) {
            CniVersion newest = CniVersion.supported().get(CniVersion.supported().size() - 1);
            ctx.report(DiagnosticCode.UNSUPPORTED_VERSION, v, ptr, "unsupported CNI version \"" + v.text()
                    + "\"; " + (parsed.compareTo(newest) > 0 ? "the newest supported is " + newest
                    : "expected one of " + CniVersion.supported()));
            return Optional.empty();
        }
        return Optional.of(parsed);
    }
}
