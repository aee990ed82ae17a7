// The PDF reader's diagnostics: a finding with its message from read/messages.ts, and the reason an error gives.
import { renderMessage, type Diagnostic, type Severity } from '../../model/diagnostic.ts';
import { PDF_MESSAGES } from '../messages.ts';

/** A PDF reader diagnostic with its zh message rendered. */
export function pdfDiagnostic(
  ruleId: string,
  messageId: keyof typeof PDF_MESSAGES & string,
  severity: Severity,
  data: Record<string, unknown>,
): Diagnostic {
  return { ruleId, severity, messageId, message: renderMessage(PDF_MESSAGES[messageId]!.zh, data), data };
}

/** The message of an error pdf.js threw. */
export function reasonOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
