package io.github.cni4j;

import io.github.cni4j.cache.CachedAttachment;
import io.github.cni4j.config.NetworkConfigList;
import io.github.cni4j.internal.json.JsonValues;
import io.github.cni4j.invoke.CniInvoker.GcAttachment;
import io.github.cni4j.invoke.RuntimeConf;
import io.github.cni4j.internal.facade.NetworkOps;
import io.github.cni4j.result.Result;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A scripted {@link NetworkOps} for unit tests: records every call, keeps a fake cache of added attachments, and
 * fails the operations a test tells it to fail.
 */
final class FakeOps implements NetworkOps {

    final List<String> log = Collections.synchronizedList(new ArrayList<>());
    final Map<String, CachedAttachment> cache = new ConcurrentHashMap<>();
    final Map<String, RuntimeException> failAdd = new ConcurrentHashMap<>();
    final Map<String, RuntimeException> failDel = new ConcurrentHashMap<>();
    final List<RuntimeConf> calls = Collections.synchronizedList(new ArrayList<>());
    final List<RuntimeConf> dels = Collections.synchronizedList(new ArrayList<>());
    Function<RuntimeConf, String> resultJson = call -> "{\"cniVersion\":\"1.0.0\",\"interfaces\":[{\"name\":\""
            + call.ifName() + "\",\"sandbox\":\"" + call.netNs() + "\"}],\"ips\":[{\"address\":\"10.0.0."
            + (2 + call.ifName().length()) + "/24\",\"interface\":0}]}";

    volatile Runnable beforeAdd = () -> { };

    @Override
    public Result add(NetworkConfigList net, RuntimeConf call) {
        beforeAdd.run();
        log.add("ADD " + net.name() + " " + call.ifName());
        calls.add(call);
        RuntimeException e = failAdd.get(net.name());
        if (e != null) {
            throw e;
        }
        cache.put(key(net.name(), call), CachedAttachment.builder().containerId(call.containerId())
                .networkName(net.name()).ifName(call.ifName()).config(net.bytes()).netNs(call.netNs())
                .cniArgs(call.args()).capabilityArgs(call.capabilityArgs()).build());
        return Result.fromBytes(resultJson.apply(call).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void check(NetworkConfigList net, RuntimeConf call) {
        log.add("CHECK " + net.name() + " " + call.ifName());
    }

    @Override
    public void del(NetworkConfigList net, RuntimeConf call) {
        log.add("DEL " + net.name() + " " + call.ifName());
        dels.add(call);
        RuntimeException e = failDel.get(net.name());
        if (e != null) {
            throw e;
        }
        cache.remove(key(net.name(), call));
    }

    @Override
    public void status(NetworkConfigList net) {
        log.add("STATUS " + net.name());
    }

    @Override
    public void gc(NetworkConfigList net, List<GcAttachment> stillValid) {
        log.add("GC " + net.name() + " keep " + stillValid.size());
        cache.values().removeIf(c -> c.networkName().equals(net.name())
                && stillValid.stream().noneMatch(v -> v.containerId().equals(c.containerId())));
    }

    @Override
    public List<CachedAttachment> cachedAttachments(String containerId) {
        List<CachedAttachment> out = new ArrayList<>();
        for (CachedAttachment c : cache.values()) {
            if (containerId.isEmpty() || c.containerId().equals(containerId)) {
                out.add(c);
            }
        }
        out.sort((a, b) -> (a.networkName() + a.ifName()).compareTo(b.networkName() + b.ifName()));
        return out;
    }

    private static String key(String net, RuntimeConf call) {
        return net + "-" + call.containerId() + "-" + call.ifName();
    }

    /** A capability argument (or all of them) as the JSON the plugin receives. */
    static String json(Object value) {
        return JsonValues.toTree(value).toString();
    }

    static NetworkConfigList net(String name) {
        return NetworkConfigList.fromBytes(("{\"cniVersion\":\"1.0.0\",\"name\":\"" + name
                + "\",\"plugins\":[{\"type\":\"bridge\",\"capabilities\":{\"ips\":true,\"mac\":true}},"
                + "{\"type\":\"portmap\",\"capabilities\":{\"portMappings\":true}}]}")
                .getBytes(StandardCharsets.UTF_8));
    }
}
