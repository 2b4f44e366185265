package dev.piimap.scanner.job;

import dev.piimap.scanner.source.SourceConnector;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the tasks of a run into groups, one Spark partition each. A source with a concurrency cap
 * (a database's connection limit) gets at most that many groups of its own, so no more than that many
 * of its items are ever scanned at once; the other tasks are cut into groups of at most
 * {@code maxPerGroup}, and into at least as many groups as the cluster has cores.
 */
final class TaskGroups {
    private TaskGroups() {
    }

    /** @param tasks in the order they should run (the order is kept within each group) */
    static List<List<ScanTask>> of(List<ScanTask> tasks, List<SourceConnector> connectors, int parallelism, int maxPerGroup) {
        List<List<ScanTask>> groups = new ArrayList<>();
        List<ScanTask> uncapped = new ArrayList<>();
        List<List<ScanTask>> capped = new ArrayList<>();
        for (int i = 0; i < connectors.size(); i++) {
            capped.add(null);
        }
        for (ScanTask task : tasks) {
            int cap = connectors.get(task.connectorIndex()).maxConcurrency();
            if (cap == Integer.MAX_VALUE) {
                uncapped.add(task);
            } else {
                if (capped.get(task.connectorIndex()) == null) {
                    capped.set(task.connectorIndex(), new ArrayList<>());
                }
                capped.get(task.connectorIndex()).add(task);
            }
        }
        for (int i = 0; i < capped.size(); i++) {
            List<ScanTask> own = capped.get(i);
            if (own != null) {
                groups.addAll(roundRobin(own, Math.max(1, Math.min(connectors.get(i).maxConcurrency(), own.size()))));
            }
        }
        if (!uncapped.isEmpty()) {
            int count = Math.max(Math.min(parallelism, uncapped.size()), (uncapped.size() + maxPerGroup - 1) / maxPerGroup);
            groups.addAll(roundRobin(uncapped, count));
        }
        return groups;
    }

    /** Deals tasks to {@code count} groups in turn, so large items (sorted first) spread across groups. */
    private static List<List<ScanTask>> roundRobin(List<ScanTask> tasks, int count) {
        List<List<ScanTask>> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(new ArrayList<>());
        }
        for (int i = 0; i < tasks.size(); i++) {
            out.get(i % count).add(tasks.get(i));
        }
        return out;
    }
}
