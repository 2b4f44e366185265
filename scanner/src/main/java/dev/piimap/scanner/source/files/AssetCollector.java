package dev.piimap.scanner.source.files;

import dev.piimap.classifiers.Classifier;
import dev.piimap.classifiers.mask.Fingerprinter;
import dev.piimap.classifiers.summary.SubjectCollector;
import dev.piimap.classifiers.summary.TextSummarizer;
import dev.piimap.classifiers.summary.TypeSummary;
import dev.piimap.scanner.extract.DocumentOutcome;
import dev.piimap.scanner.extract.DocumentSink;
import dev.piimap.scanner.source.AssetFinding;
import dev.piimap.scanner.source.AssetOutcome;
import dev.piimap.scanner.source.ItemResult;
import dev.piimap.scanner.source.SubjectEntry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Classifies each document of one file as its text streams in (one {@link TextSummarizer} per open
 * document) and collects one outcome per asset plus its findings: the file itself as kind
 * {@code file}, every embedded document as kind {@code embedded}. Findings of a truncated or failed
 * document are kept: they were found in the part that was read. With a fingerprinter, each document also
 * gets its own subject index ({@link SubjectCollector}, keys {@code line N}).
 */
final class AssetCollector implements DocumentSink {
    static final String KIND_FILE = "file";
    static final String KIND_EMBEDDED = "embedded";

    private final String source;
    private final String filePath;
    private final Long fileBytes;
    private final Long fileModified;
    private final Classifier classifier;
    private final boolean keepSamples;
    private final Fingerprinter fingerprinter;
    private final Map<String, TextSummarizer> open = new HashMap<>();
    private final Map<String, SubjectCollector> openSubjects = new HashMap<>();
    private final Map<String, Long> declaredBytes = new HashMap<>();
    private final Map<String, AssetOutcome> outcomes = new LinkedHashMap<>();
    private final List<AssetFinding> findings = new ArrayList<>();
    private final List<SubjectEntry> subjects = new ArrayList<>();

    AssetCollector(String source, String filePath, Long fileBytes, Long fileModified, Classifier classifier,
                   boolean keepSamples) {
        this(source, filePath, fileBytes, fileModified, classifier, keepSamples, null);
    }

    /** @param fingerprinter the subject index's fingerprinter, or null to keep no index */
    AssetCollector(String source, String filePath, Long fileBytes, Long fileModified, Classifier classifier,
                   boolean keepSamples, Fingerprinter fingerprinter) {
        this.source = source;
        this.filePath = filePath;
        this.fileBytes = fileBytes;
        this.fileModified = fileModified;
        this.classifier = classifier;
        this.keepSamples = keepSamples;
        this.fingerprinter = fingerprinter;
    }

    @Override
    public void start(String path, Long bytes) {
        SubjectCollector index = fingerprinter == null ? null : new SubjectCollector(fingerprinter);
        if (index != null) {
            openSubjects.put(path, index);
        }
        open.put(path, new TextSummarizer(classifier, index));
        declaredBytes.put(path, bytes);
        outcomes.put(path, null); // keeps assets in the order they started: the file first
    }

    @Override
    public void text(String path, CharSequence chunk) {
        TextSummarizer summarizer = open.get(path);
        if (summarizer != null) {
            summarizer.add(chunk);
        }
    }

    @Override
    public void end(String path, DocumentOutcome outcome) {
        TextSummarizer summarizer = open.remove(path);
        boolean isFile = path.equals(filePath);
        String kind = isFile ? KIND_FILE : KIND_EMBEDDED;
        outcomes.put(path, new AssetOutcome(source, path, kind, outcome.status(), outcome.reason(),
                isFile ? fileBytes : declaredBytes.get(path), isFile ? fileModified : null));
        if (summarizer != null) {
            for (TypeSummary s : summarizer.result()) {
                findings.add(new AssetFinding(source, path, kind, s.type(), s.count(), s.confidence(),
                        keepSamples ? s.sample() : null, s.explanation(), s.detector()));
            }
        }
        subjects.addAll(SubjectEntry.of(source, path, kind, openSubjects.remove(path)));
    }

    /** The outcomes (file first, then embedded documents in the order they were found), findings and subject index. */
    ItemResult result() {
        List<AssetOutcome> assets = new ArrayList<>();
        outcomes.values().forEach(o -> {
            if (o != null) {
                assets.add(o);
            }
        });
        return new ItemResult(assets, findings, subjects, List.of());
    }
}
