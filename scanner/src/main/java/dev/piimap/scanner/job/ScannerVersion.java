package dev.piimap.scanner.job;

/** The scanner's version, from the jar manifest when packaged, else "dev". */
public final class ScannerVersion {
    private ScannerVersion() {
    }

    public static String current() {
        String v = ScannerVersion.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
