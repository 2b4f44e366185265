package dev.piimap.scanner.bench;

/** Binary units, as {@code bin/scan bench} uses them: MB = 1,048,576 bytes, GB = 1,073,741,824 bytes. */
final class Units {
    static final double MB = 1 << 20;
    static final double GB = 1 << 30;

    private Units() {
    }
}
