package dev.piimap.scanner.job;

import dev.piimap.scanner.source.ItemResult;
import dev.piimap.scanner.source.ScanContext;
import dev.piimap.scanner.source.ScanItem;
import dev.piimap.scanner.source.SourceConnector;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TaskGroupsTest {
    record Fixed(String name, int maxConcurrency) implements SourceConnector {
        @Override
        public List<ScanItem> listItems() {
            return List.of();
        }

        @Override
        public ItemResult scan(ScanItem item, ScanContext context) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void capsASourceToItsConcurrencyAndSpreadsTheRest() {
        List<SourceConnector> connectors = List.of(new Fixed("db", 2), new Fixed("share", Integer.MAX_VALUE));
        List<ScanTask> tasks = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            tasks.add(new ScanTask(0, new ScanItem("db", "s.t" + i, -1, -1)));
        }
        for (int i = 0; i < 40; i++) {
            tasks.add(new ScanTask(1, new ScanItem("share", "f" + i, 10, 0)));
        }

        List<List<ScanTask>> groups = TaskGroups.of(tasks, connectors, 2, 16);

        assertThat(groups.stream().filter(g -> g.get(0).connectorIndex() == 0)).hasSize(2);
        assertThat(groups).allSatisfy(g -> assertThat(g.stream().map(ScanTask::connectorIndex).distinct()).hasSize(1));
        assertThat(groups.stream().filter(g -> g.get(0).connectorIndex() == 1)).hasSize(3).allSatisfy(g -> assertThat(g.size()).isLessThanOrEqualTo(16));
        assertThat(groups.stream().mapToInt(List::size).sum()).isEqualTo(47);
    }

    @Test
    void fewItemsStillUseEveryCore() {
        List<SourceConnector> connectors = List.<SourceConnector>of(new Fixed("share", Integer.MAX_VALUE));
        List<ScanTask> tasks = List.of(new ScanTask(0, new ScanItem("share", "a", 1, 0)), new ScanTask(0, new ScanItem("share", "b", 1, 0)),
                new ScanTask(0, new ScanItem("share", "c", 1, 0)));
        assertThat(TaskGroups.of(tasks, connectors, 8, 16)).hasSize(3);
        assertThat(TaskGroups.of(List.of(), connectors, 8, 16)).isEmpty();
    }
}
