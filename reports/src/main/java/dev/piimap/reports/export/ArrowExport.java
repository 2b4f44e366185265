package dev.piimap.reports.export;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.TimeStampMilliTZVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.spark.sql.Row;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * {@code --format arrow}: an Arrow IPC file (the random-access "file" format, magic {@code ARROW1},
 * readable with {@code ArrowFileReader}, {@code pyarrow.ipc.open_file}, DuckDB, Polars) holding the
 * jsonl fields in jsonl order, one column each:
 * <ul>
 *   <li>text: {@code Utf8}; {@code count} and {@code bytes}: {@code Int64}; {@code confidence}:
 *       {@code Float64};</li>
 *   <li>{@code modified}: {@code Timestamp(MILLISECOND, "UTC")} (sub-millisecond digits are dropped);</li>
 *   <li>{@code links}: {@code Map<Utf8, Utf8>} with entries sorted by key.</li>
 * </ul>
 * Columns that are NOT NULL in the data map are non-nullable Arrow fields; nulls stay nulls. Rows are
 * written in record batches of at most {@link #BATCH_ROWS}, so memory is bounded by one batch
 * whatever the size of the run. An empty run is a valid file with the schema and no batches.
 * The target is flushed, never closed.
 */
final class ArrowExport {
    /** Rows per record batch. */
    static final int BATCH_ROWS = 65_536;

    private ArrowExport() {
    }

    /** The Arrow schema of these export fields (see the class comment for the type of each kind). */
    static Schema schema(List<ExportField> fields) {
        List<Field> arrowFields = new ArrayList<>(fields.size());
        for (ExportField field : fields) {
            arrowFields.add(arrowField(field));
        }
        return new Schema(arrowFields);
    }

    /**
     * Writes every row to {@code out} as one Arrow IPC file.
     *
     * @param batchRows rows per record batch, at least 1
     * @return the number of rows written
     */
    static long write(List<ExportField> fields, Iterator<Row> rows, OutputStream out, int batchRows) throws IOException {
        if (batchRows < 1) {
            throw new IllegalArgumentException("batchRows is " + batchRows + ": give at least 1");
        }
        long written = 0;
        try (BufferAllocator allocator = new RootAllocator();
             VectorSchemaRoot root = VectorSchemaRoot.create(schema(fields), allocator);
             ArrowFileWriter writer = new ArrowFileWriter(root, new DictionaryProvider.MapDictionaryProvider(),
                     Channels.newChannel(new KeepOpen(out)))) {
            writer.start();
            int inBatch = 0;
            while (rows.hasNext()) {
                if (inBatch == 0) {
                    root.allocateNew();
                }
                Row row = rows.next();
                for (int i = 0; i < fields.size(); i++) {
                    ExportField field = fields.get(i);
                    set(root.getVector(i), inBatch, field.value(row));
                }
                inBatch++;
                if (inBatch == batchRows) {
                    writeBatch(root, writer, inBatch);
                    written += inBatch;
                    inBatch = 0;
                }
            }
            if (inBatch > 0) {
                writeBatch(root, writer, inBatch);
                written += inBatch;
            }
            writer.end();
        }
        out.flush();
        return written;
    }

    private static void writeBatch(VectorSchemaRoot root, ArrowFileWriter writer, int rowCount) throws IOException {
        root.setRowCount(rowCount);
        writer.writeBatch();
    }

    private static Field arrowField(ExportField field) {
        FieldType type = new FieldType(field.nullable(), arrowType(field.kind()), null);
        if (field.kind() != ExportField.Kind.STRING_MAP) {
            return new Field(field.name(), type, null);
        }
        Field key = new Field(MapVector.KEY_NAME, FieldType.notNullable(ArrowType.Utf8.INSTANCE), null);
        Field value = new Field(MapVector.VALUE_NAME, FieldType.nullable(ArrowType.Utf8.INSTANCE), null);
        Field entries = new Field(MapVector.DATA_VECTOR_NAME, FieldType.notNullable(ArrowType.Struct.INSTANCE),
                List.of(key, value));
        return new Field(field.name(), type, List.of(entries));
    }

    private static ArrowType arrowType(ExportField.Kind kind) {
        return switch (kind) {
            case STRING -> ArrowType.Utf8.INSTANCE;
            case LONG -> new ArrowType.Int(64, true);
            case DOUBLE -> new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
            case TIMESTAMP -> new ArrowType.Timestamp(TimeUnit.MILLISECOND, "UTC");
            case STRING_MAP -> new ArrowType.Map(false);
        };
    }

    /** Sets row {@code index} of a vector made from {@link #arrowField}; the value's Java type follows the field's kind. */
    private static void set(FieldVector vector, int index, Object value) {
        if (value == null) {
            vector.setNull(index);
            return;
        }
        if (vector instanceof VarCharVector text) {
            text.setSafe(index, ((String) value).getBytes(StandardCharsets.UTF_8));
        } else if (vector instanceof BigIntVector number) {
            number.setSafe(index, (Long) value);
        } else if (vector instanceof Float8Vector number) {
            number.setSafe(index, (Double) value);
        } else if (vector instanceof TimeStampMilliTZVector time) {
            time.setSafe(index, ((Instant) value).toEpochMilli());
        } else if (vector instanceof MapVector map) {
            setMap(map, index, (Map<?, ?>) value);
        } else {
            throw new IllegalStateException("no export kind makes a " + vector.getClass().getSimpleName());
        }
    }

    private static void setMap(MapVector map, int index, Map<?, ?> value) {
        StructVector entries = (StructVector) map.getDataVector();
        VarCharVector keys = (VarCharVector) entries.getChild(MapVector.KEY_NAME);
        VarCharVector values = (VarCharVector) entries.getChild(MapVector.VALUE_NAME);
        int entry = map.startNewValue(index);
        for (Map.Entry<?, ?> pair : value.entrySet()) {
            entries.setIndexDefined(entry);
            keys.setSafe(entry, ((String) pair.getKey()).getBytes(StandardCharsets.UTF_8));
            if (pair.getValue() == null) {
                values.setNull(entry);
            } else {
                values.setSafe(entry, ((String) pair.getValue()).getBytes(StandardCharsets.UTF_8));
            }
            entry++;
        }
        map.endValue(index, value.size());
    }

    /** Lets the Arrow writer close its channel without closing the caller's stream. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
