package dev.piimap.reports.export;

import dev.piimap.reports.TestSpark;
import dev.piimap.reports.datamap.DataMapFixture;
import dev.piimap.reports.datamap.DataMapReader;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.util.Text;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ArrowExportTest {
    private static final Instant MODIFIED = Instant.parse("2026-11-01T08:30:15.123Z");

    @TempDir
    static Path dir;
    private static DataMapReader reader;

    @BeforeAll
    static void writeOneRun() {
        SparkSession spark = TestSpark.session();
        new DataMapFixture(spark, dir.resolve("dm").toString())
                .run("r1", "committed", Instant.parse("2026-11-28T10:00:00Z"), "db", "support")
                .finding("r1", "db", "app.users.email", "column", "EMAIL_ADDRESS", "user.contact.email",
                        12, 0.97, "a***@e***.com", "12 of 12 sampled values")
                .finding("r1", "support", "tickets/7", "ticket", "PERSON", "user.name", 1, 0.61, null, "one name")
                .asset("r1", "db", "app.users.email", "column", "ok", null, null, null)
                .asset("r1", "support", "tickets/7", "ticket", "ok", null, 2048L, MODIFIED,
                        Map.of("ticket", "7", "requester", "ab12"))
                .asset("r1", "support", "tickets/7/a.pdf", "attachment", "error", "TikaException/parse-failed",
                        10L, null, Map.of("ticket", "7"))
                .write();
        reader = DataMapReader.open(spark, dir.resolve("dm").toString());
    }

    @Test
    void writesFindingsWithArrowTypesInJsonlOrder() throws IOException {
        Path file = export(Exporter.What.FINDINGS, "findings.arrow");

        try (BufferAllocator allocator = new RootAllocator();
             ArrowFileReader arrow = new ArrowFileReader(FileChannel.open(file), allocator)) {
            Schema schema = arrow.getVectorSchemaRoot().getSchema();
            assertThat(schema.getFields()).extracting(Field::getName).containsExactly("run_id", "source", "asset",
                    "asset_kind", "type", "category", "count", "confidence", "sample", "explanation", "detector");
            assertThat(type(schema, "asset")).isEqualTo(ArrowType.Utf8.INSTANCE);
            assertThat(type(schema, "count")).isEqualTo(new ArrowType.Int(64, true));
            assertThat(type(schema, "confidence")).isEqualTo(new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE));
            assertThat(schema.findField("count").isNullable()).isFalse();
            assertThat(schema.findField("sample").isNullable()).isTrue();

            List<Map<String, Object>> rows = rows(arrow);
            assertThat(rows).hasSize(2);
            assertThat(rows.get(0)).containsEntry("asset", "app.users.email").containsEntry("count", 12L)
                    .containsEntry("confidence", 0.97).containsEntry("sample", "a***@e***.com")
                    .containsEntry("category", "user.contact.email").containsEntry("detector", "test-detector");
            assertThat(rows.get(1)).containsEntry("asset", "tickets/7").containsEntry("sample", null);
        }
    }

    @Test
    void writesAssetsWithUtcMillisecondTimestampsAndLinksAsAMap() throws IOException {
        Path file = export(Exporter.What.ASSETS, "assets.arrow");

        try (BufferAllocator allocator = new RootAllocator();
             ArrowFileReader arrow = new ArrowFileReader(FileChannel.open(file), allocator)) {
            Schema schema = arrow.getVectorSchemaRoot().getSchema();
            assertThat(schema.getFields()).extracting(Field::getName).containsExactly("run_id", "source", "asset",
                    "asset_kind", "status", "detail", "bytes", "modified", "links");
            assertThat(type(schema, "modified")).isEqualTo(new ArrowType.Timestamp(TimeUnit.MILLISECOND, "UTC"));
            assertThat(type(schema, "links")).isEqualTo(new ArrowType.Map(false));
            Field entries = schema.findField("links").getChildren().get(0);
            assertThat(entries.getChildren()).extracting(Field::getName, Field::getType)
                    .containsExactly(tuple("key", ArrowType.Utf8.INSTANCE), tuple("value", ArrowType.Utf8.INSTANCE));

            List<Map<String, Object>> rows = rows(arrow);
            assertThat(rows).extracting(row -> row.get("asset"))
                    .containsExactly("app.users.email", "tickets/7", "tickets/7/a.pdf");
            assertThat(rows.get(0)).containsEntry("bytes", null).containsEntry("modified", null)
                    .containsEntry("links", null).containsEntry("detail", null);
            assertThat(rows.get(1)).containsEntry("bytes", 2048L)
                    .containsEntry("modified", MODIFIED.toEpochMilli())
                    .containsEntry("links", Map.of("requester", "ab12", "ticket", "7"));
            assertThat(rows.get(2)).containsEntry("detail", "TikaException/parse-failed")
                    .containsEntry("links", Map.of("ticket", "7"));
        }
    }

    @Test
    void splitsRowsIntoRecordBatchesAndWritesAnEmptyRunAsSchemaOnly() throws IOException {
        Path file = dir.resolve("batched.arrow");
        try (OutputStream out = Files.newOutputStream(file)) {
            long written = ArrowExport.write(ExportRows.ASSETS,
                    ExportRows.ordered(reader, reader.requireLatestCommittedRun(), Exporter.What.ASSETS), out, 2);
            assertThat(written).isEqualTo(3);
        }
        Path empty = dir.resolve("empty.arrow");
        try (OutputStream out = Files.newOutputStream(empty)) {
            assertThat(ArrowExport.write(ExportRows.FINDINGS, List.<Row>of().iterator(), out,
                    ArrowExport.BATCH_ROWS)).isZero();
        }

        try (BufferAllocator allocator = new RootAllocator();
             ArrowFileReader batched = new ArrowFileReader(FileChannel.open(file), allocator);
             ArrowFileReader none = new ArrowFileReader(FileChannel.open(empty), allocator)) {
            assertThat(batched.getRecordBlocks()).hasSize(2);
            List<Map<String, Object>> rows = rows(batched);
            assertThat(rows).extracting(row -> row.get("asset"))
                    .containsExactly("app.users.email", "tickets/7", "tickets/7/a.pdf");
            assertThat(rows.get(2)).as("the second batch reuses the vectors")
                    .containsEntry("links", Map.of("ticket", "7")).containsEntry("modified", null);
            assertThat(none.getVectorSchemaRoot().getSchema()).isEqualTo(ArrowExport.schema(ExportRows.FINDINGS));
            assertThat(none.getRecordBlocks()).isEmpty();
        }
    }

    private static Path export(Exporter.What what, String name) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            new Exporter(reader).write(what, Exporter.Format.ARROW, out);
        }
        assertThat(Files.readAllBytes(file)).startsWith('A', 'R', 'R', 'O', 'W', '1');
        return file;
    }

    private static ArrowType type(Schema schema, String field) {
        return schema.findField(field).getType();
    }

    /** Every row of every batch as field name to plain Java value (strings, longs, doubles, maps). */
    private static List<Map<String, Object>> rows(ArrowFileReader arrow) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        VectorSchemaRoot root = arrow.getVectorSchemaRoot();
        while (arrow.loadNextBatch()) {
            for (int i = 0; i < root.getRowCount(); i++) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (FieldVector vector : root.getFieldVectors()) {
                    row.put(vector.getName(), plain(vector, i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static Object plain(FieldVector vector, int index) {
        Object value = vector.getObject(index);
        if (value instanceof Text text) {
            return text.toString();
        }
        if (vector instanceof MapVector && value instanceof List<?> entries) {
            Map<String, String> map = new TreeMap<>();
            for (Object entry : entries) {
                Map<?, ?> pair = (Map<?, ?>) entry;
                map.put(pair.get(MapVector.KEY_NAME).toString(), pair.get(MapVector.VALUE_NAME).toString());
            }
            return map;
        }
        return value;
    }
}
