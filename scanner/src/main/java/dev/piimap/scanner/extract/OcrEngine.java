package dev.piimap.scanner.extract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Finds out, once per JVM and Tesseract location, whether OCR can run here: the {@code tesseract}
 * program answers {@code --version} within a few seconds. Executors answer for themselves, so a
 * cluster whose workers lack Tesseract reports {@value OcrSettings#NO_ENGINE} rather than failing.
 */
final class OcrEngine {
    private static final long PROBE_SECONDS = 10;
    private static final Map<String, Boolean> AVAILABLE = new ConcurrentHashMap<>();

    private OcrEngine() {
    }

    /** True when OCR is enabled and Tesseract runs. */
    static boolean active(OcrSettings settings) {
        return settings.enabled() && installed(settings.tesseractPath());
    }

    /** Why an image or scanned page stays unread when OCR is not {@link #active}. */
    static String inactiveReason(OcrSettings settings) {
        return settings.enabled() ? OcrSettings.NO_ENGINE : OcrSettings.OFF;
    }

    /** Whether the tesseract program in {@code folder} (null: on the PATH) runs. */
    static boolean installed(String folder) {
        return AVAILABLE.computeIfAbsent(folder == null ? "" : folder, OcrEngine::probe);
    }

    private static boolean probe(String folder) {
        String program = folder.isEmpty() ? "tesseract" : Path.of(folder, "tesseract").toString();
        if (!folder.isEmpty() && !Files.isExecutable(Path.of(program))) {
            return false;
        }
        try {
            Process process = new ProcessBuilder(program, "--version")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!process.waitFor(PROBE_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
