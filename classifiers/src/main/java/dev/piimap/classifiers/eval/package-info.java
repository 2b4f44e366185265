/**
 * Accuracy evaluation of a {@link dev.piimap.classifiers.Classifier} on a labelled corpus: JSON Lines
 * {@code {"id","text","spans":[{"type","start","end"}],"negative"}} in ({@link
 * dev.piimap.classifiers.eval.LabelledRecords}), per-type precision, recall and F1 out ({@link
 * dev.piimap.classifiers.eval.EvalReport}). The matching rule is documented on {@link
 * dev.piimap.classifiers.eval.SpanMatching}: by default a finding counts when it has the gold span's
 * type and overlaps it by at least half of the longer span, each gold span matched at most once;
 * {@code EXACT} asks for identical offsets.
 */
package dev.piimap.classifiers.eval;
