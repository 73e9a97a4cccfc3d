package io.github.cni4j;

import io.github.cni4j.config.NetworkConfigList;
import io.github.cni4j.internal.facade.Cached;
import io.github.cni4j.internal.facade.Call;
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
    final Map<String, Cached> cache = new ConcurrentHashMap<>();
    final Map<String, RuntimeException> failAdd = new ConcurrentHashMap<>();
    final Map<String, RuntimeException> failDel = new ConcurrentHashMap<>();
    final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    final List<Call> dels = Collections.synchronizedList(new ArrayList<>());
    Function<Call, String> resultJson = call -> "{\"cniVersion\":\"1.0.0\",\"interfaces\":[{\"name\":\""
            + call.ifName() + "\",\"sandbox\":\"" + call.netNs() + "\"}],\"ips\":[{\"address\":\"10.0.0."
            + (2 + call.ifName().length()) + "/24\",\"interface\":0}]}";

    volatile Runnable beforeAdd = () -> { };

    @Override
    public Result add(NetworkConfigList net, Call call) {
        beforeAdd.run();
        log.add("ADD " + net.name() + " " + call.ifName());
        calls.add(call);
        RuntimeException e = failAdd.get(net.name());
        if (e != null) {
            throw e;
        }
        cache.put(key(net.name(), call), new Cached(call.containerId(), net.name(), call.ifName(), net.bytes(),
                call.netNs(), call.args(), call.capabilityArgs()));
        return Result.fromBytes(resultJson.apply(call).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void check(NetworkConfigList net, Call call) {
        log.add("CHECK " + net.name() + " " + call.ifName());
    }

    @Override
    public void del(NetworkConfigList net, Call call) {
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
    public void gc(NetworkConfigList net, List<Call> stillValid) {
        log.add("GC " + net.name() + " keep " + stillValid.size());
        cache.values().removeIf(c -> c.network().equals(net.name())
                && stillValid.stream().noneMatch(v -> v.containerId().equals(c.containerId())));
    }

    @Override
    public List<Cached> cachedAttachments(String containerId) {
        List<Cached> out = new ArrayList<>();
        for (Cached c : cache.values()) {
            if (containerId.isEmpty() || c.containerId().equals(containerId)) {
                out.add(c);
            }
        }
        out.sort((a, b) -> (a.network() + a.ifName()).compareTo(b.network() + b.ifName()));
        return out;
    }

    private static String key(String net, Call call) {
        return net + "-" + call.containerId() + "-" + call.ifName();
    }

    static NetworkConfigList net(String name) {
        return NetworkConfigList.fromBytes(("{\"cniVersion\":\"1.0.0\",\"name\":\"" + name
                + "\",\"plugins\":[{\"type\":\"bridge\",\"capabilities\":{\"ips\":true,\"mac\":true}},"
                + "{\"type\":\"portmap\",\"capabilities\":{\"portMappings\":true}}]}")
                .getBytes(StandardCharsets.UTF_8));
    }
}
