package dev.piimap.scanner.source.jdbc;

import dev.piimap.classifiers.Classifier;
import dev.piimap.classifiers.mask.Fingerprinter;
import dev.piimap.classifiers.summary.RowKeys;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the subject index says a table's identifiers are: each row's primary key, as
 * {@link DatabaseMetaData#getPrimaryKeys} lists its columns (in key order), rendered by {@link RowKeys}
 * ({@code id=42}, {@code tenant=7,order_no=A-1009}; a key value that is personal data as {@code col=fp:<hmac>}).
 * A table without a primary key, or whose catalog cannot say, has no row keys: its entries carry counts only.
 * Unique indexes are not used instead: they admit NULLs and partial predicates, so they need not name one row.
 */
final class RowKeyColumns {
    private final int[] positions;
    private final RowKeys keys;

    private RowKeyColumns(int[] positions, RowKeys keys) {
        this.positions = positions;
        this.keys = keys;
    }

    /**
     * The table's row keys, or null when it has no primary key (or the catalog cannot list it).
     *
     * @param columns the columns in the order the sample query selects them
     */
    static RowKeyColumns find(DatabaseMetaData metaData, Namespaces namespaces, TableRef table, List<Column> columns,
                              Classifier classifier, Fingerprinter fingerprinter) {
        Map<Integer, String> bySequence = new TreeMap<>();
        try (ResultSet rs = namespaces.primaryKeys(metaData, table)) {
            while (rs.next()) {
                if (table.namespace().equals(namespaces.namespaceOf(rs)) && table.table().equals(rs.getString("TABLE_NAME"))) {
                    bySequence.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
                }
            }
        } catch (SQLException | UnsupportedOperationException e) {
            return null; // keys are where the catalog can tell; the counts are indexed regardless
        }
        if (bySequence.isEmpty()) {
            return null;
        }
        List<String> names = new ArrayList<>(bySequence.values());
        int[] positions = new int[names.size()];
        for (int k = 0; k < names.size(); k++) {
            positions[k] = -1;
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).name().equals(names.get(k))) {
                    positions[k] = i + 1;
                }
            }
            if (positions[k] < 0) {
                return null;
            }
        }
        return new RowKeyColumns(positions, new RowKeys(classifier, fingerprinter, names));
    }

    /** The key of the result's current row, or null when a key value is null. */
    String keyOf(ResultSet row) throws SQLException {
        List<String> values = new ArrayList<>(positions.length);
        for (int position : positions) {
            values.add(row.getString(position));
        }
        return keys.render(values);
    }
}
