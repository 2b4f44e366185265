package dev.piimap.dist;

import dev.piimap.scanner.cli.Main;

/**
 * Runs several {@code bin/scan export} command lines in one JVM, through the CLI's own entry point
 * ({@link Main#execute}), so that reading back several data maps starts Spark once instead of once per
 * export. Arguments: groups of {@code DATAMAP WHAT OUT}. Exits with the first non-zero status of an
 * export (after printing which one), else 0. Started by {@link StandaloneClusterTest} in a child JVM,
 * never inside the test JVM, which runs no Spark.
 */
public final class ExportAll {
    private ExportAll() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || args.length % 3 != 0) {
            System.err.println("usage: ExportAll (DATAMAP WHAT OUT)...");
            System.exit(Main.EXIT_USAGE);
        }
        int status = Main.EXIT_OK;
        for (int i = 0; i < args.length && status == Main.EXIT_OK; i += 3) {
            status = Main.execute("export", "--datamap", args[i], "--what", args[i + 1], "--out", args[i + 2]);
            if (status != Main.EXIT_OK) {
                System.err.println("export of " + args[i + 1] + " from " + args[i] + " exited with " + status);
            }
        }
        System.out.flush();
        System.err.flush();
        System.exit(status);
    }
}
