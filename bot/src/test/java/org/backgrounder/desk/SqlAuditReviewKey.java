package org.backgrounder.desk;

import org.backgrounder.text.Folding;

/** The group key the audit log gives a question (as {@code SqlAuditLog} folds it). */
final class SqlAuditReviewKey {
  private SqlAuditReviewKey() {}

  static String of(String question) {
    return String.join(" ", Folding.foldedWords(question));
  }
}
